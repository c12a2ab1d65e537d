import type { RunState, RunStatus } from '@completions-kit/core';

/** What a run's status says on screen, in the Playground's answer and in each Compare column. */
export const statusText: Record<RunStatus, string> = {
  idle: '',
  submitted: 'Sent; waiting for the answer…',
  streaming: 'Streaming…',
  done: 'Done.',
  aborted: 'Stopped.',
  incomplete: 'The connection ended early: the output may be incomplete.',
  error: 'Failed.',
};

type Counted = Pick<RunState, 'usage' | 'snapshot' | 'timings'>;

/**
 * The completion tokens a run has so far: from usage when the server sent it, else the logprob
 * entries, else the chunks that carried text (one token each in a stream, as core counts them).
 */
export function tokensSoFar(state: Counted): number | null {
  const fromUsage = state.usage?.completion_tokens ?? state.snapshot?.usage?.completion_tokens;
  if (typeof fromUsage === 'number') return fromUsage;
  const logprobs = (state.snapshot?.choices ?? []).reduce(
    (sum, choice) => sum + (choice.logprobs?.content?.length ?? 0),
    0,
  );
  if (logprobs > 0) return logprobs;
  const timings = state.timings;
  if (!timings?.tokensPerSecond || timings.firstTokenAt === null || timings.lastChunkAt === null) {
    return timings && timings.firstTokenAt !== null ? 1 : null;
  }
  return Math.round((timings.tokensPerSecond * (timings.lastChunkAt - timings.firstTokenAt)) / 1000);
}

/** The status line: Stop is a state the user chose, said once and plainly, with how far it got. */
export function statusLine(state: Counted & Pick<RunState, 'status'>): string {
  if (state.status !== 'aborted') return statusText[state.status];
  const tokens = tokensSoFar(state);
  if (!tokens) return 'Stopped before any answer arrived.';
  return `Stopped after ${tokens} ${tokens === 1 ? 'token' : 'tokens'}.`;
}
