import type { RunState } from '@completions-kit/core';
import { describe, expect, it } from 'vitest';
import { defaultDraft } from '../state/draft.ts';
import { filterRuns, MAX_RUNS, overCap, parseRun, preview, readRuns } from './run-list.ts';
import { type HistoryRun, MAX_OUTPUT_CHARS, makeRecord } from './run-record.ts';

function finished(content: string, extra: Partial<RunState> = {}): Parameters<typeof makeRecord>[0]['state'] {
  const completion = {
    id: 'chatcmpl-1',
    object: 'chat.completion' as const,
    created: 1,
    model: 'gpt-4o-mini',
    choices: [
      {
        index: 0,
        message: { role: 'assistant' as const, content, refusal: null },
        finish_reason: 'stop' as const,
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: 1000, completion_tokens: 500, total_tokens: 1500 },
  };
  return {
    status: 'done',
    completion,
    snapshot: undefined,
    usage: completion.usage,
    error: undefined,
    timings: {
      startedAt: 0,
      firstTokenAt: 40,
      lastChunkAt: 90,
      chunkCount: 7,
      timeToFirstTokenMs: 40,
      tokensPerSecond: 12.5,
    },
    request: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }], temperature: 0.3 },
    ...extra,
  } as Parameters<typeof makeRecord>[0]['state'];
}

const runAt = (at: number, content = `answer ${at}`): HistoryRun =>
  makeRecord({ draft: defaultDraft(), state: finished(content), totalMs: 100, at });

describe('makeRecord', () => {
  it('keeps the draft, request, answer, timings, usage and cost of a finished run', () => {
    const draft = defaultDraft('gpt-4o-mini');
    const run = makeRecord({ draft, state: finished('Streams hand chunks to a reader.'), totalMs: 123.6, at: 5 });
    expect(run).toMatchObject({ at: 5, status: 'done', model: 'gpt-4o-mini', note: null, error: null });
    expect(run.draft).toEqual(draft);
    expect(run.draft).not.toBe(draft);
    expect(run.request).toMatchObject({ temperature: 0.3 });
    expect(run.choices[0]?.message.content).toBe('Streams hand chunks to a reader.');
    expect(run.timings).toEqual({ firstTokenMs: 40, totalMs: 124, chunks: 7, tokensPerSecond: 12.5 });
    // gpt-4o-mini's example prices: 0.15 $ per million input tokens and 0.6 $ per million output.
    expect(run.cost).toBeCloseTo(1000 * 0.15e-6 + 500 * 0.6e-6, 12);
  });

  it('keeps the partial answer and the error of a failed run, and has no cost without a price', () => {
    const state = finished('', {
      status: 'error',
      completion: undefined,
      usage: undefined,
      snapshot: {
        id: 'x',
        model: 'my-model',
        created: 1,
        choices: [{ index: 0, message: { role: 'assistant', content: 'half an' }, finish_reason: null }],
      },
      error: { status: 500, message: 'The server broke.' },
      request: { model: 'my-model', messages: [] },
    } as unknown as Partial<RunState>);
    const run = makeRecord({ draft: defaultDraft(), state, totalMs: 10 });
    expect(run.status).toBe('error');
    expect(run.choices[0]?.message.content).toBe('half an');
    expect(run.error).toEqual({ status: 500, message: 'The server broke.' });
    expect(run.cost).toBeNull();
    expect(preview(run)).toBe('half an');
  });

  it('cuts a huge answer to the limit and says so', () => {
    const run = makeRecord({ draft: defaultDraft(), state: finished('x'.repeat(MAX_OUTPUT_CHARS * 3)), totalMs: 1 });
    expect(run.choices[0]?.message.content).toHaveLength(MAX_OUTPUT_CHARS);
    expect(run.note).toMatch(/not kept/);
  });
});

describe('the kept list', () => {
  it('reads newest first and skips damaged entries instead of failing', () => {
    const good = [runAt(1), runAt(3), runAt(2)];
    const damaged = [
      null,
      'text',
      { id: 'x' },
      { ...runAt(4), draft: { messages: 'no' } },
      { ...runAt(5), at: Number.NaN },
    ];
    expect(readRuns([...damaged, ...good]).map((run) => run.at)).toEqual([3, 2, 1]);
    expect(parseRun({ ...runAt(6), draft: { ...defaultDraft(), messages: [null] } })).toBeUndefined();
  });

  it('makes what the views print a string or a number, whatever a damaged entry holds', () => {
    const run = runAt(8);
    const damaged = {
      ...run,
      choices: [{ message: { content: 42, refusal: {} }, finish_reason: 7 }],
      timings: { totalMs: 'slow', tokensPerSecond: '9' },
      error: { status: 'x', message: 404 },
    };
    const read = parseRun(damaged);
    expect(read?.choices).toEqual([
      { index: 0, message: { role: 'assistant', content: null, refusal: null }, finish_reason: null },
    ]);
    expect(read?.timings).toEqual({ firstTokenMs: null, totalMs: 0, chunks: 0, tokensPerSecond: null });
    expect(read?.error).toEqual({ status: undefined, message: '404' });
    expect(read && preview(read)).toBe('404');
  });

  it('fills in fields an older entry lacks', () => {
    const { model: _model, cost: _cost, ...old } = runAt(7);
    expect(parseRun(old)).toMatchObject({ model: '', cost: null });
  });

  it('drops the oldest past the cap', () => {
    const runs = readRuns(Array.from({ length: MAX_RUNS + 3 }, (_, index) => runAt(index)));
    expect(overCap(runs)).toEqual(runs.slice(MAX_RUNS).map((run) => run.id));
    expect(overCap(runs).length).toBe(3);
    expect(runs.slice(MAX_RUNS).map((run) => run.at)).toEqual([2, 1, 0]);
    expect(overCap(runs.slice(0, 10))).toEqual([]);
  });

  it('filters by text in the prompt or answer, and by model', () => {
    const runs = [runAt(1, 'about readers'), runAt(2, 'about writers')];
    expect(filterRuns(runs, 'WRITERS', '').map((run) => run.at)).toEqual([2]);
    expect(filterRuns(runs, 'readable stream', '')).toHaveLength(2);
    expect(filterRuns(runs, '', 'other-model')).toEqual([]);
    expect(preview(runAt(3, 'one two three four five six seven eight nine ten eleven twelve thirteen'))).toBe(
      'one two three four five six seven eight nine ten eleven twelve…',
    );
  });
});
