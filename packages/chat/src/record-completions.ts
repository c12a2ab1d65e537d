import type { ChatCompletion, ChatCompletionsClient } from '@completions-kit/core';

/**
 * The same client, telling `onCompletion` about every finished completion: the conversation store
 * keeps only messages, and the chat shows usage and logprobs under each answer too.
 */
export function recordCompletions(
  client: ChatCompletionsClient,
  onCompletion: (completion: ChatCompletion) => void,
): ChatCompletionsClient {
  const completions = client.chat.completions;
  const create = async (...args: Parameters<typeof completions.create>) => {
    const result = await completions.create(...args);
    if ('finalCompletion' in result) {
      const final = result.finalCompletion.bind(result);
      result.finalCompletion = () =>
        final().then((completion) => {
          onCompletion(completion);
          return completion;
        });
    } else onCompletion(result);
    return result;
  };
  return { chat: { completions: { ...completions, create: create as typeof completions.create } } };
}
