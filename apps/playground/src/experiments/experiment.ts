import type { ChatCompletionCreateParams } from '@completions-kit/core';
import { buildRequest } from '../request/build-request.ts';
import { type Draft, message } from '../state/draft.ts';
import type { Table } from './dataset-parse.ts';
import type { Grade, GraderSpec } from './graders.ts';

/** A dataset version: a table of variable values, `expected` (if a column) the reference answer. */
export interface Dataset extends Table {
  id: string;
  name: string;
  version: number;
  createdAt: number;
}

/** What a variant changes from the prompt; an empty field keeps the prompt's own value. */
export interface ExperimentVariant {
  id: string;
  name: string;
  model: string;
  temperature: string;
  maxTokens: string;
  /** Replaces the prompt's system message (or is put first when it has none). */
  system: string;
}

export type ExperimentStatus = 'ready' | 'running' | 'paused' | 'cancelled' | 'done';

export interface Experiment {
  id: string;
  name: string;
  createdAt: number;
  /** The prompt as it was when the experiment was made (the draft or a saved version). */
  draft: Draft;
  promptLabel: string;
  datasetId: string;
  variants: ExperimentVariant[];
  graders: GraderSpec[];
  concurrency: number;
  status: ExperimentStatus;
}

/** One answer: a row run through a variant, with its grades. Saved as soon as it ends. */
export interface Cell {
  key: string;
  experiment: string;
  variant: string;
  row: number;
  status: 'done' | 'error';
  answer: string;
  error: string | null;
  grades: Grade[];
  promptTokens: number | null;
  completionTokens: number | null;
  cost: number | null;
  latencyMs: number;
  completionId: string | null;
  /** The request sent, so the cell opens in the playground as it ran. */
  request: ChatCompletionCreateParams;
}

export const MAX_VARIANTS = 12;
export const cellKey = (experiment: string, variant: string, row: number) => `${experiment}|${variant}|${row}`;
export const newExperimentId = () => `exp_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A row's values by column (the names `{{variables}}` and graders use). */
export const rowValues = (dataset: Table, row: number) =>
  new Map(dataset.columns.map((name, index) => [name, dataset.rows[row]?.[index] ?? '']));

function variantDraft(draft: Draft, variant: ExperimentVariant, values: Map<string, string>): Draft {
  const params = { ...draft.params };
  if (variant.model.trim()) params.model = variant.model.trim();
  if (variant.temperature.trim()) params.temperature = variant.temperature.trim();
  if (variant.maxTokens.trim()) params.max_completion_tokens = variant.maxTokens.trim();
  let messages = draft.messages;
  if (variant.system.trim()) {
    const at = messages.findIndex((entry) => entry.role === 'system' || entry.role === 'developer');
    messages =
      at >= 0
        ? messages.map((entry, index) => (index === at ? { ...entry, text: variant.system } : entry))
        : [message('system', variant.system), ...messages];
  }
  return { ...draft, params, messages, variables: [...values].map(([name, value]) => ({ name, value })) };
}

/**
 * The request for one cell: the prompt with the variant's overrides and the row's values filled in,
 * streamed with usage, and (where the connection keeps completions) stored with metadata naming the
 * experiment, variant and row so Logs can list one experiment's calls.
 */
export function cellRequest(
  experiment: Pick<Experiment, 'id' | 'draft'>,
  variant: ExperimentVariant,
  dataset: Table,
  row: number,
  store: boolean,
): { body: ChatCompletionCreateParams; problems: Record<string, string> } {
  const { body, problems } = buildRequest(variantDraft(experiment.draft, variant, rowValues(dataset, row)));
  const sent = { ...body, stream: true, stream_options: { include_usage: true } } as ChatCompletionCreateParams & {
    metadata?: Record<string, string>;
  };
  delete (sent as { n?: unknown }).n;
  if (store) {
    sent.store = true;
    sent.metadata = { ...(sent.metadata ?? {}), experiment: experiment.id, variant: variant.id, row: String(row) };
  }
  return { body: sent, problems };
}
