import type { HistoryRun } from './run-record.ts';

/** Runs kept; past this the oldest are dropped. */
export const MAX_RUNS = 200;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const numberOr = <T>(value: unknown, fallback: T) =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;
const textOr = <T>(value: unknown, fallback: T) => (typeof value === 'string' ? value : fallback);

// What the views print is made a string or a number here, whatever the stored entry holds.
function readChoices(choices: Record<string, unknown>[]): HistoryRun['choices'] {
  return choices.map((choice, index) => {
    const message = choice.message as Record<string, unknown>;
    return {
      index: numberOr(choice.index, index),
      message: {
        ...message,
        role: 'assistant',
        content: textOr(message.content, null),
        refusal: textOr(message.refusal, null),
      },
      finish_reason: textOr(choice.finish_reason, null),
    };
  });
}

function readTimings(timings: Record<string, unknown>): HistoryRun['timings'] {
  return {
    firstTokenMs: numberOr(timings.firstTokenMs, null),
    totalMs: numberOr(timings.totalMs, 0),
    chunks: numberOr(timings.chunks, 0),
    tokensPerSecond: numberOr(timings.tokensPerSecond, null),
  };
}

function readError(error: unknown): HistoryRun['error'] {
  if (!isObject(error)) return null;
  return { status: numberOr(error.status, undefined), message: String(error.message ?? 'Unknown error') };
}

/**
 * A stored entry if it has the shape the views read, else undefined: an entry written by another
 * version, or damaged, is skipped rather than breaking the list.
 */
export function parseRun(value: unknown): HistoryRun | undefined {
  if (!isObject(value)) return undefined;
  const { id, at, status, draft, request, choices, timings } = value;
  if (typeof id !== 'string' || typeof at !== 'number' || !Number.isFinite(at)) return undefined;
  if (typeof status !== 'string' || !['done', 'aborted', 'incomplete', 'error'].includes(status)) return undefined;
  if (!isObject(draft) || !Array.isArray(draft.messages) || !draft.messages.every(isObject)) return undefined;
  if (!isObject(draft.params)) return undefined;
  if (!Array.isArray(draft.tools) || !isObject(draft.responseFormat)) return undefined;
  if (!isObject(request) || !Array.isArray(request.messages)) return undefined;
  if (!Array.isArray(choices) || !choices.every((choice) => isObject(choice) && isObject(choice.message)))
    return undefined;
  if (!isObject(timings)) return undefined;
  const run = value as unknown as HistoryRun;
  return {
    ...run,
    model: textOr(value.model, ''),
    choices: readChoices(choices),
    timings: readTimings(timings),
    error: readError(value.error),
    usage: isObject(value.usage) ? run.usage : null,
    cost: numberOr(value.cost, null),
    note: textOr(value.note, null),
  };
}

/** The readable entries among stored values, newest first. */
export function readRuns(values: readonly unknown[]): HistoryRun[] {
  const runs: HistoryRun[] = [];
  for (const value of values) {
    const run = parseRun(value);
    if (run) runs.push(run);
  }
  return runs.sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1));
}

/** The ids to drop so that at most `cap` of these runs (newest first) are kept. */
export function overCap(runs: readonly HistoryRun[], cap = MAX_RUNS): string[] {
  return runs.slice(Math.max(0, cap)).map((run) => run.id);
}

/** The first words of a run's answer (or its error), for a list row. */
export function preview(run: HistoryRun, words = 12): string {
  const text = run.choices[0]?.message.content ?? run.choices[0]?.message.refusal ?? '';
  const source = text.trim() === '' ? (run.error?.message ?? '') : text;
  const parts = source.trim().split(/\s+/).filter(Boolean);
  return parts.slice(0, words).join(' ') + (parts.length > words ? '…' : '');
}

/** Runs whose model is `model` (any when empty) and whose prompt, model or answer contains `text`. */
export function filterRuns(runs: readonly HistoryRun[], text: string, model: string): HistoryRun[] {
  const needle = text.trim().toLowerCase();
  return runs.filter((run) => {
    if (model && run.model !== model) return false;
    if (!needle) return true;
    const prompt = run.draft.messages.map((entry) => entry.text).join('\n');
    const answer = run.choices.map((choice) => choice.message.content ?? '').join('\n');
    return `${run.model}\n${prompt}\n${answer}`.toLowerCase().includes(needle);
  });
}
