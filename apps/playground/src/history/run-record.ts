import { costOf, examplePrices, type PriceTable, priceFor } from '@completions-kit/components';
import type { ChatCompletionCreateParams, CompletionUsage, RunState } from '@completions-kit/core';
import type { Draft } from '../state/draft.ts';

/** How a kept run ended: finished, stopped (partial kept), cut short, or failed (partial kept). */
export type HistoryStatus = 'done' | 'aborted' | 'incomplete' | 'error';

/** One choice of a kept run's answer (the final one, or what arrived before a stop or failure). */
export interface HistoryChoice {
  index: number;
  message: { role: 'assistant'; content: string | null; refusal?: string | null; tool_calls?: unknown[] };
  finish_reason: string | null;
}

export interface HistoryTimings {
  /** Milliseconds from sending to the first token; null when none arrived or the run was not streamed. */
  firstTokenMs: number | null;
  totalMs: number;
  chunks: number;
  tokensPerSecond: number | null;
}

/** A run as the history keeps it: everything needed to read it again, diff it, or reopen its prompt. */
export interface HistoryRun {
  id: string;
  /** When it was sent, in milliseconds since 1970. */
  at: number;
  status: HistoryStatus;
  /** The composer's prompt exactly as it was when the run was sent. */
  draft: Draft;
  request: ChatCompletionCreateParams;
  model: string;
  choices: HistoryChoice[];
  error: { status?: number; message: string } | null;
  timings: HistoryTimings;
  usage: CompletionUsage | null;
  /** US dollars by the price table; null when the model has no price. */
  cost: number | null;
  /** Says what was cut to keep the entry small, when anything was. */
  note: string | null;
  /** Where it ran: "Playground", "Compare · variant B"; absent in runs kept before it was noted. */
  source?: string;
}

/** What a caller hands to `recordRun`: the draft that built the request and the run's final state. */
export interface RecordInput {
  draft: Draft;
  state: Pick<RunState, 'status' | 'snapshot' | 'completion' | 'usage' | 'error' | 'timings' | 'request'>;
  /** Milliseconds from sending to the end, as the caller measured it. */
  totalMs: number;
  /** When it was sent. Default: now minus `totalMs`. */
  at?: number;
  /** Default: `examplePrices`. */
  prices?: PriceTable;
  /** Where it ran, for the history's labels. Default: Playground. */
  source?: string;
}

/** Characters of output kept per choice: model output is untrusted and can be huge. */
export const MAX_OUTPUT_CHARS = 100_000;
const ended: readonly string[] = ['done', 'aborted', 'incomplete', 'error'];

const newRunId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

function keptChoices(state: RecordInput['state']): { choices: HistoryChoice[]; cut: boolean } {
  const source = (state.completion ?? state.snapshot)?.choices ?? [];
  let cut = false;
  const choices = source.map((choice, index): HistoryChoice => {
    const raw = choice.message as { content?: unknown; refusal?: unknown; tool_calls?: unknown };
    let content = typeof raw.content === 'string' ? raw.content : null;
    if (content && content.length > MAX_OUTPUT_CHARS) {
      content = content.slice(0, MAX_OUTPUT_CHARS);
      cut = true;
    }
    const message: HistoryChoice['message'] = { role: 'assistant', content };
    if (typeof raw.refusal === 'string') message.refusal = raw.refusal.slice(0, MAX_OUTPUT_CHARS);
    if (Array.isArray(raw.tool_calls) && raw.tool_calls.length > 0) message.tool_calls = raw.tool_calls;
    return { index: choice.index ?? index, message, finish_reason: choice.finish_reason ?? null };
  });
  return { choices, cut };
}

/** The entry for a finished, stopped or failed run, with its timings and cost worked out. */
export function makeRecord(input: RecordInput): HistoryRun {
  const { state, draft, totalMs } = input;
  const request = (state.request ?? {}) as ChatCompletionCreateParams;
  const status = (ended.includes(state.status) ? state.status : 'error') as HistoryStatus;
  const usage = state.usage ?? state.completion?.usage ?? state.snapshot?.usage ?? null;
  const model = state.completion?.model ?? state.snapshot?.model ?? String(request.model ?? '');
  const price =
    priceFor(input.prices ?? examplePrices, model) ?? priceFor(input.prices ?? examplePrices, request.model);
  const { choices, cut } = keptChoices(state);
  return {
    id: newRunId(),
    at: input.at ?? Date.now() - totalMs,
    status,
    draft: structuredClone(draft),
    request: structuredClone(request),
    model,
    choices,
    error: state.error ? { status: state.error.status, message: String(state.error.message) } : null,
    timings: {
      firstTokenMs: state.timings?.timeToFirstTokenMs ?? null,
      totalMs: Math.max(0, Math.round(totalMs)),
      chunks: state.timings?.chunkCount ?? 0,
      tokensPerSecond: state.timings?.tokensPerSecond ?? null,
    },
    usage: usage ? structuredClone(usage) : null,
    cost: usage && price ? costOf(usage, price).total : null,
    source: input.source ?? 'Playground',
    note: cut
      ? `Output longer than ${MAX_OUTPUT_CHARS.toLocaleString('en-US')} characters: the rest was not kept.`
      : null,
  };
}
