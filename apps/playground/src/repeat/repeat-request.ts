import type { ChatCompletion, ChatCompletionCreateParams, ChatCompletionsClient } from '@completions-kit/core';
import { leftOutLogprobs, meanLogprob, type RepeatOutput } from './consistency.ts';

/**
 * The i-th repeat of a request: sent whole (not streamed), one choice, logprobs on for the mean
 * logprob, and the seed moved on by i so that seeded sampling still varies.
 */
export function repeatBody(body: ChatCompletionCreateParams, seed: number, index: number): ChatCompletionCreateParams {
  const {
    stream_options: _options,
    n: _n,
    top_logprobs: _top,
    ...rest
  } = body as ChatCompletionCreateParams & {
    stream_options?: unknown;
  };
  return { ...rest, stream: false, logprobs: true, seed: seed + index } as ChatCompletionCreateParams;
}

/** Sends one repeat and reads what the figures need; a failure is an output with its error. */
export async function repeatOnce(
  client: ChatCompletionsClient,
  body: ChatCompletionCreateParams,
  index: number,
  signal: AbortSignal,
): Promise<RepeatOutput> {
  const seed = Number(body.seed ?? 0);
  try {
    const completion = (await client.chat.completions.create(body, { signal })) as ChatCompletion;
    const choice = completion.choices[0];
    const content = choice?.message.content;
    return {
      index,
      seed,
      text: typeof content === 'string' ? content : '',
      tokens: completion.usage?.completion_tokens ?? null,
      meanLogprob: meanLogprob(choice?.logprobs?.content),
      leftOutLogprobs: leftOutLogprobs(choice?.logprobs?.content),
      finishReason: choice?.finish_reason ?? null,
    };
  } catch (error) {
    return { index, seed, text: '', tokens: null, meanLogprob: null, error: (error as Error).message };
  }
}
