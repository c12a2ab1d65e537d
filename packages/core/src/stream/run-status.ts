import type { RunStatus } from '../types.ts';

/**
 * Whether a request with this status is live: sent and not ended (`submitted` or `streaming`).
 * A module of its own, so the components that ask it carry nothing of the run.
 */
export const isRunning = (status: RunStatus): boolean => status === 'submitted' || status === 'streaming';
