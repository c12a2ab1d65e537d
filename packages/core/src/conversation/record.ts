import type { RunState } from '../stream/completion-run.ts';
import { finalizeSnapshot } from '../stream/finalize.ts';
import type { ChatCompletion, ChatCompletionMessageParam } from '../types.ts';
import type { CompletionRecord, TurnNode } from './tree.ts';

const emptyAnswer: ChatCompletionMessageParam = { role: 'assistant', content: '' };

/** The completion a run holds (finished, or what arrived before it stopped), in the form the tree keeps. */
function completionOf(state: RunState): ChatCompletion | undefined {
  return state.completion ?? (state.snapshot && finalizeSnapshot(state.snapshot));
}

export function recordOf(completion: ChatCompletion): CompletionRecord {
  const { id, model, created, system_fingerprint, service_tier, usage } = completion;
  return {
    id,
    model,
    created,
    ...(system_fingerprint === undefined ? {} : { system_fingerprint }),
    ...(service_tier === undefined ? {} : { service_tier }),
    usage: usage ?? null,
    choices: completion.choices.map((choice) => ({
      index: choice.index,
      message: choice.message as ChatCompletionMessageParam,
      finish_reason: choice.finish_reason ?? null,
      logprobs: choice.logprobs ?? null,
    })),
  };
}

/**
 * What the answer node says at this point of its run: its status, the first choice's message, the
 * completion so far, timings and error. A stopped run's error (the caller's own abort) is not kept.
 */
export function answerPatch(state: RunState): Partial<TurnNode> {
  const completion = completionOf(state);
  const record = completion && recordOf(completion);
  const message = record?.choices.find((choice) => choice.index === 0)?.message ?? record?.choices[0]?.message;
  return {
    status: state.status,
    message: message ?? emptyAnswer,
    ...(record ? { completion: record } : {}),
    ...(state.timings ? { timings: state.timings } : {}),
    error: state.status === 'aborted' ? undefined : state.error,
  };
}

export const newAnswer = (id: string, parentId: string | null): TurnNode => ({
  id,
  parentId,
  message: emptyAnswer,
  children: [],
  status: 'submitted',
});

/** While the answer streams: status and the first choice's text so far (the record is made at the end). */
export function livePatch(state: RunState): Partial<TurnNode> {
  const choice = state.snapshot?.choices.find((item) => item.index === 0);
  return {
    status: state.status,
    ...(choice ? { message: choice.message as unknown as ChatCompletionMessageParam } : {}),
    ...(state.timings ? { timings: state.timings } : {}),
  };
}
