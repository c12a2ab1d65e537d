import type {
  ChatCompletion,
  ChatCompletionMessage,
  ChatCompletionSnapshot,
  FinishReason,
  SnapshotChoice,
  SnapshotMessage,
} from '../types.ts';

/**
 * Narrows a finished snapshot to a `ChatCompletion` of the same shape as a non-streamed one:
 * tool calls lose their stream `index`, and a choice the server ended without a finish_reason gets
 * the one the SDKs infer (audio streams never send one; some compatible servers omit it).
 *
 * @example
 * const completion = finalizeSnapshot(snapshot);
 */
export function finalizeSnapshot(snapshot: ChatCompletionSnapshot): ChatCompletion {
  const { choices, ...rest } = snapshot;
  return { ...rest, object: 'chat.completion', choices: choices.map(finalizeChoice) } as ChatCompletion;
}

function finalizeChoice(choice: SnapshotChoice): ChatCompletion.Choice {
  const { message, logprobs, finish_reason, ...rest } = choice;
  return {
    ...rest,
    index: choice.index,
    message: finalizeMessage(message),
    logprobs: logprobs && {
      content: logprobs.content ? logprobs.content.slice() : null,
      refusal: logprobs.refusal ? logprobs.refusal.slice() : null,
    },
    finish_reason: finish_reason ?? inferFinishReason(message),
  };
}

/** The finish_reason a choice would have had, for streams that end without one. */
export function inferFinishReason(message: SnapshotMessage): FinishReason {
  if (message.tool_calls && message.tool_calls.length > 0) return 'tool_calls';
  if (message.function_call) return 'function_call';
  return 'stop';
}

function finalizeMessage(message: SnapshotMessage): ChatCompletionMessage {
  const { tool_calls, audio, ...rest } = message;
  const final: ChatCompletionMessage = { ...rest };
  if (tool_calls) {
    final.tool_calls = tool_calls.map(({ index: _index, ...call }) => call);
  }
  if (audio) final.audio = audio as ChatCompletionMessage['audio'];
  return final;
}
