import type { RunStatus } from '@completions-kit/core';

/** What a run's status says on screen, in the Playground's answer and in each Compare column. */
export const statusText: Record<RunStatus, string> = {
  idle: '',
  submitted: 'Sent; waiting for the answer…',
  streaming: 'Streaming…',
  done: 'Done.',
  aborted: 'Stopped: the partial output is kept.',
  incomplete: 'The connection ended early: the output may be incomplete.',
  error: 'Failed.',
};
