import type { RunState } from '@completions-kit/core';

/** What a column shows of its run's speed. */
export interface Figures {
  /** Milliseconds to the first token (streams only), or null. */
  firstTokenMs: number | null;
  /** Milliseconds from sending to the end, or null while it runs. */
  totalMs: number | null;
  tokensPerSecond: number | null;
}

/** The figures of one run from its state and its send and end times (`performance.now()`). */
export function figuresOf(state: RunState, sentAt: number, endedAt: number | null): Figures {
  const totalMs = endedAt === null || state.status === 'idle' ? null : endedAt - sentAt;
  const firstTokenMs = state.timings?.timeToFirstTokenMs ?? null;
  const tokens = state.usage?.completion_tokens;
  // Streams count from the first token; an answer sent whole only has the total time to go by.
  const fallback = tokens !== undefined && totalMs !== null && totalMs > 0 ? tokens / (totalMs / 1000) : null;
  return { firstTokenMs, totalMs, tokensPerSecond: state.timings?.tokensPerSecond ?? fallback };
}

/** A figure for people: whole milliseconds below a second, else seconds; a dash when unknown. */
export function formatMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '–';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export function formatRate(rate: number | null): string {
  return rate === null || !Number.isFinite(rate) ? '–' : `${rate.toFixed(1)}`;
}
