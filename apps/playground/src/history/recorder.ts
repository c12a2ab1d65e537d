import type { ChatCompletionCreateParams, RunState } from '@completions-kit/core';
import type { UseRunOptions } from '../run/use-run.ts';
import { type Draft, useDraft } from '../state/draft.ts';
import { recordRun } from './store.ts';

interface Sent {
  draft: Draft;
  at: number;
  startedAt: number;
}

/**
 * `useRun` options that keep every run in the history: the draft is taken as each request is sent
 * (so edits made while it streams do not leak into the record) and the run is kept as it ends.
 * `draftOf` gives the prompt that built the request. Default: the composer's draft.
 */
export function createRunRecorder(draftOf: () => Draft = () => useDraft.getState().draft): Required<UseRunOptions> {
  // Keyed by the request object, so a run replaced by a newer one is still kept with its own draft.
  const sent = new WeakMap<object, Sent>();
  let last: Sent | undefined;
  return {
    onStart(body: ChatCompletionCreateParams) {
      last = { draft: draftOf(), at: Date.now(), startedAt: performance.now() };
      sent.set(body, last);
    },
    onSettled(state: RunState) {
      const origin = (state.request && sent.get(state.request)) || last;
      if (!origin) return;
      void recordRun({ draft: origin.draft, state, at: origin.at, totalMs: performance.now() - origin.startedAt });
    },
  };
}

/** The composer's recorder: one for the Playground view. */
export const playgroundRecorder = createRunRecorder();
