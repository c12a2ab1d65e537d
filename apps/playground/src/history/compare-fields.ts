import { formatDollars } from '@completions-kit/components';
import type { ChatCompletionCreateParams } from '@completions-kit/core';
import { formatDateTime } from '../format/date.ts';
import type { HistoryRun } from './run-record.ts';

/** A request's settings (everything but its messages) as name and shown value, by name. */
export function paramEntries(request: ChatCompletionCreateParams): [string, string][] {
  return Object.entries(request)
    .filter(([name]) => name !== 'messages')
    .map(([name, value]): [string, string] => [name, typeof value === 'string' ? value : JSON.stringify(value)])
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

export interface ParamRow {
  name: string;
  /** The value in each run; `unset` when the run did not send it. */
  values: [string, string];
  differs: boolean;
}

/** Every setting either run sent, side by side, with those that differ marked. */
export function paramRows(a: ChatCompletionCreateParams, b: ChatCompletionCreateParams): ParamRow[] {
  const left = new Map(paramEntries(a));
  const right = new Map(paramEntries(b));
  const names = [...new Set([...left.keys(), ...right.keys()])].sort();
  return names.map((name) => {
    const values: [string, string] = [left.get(name) ?? 'unset', right.get(name) ?? 'unset'];
    return { name, values, differs: values[0] !== values[1] };
  });
}

/** A request message as plain text: its text parts, and a bracketed word for each other part. */
export function messageText(message: unknown): string {
  const { content } = (message ?? {}) as { content?: unknown };
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part: { type?: unknown; text?: unknown }) =>
      typeof part?.text === 'string' ? part.text : `[${String(part?.type)}]`,
    )
    .join('\n');
}

export const roleOf = (message: unknown) => String((message as { role?: unknown } | null)?.role ?? 'unknown');

const ms = (value: number | null) => (value === null ? '–' : `${Math.round(value).toLocaleString('en-US')} ms`);
const statusWords: Record<HistoryRun['status'], string> = {
  done: 'Done',
  aborted: 'Stopped',
  incomplete: 'Ended early',
  error: 'Failed',
};

export const statusText = (run: HistoryRun) => statusWords[run.status] ?? run.status;

/** The figures a run is judged by, in the order the detail and the diff show them. */
export function figures(run: HistoryRun): [string, string][] {
  const { timings, usage } = run;
  return [
    ['Status', statusText(run)],
    ['Total time', ms(timings.totalMs)],
    ['Time to first token', ms(timings.firstTokenMs)],
    ['Chunks', String(timings.chunks)],
    ['Tokens per second', timings.tokensPerSecond === null ? '–' : timings.tokensPerSecond.toFixed(1)],
    ['Prompt tokens', usage ? String(usage.prompt_tokens) : '–'],
    ['Completion tokens', usage ? String(usage.completion_tokens) : '–'],
    ['Cost', run.cost === null ? 'no price' : formatDollars(run.cost)],
  ];
}

/** When a run was sent, to the second, in the reader's time zone (the app's one date format). */
export const runTime = (run: HistoryRun) => formatDateTime(run.at);

/** The settings that tell runs of one prompt apart, in one line: temperature, seed, length, … */
export function settingsLine(request: ChatCompletionCreateParams): string {
  const shown: [string, unknown][] = [
    ['temperature', request.temperature],
    ['top_p', request.top_p],
    ['seed', request.seed],
    ['max', request.max_completion_tokens ?? request.max_tokens],
    ['reasoning', request.reasoning_effort],
  ];
  return shown
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([name, value]) => (name === 'max' ? `max ${value} tokens` : `${name} ${value}`))
    .join(' · ');
}

/** A run's label: where it ran, the model that answered, and the settings that tell it apart. */
export function runLabel(run: HistoryRun): string {
  const settings = settingsLine(run.request);
  return [run.source ?? 'Playground', run.model || 'no model', settings].filter(Boolean).join(' · ');
}
