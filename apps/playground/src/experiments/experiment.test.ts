import { describe, expect, it } from 'vitest';
import { defaultDraft, message } from '../state/draft.ts';
import { type Cell, cellKey, cellRequest, type ExperimentVariant } from './experiment.ts';
import { filterRows, quantile, summarize } from './summary.ts';

const dataset = {
  columns: ['city', 'expected'],
  rows: [
    ['Paris', 'Paris'],
    ['Oslo', 'Oslo'],
  ],
};
const variant = (change: Partial<ExperimentVariant> = {}): ExperimentVariant => ({
  id: 'v1',
  name: 'One',
  model: '',
  temperature: '',
  maxTokens: '',
  system: '',
  ...change,
});

describe('cell requests', () => {
  const draft = { ...defaultDraft(), messages: [message('user', 'Capital: {{city}}')] };

  it('fill the row’s values, stream with usage and carry the experiment’s metadata when stored', () => {
    const { body, problems } = cellRequest({ id: 'exp1', draft }, variant(), dataset, 1, true);
    expect(problems).toEqual({});
    expect(body).toMatchObject({
      messages: [{ role: 'user', content: 'Capital: Oslo' }],
      stream: true,
      stream_options: { include_usage: true },
      store: true,
      metadata: { experiment: 'exp1', variant: 'v1', row: '1' },
    });
  });

  it('send no store or metadata where the connection keeps nothing', () => {
    const { body } = cellRequest({ id: 'exp1', draft }, variant(), dataset, 0, false);
    expect(body).not.toHaveProperty('store');
    expect(body).not.toHaveProperty('metadata');
  });

  it('let a variant set its model, temperature, length and system prompt', () => {
    const overridden = variant({ model: 'other', temperature: '0.2', maxTokens: '9', system: 'Be brief.' });
    const { body } = cellRequest({ id: 'e', draft }, overridden, dataset, 0, false);
    expect(body).toMatchObject({ model: 'other', temperature: 0.2, max_completion_tokens: 9 });
    expect(body.messages[0]).toEqual({ role: 'system', content: 'Be brief.' });
    const withSystem = { ...draft, messages: [message('system', 'Old.'), ...draft.messages] };
    const replaced = cellRequest({ id: 'e', draft: withSystem }, overridden, dataset, 0, false).body;
    expect(replaced.messages.map((entry) => entry.content)).toEqual(['Be brief.', 'Capital: Paris']);
  });
});

const cell = (variantId: string, row: number, pass: boolean, latencyMs: number, cost: number | null = 0.001): Cell => ({
  key: cellKey('e', variantId, row),
  experiment: 'e',
  variant: variantId,
  row,
  status: 'done',
  answer: 'a',
  error: null,
  grades: [{ grader: 'g', pass, reason: '' }],
  promptTokens: 1,
  completionTokens: 1,
  cost,
  latencyMs,
  completionId: null,
  request: { model: 'm', messages: [] },
});

describe('summaries and filters', () => {
  const variants = [variant(), variant({ id: 'v2', name: 'Two' })];
  const cells = [
    cell('v1', 0, true, 100),
    cell('v1', 1, false, 300, null),
    cell('v2', 0, true, 50),
    cell('v2', 1, true, 70),
  ];

  it('give each variant its pass rate, mean cost and latency quantiles', () => {
    expect(summarize(variants, cells)).toEqual([
      { variant: 'v1', done: 2, passRate: 0.5, meanCost: 0.001, p50Ms: 100, p95Ms: 300 },
      { variant: 'v2', done: 2, passRate: 1, meanCost: 0.001, p50Ms: 50, p95Ms: 70 },
    ]);
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBe(10);
  });

  it('keep only rows with a failure, or where variants disagree', () => {
    const map = new Map(cells.map((entry) => [entry.key, entry]));
    const keyOf = (variantId: string, row: number) => cellKey('e', variantId, row);
    expect(filterRows(2, variants, map, keyOf, 'all')).toEqual([0, 1]);
    expect(filterRows(2, variants, map, keyOf, 'failures')).toEqual([1]);
    expect(filterRows(2, variants, map, keyOf, 'disagreements')).toEqual([1]);
    map.set(keyOf('v2', 1), cell('v2', 1, false, 70));
    expect(filterRows(2, variants, map, keyOf, 'disagreements')).toEqual([]);
  });
});
