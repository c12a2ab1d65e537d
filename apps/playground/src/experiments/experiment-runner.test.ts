import { createChatCompletionsClient } from '@completions-kit/core';
import { describe, expect, inject, it } from 'vitest';
import { defaultDraft, message } from '../state/draft.ts';
import type { Cell, Dataset, Experiment } from './experiment.ts';
import { createExperimentRunner, type RunProgress } from './experiment-runner.ts';

const dataset: Dataset = {
  id: 'words@v1',
  name: 'words',
  version: 1,
  createdAt: 0,
  columns: ['word', 'expected'],
  rows: ['alpha', 'beta', 'gamma', 'delta', 'epsilon'].map((word) => [word, word]),
};

const experiment = (id: string): Experiment => ({
  id,
  name: 'runner test',
  createdAt: 0,
  draft: { ...defaultDraft(), messages: [message('user', 'Say {{word}}.')] },
  promptLabel: 'the draft',
  datasetId: dataset.id,
  variants: [
    { id: 'a', name: 'A', model: '', temperature: '', maxTokens: '8', system: '' },
    { id: 'b', name: 'B', model: '', temperature: '', maxTokens: '8', system: 'Be brief.' },
  ],
  graders: [{ id: 'long', kind: 'length', min: 1, max: null }],
  concurrency: 2,
  status: 'ready',
});

function runner(chosen: Experiment, finished: string[], saved: Cell[]) {
  const client = createChatCompletionsClient({ baseURL: inject('serverUrl'), maxRetries: 0 });
  const run = createExperimentRunner({
    experiment: chosen,
    dataset,
    client: () => client,
    store: true,
    finished,
    saveCell: async (cell) => saved.push(cell),
    onCell: () => {},
  });
  const reached = (status: RunProgress['status']) =>
    new Promise<RunProgress>((resolve) => {
      const stop = run.subscribe((progress) => {
        if (progress.status === status) {
          stop();
          resolve(progress);
        }
      });
    });
  return { run, reached };
}

describe('experiment runner', () => {
  it("asks a model-graded judge on its own connection, and the experiment's prompts on theirs", async () => {
    const id = `exp_judge_${Date.now().toString(36)}`;
    const server = inject('serverUrl');
    const asked: string[] = [];
    // Two clients to the same real server: which one each request went through is recorded.
    const tagged = () => createChatCompletionsClient({ baseURL: server, maxRetries: 0 });
    const sentBy: string[] = [];
    const saved: Cell[] = [];
    const chosen: Experiment = {
      ...experiment(id),
      variants: [{ id: 'a', name: 'A', model: '', temperature: '', maxTokens: '8', system: '' }],
      graders: [
        { id: 'judge', kind: 'model', prompt: 'Grade {{answer}}', model: '', threshold: 0, connection: 'proxy' },
      ],
    };
    const run = createExperimentRunner({
      experiment: chosen,
      dataset: { ...dataset, rows: dataset.rows.slice(0, 2) },
      client: () => {
        sentBy.push('experiment');
        return tagged();
      },
      judgeClient: (connection, graderId) => {
        asked.push(`${connection} ${graderId}`);
        return tagged();
      },
      store: false,
      finished: [],
      saveCell: async (cell) => saved.push(cell),
      onCell: () => {},
    });
    const done = new Promise<void>((resolve) => {
      const stop = run.subscribe((progress) => {
        if (progress.status === 'done') {
          stop();
          resolve();
        }
      });
    });
    run.start();
    await done;
    expect(asked).toEqual(['proxy judge', 'proxy judge']);
    expect(sentBy).toHaveLength(2);
    expect(saved).toHaveLength(2);
    // The judge answered through its client: a score and a reason in each cell's grade.
    for (const cell of saved) expect(cell.grades[0]).toMatchObject({ grader: 'judge', score: expect.any(Number) });
  });

  it('pauses after the cells in flight, and a new runner given the saved cells runs only the rest', async () => {
    const id = `exp_test_${Date.now().toString(36)}`;
    const saved: Cell[] = [];
    const first = runner(experiment(id), [], saved);
    const paused = first.reached('paused');
    const stop = first.run.subscribe((progress) => {
      if (progress.done >= 1) {
        stop();
        first.run.pause();
      }
    });
    first.run.start();
    const atPause = await paused;
    expect(atPause.done).toBe(saved.length);
    expect(atPause.done).toBeLessThan(10);

    const second = runner(
      experiment(id),
      saved.map((cell) => cell.key),
      saved,
    );
    expect(second.run.progress()).toMatchObject({ status: 'idle', done: atPause.done, total: 10 });
    const done = second.reached('done');
    second.run.start();
    expect(await done).toMatchObject({ done: 10, total: 10, running: 0 });
    expect(new Set(saved.map((cell) => cell.key)).size).toBe(10);
    expect(saved).toHaveLength(10);
    expect(saved.every((cell) => cell.status === 'done' && cell.grades[0]?.pass)).toBe(true);

    const client = createChatCompletionsClient({ baseURL: inject('serverUrl'), maxRetries: 0 });
    const stored = await client.chat.completions.list({ metadata: { experiment: id }, limit: 100 });
    expect(stored.data).toHaveLength(10);
  });

  it('cancel aborts the cells in flight without saving them; they are left for Resume', async () => {
    const saved: Cell[] = [];
    const { run, reached } = runner(experiment(`exp_cancel_${Date.now().toString(36)}`), [], saved);
    run.start();
    expect(run.progress().running).toBe(2);
    run.cancel();
    await new Promise<void>((resolve) => {
      const check = () => run.progress().running === 0 && resolve();
      run.subscribe(check);
      check();
    });
    expect(saved).toHaveLength(0);
    const done = reached('done');
    run.start();
    expect(await done).toMatchObject({ done: 10 });
    expect(saved).toHaveLength(10);
  });
});
