// The model worker: trains the local model once, then answers requests a slice at a time, so the
// server's event loop (health checks, running streams) never waits for model work, and no request
// holds the model for long: messages are served in order, and each asks for one slice at most.
import { parentPort, workerData } from 'node:worker_threads';
import { HttpError } from '../../http/errors.ts';
import type { AnswerInput } from './answer.ts';
import { AnswerJob } from './answer-job.ts';
import { type LocalModelOptions, trainLocalModel } from './local-engine.ts';
import { encode } from './tokenizer.ts';

export type ToThread =
  | { type: 'start'; id: number; input: AnswerInput }
  | { type: 'more'; id: number }
  | { type: 'cancel'; id: number }
  | { type: 'census'; id: number };

const port = parentPort;
if (!port) throw new Error('model-thread runs as a worker only');
const model = trainLocalModel(workerData as LocalModelOptions);
const jobs = new Map<number, AnswerJob>();
port.postMessage({ type: 'ready', stats: model.stats });
// Loaded tables no longer need the tokenizer or the passages' index to start: they are made now,
// before the first request asks.
encode('');
model.warm();
port.on('message', (message: ToThread) => {
  const { id } = message;
  try {
    if (message.type === 'cancel') jobs.delete(id);
    else if (message.type === 'census') {
      const tokens = [...jobs.values()].reduce((sum, job) => sum + job.made, 0);
      port.postMessage({ type: 'census', id, census: { answers: jobs.size, tokens, asking: 0 } });
    } else if (message.type === 'start') start(id, message.input);
    else {
      const job = jobs.get(id);
      // Every ask is answered: the server waits for it.
      if (!job) throw new Error(`No answer ${id} in progress.`);
      sendSlice(id, job);
    }
  } catch (error) {
    jobs.delete(id);
    const known = error instanceof HttpError;
    port.postMessage({
      type: 'error',
      id,
      error: known
        ? { status: error.status, message: error.message, param: error.param, code: error.code }
        : { status: 500, message: String((error as Error).stack ?? error), param: null, code: null },
    });
  }
});

function start(id: number, input: AnswerInput): void {
  const job = new AnswerJob(model, input);
  // A lazy answer's first slice comes with its head: an answer that fails early fails before any byte is sent.
  const slice = job.head.lazy ? job.slice() : null;
  if (slice && !slice.done) jobs.set(id, job);
  (port as NonNullable<typeof port>).postMessage({ type: 'head', id, head: job.head, slice });
}

function sendSlice(id: number, job: AnswerJob): void {
  const slice = job.slice();
  if (slice.done) jobs.delete(id);
  (port as NonNullable<typeof port>).postMessage({ type: 'slice', id, slice });
}
