// The model worker: trains the local model once, then answers requests one at a time, so the
// server's event loop (health checks, running streams) never waits for model work.
import { parentPort, workerData } from 'node:worker_threads';
import { HttpError } from '../../http/errors.ts';
import { type AnswerInput, answer } from './answer.ts';
import { type LocalModelOptions, trainLocalModel } from './local-engine.ts';

const port = parentPort;
if (!port) throw new Error('model-thread runs as a worker only');
const model = trainLocalModel(workerData as LocalModelOptions);
port.postMessage({ type: 'ready', stats: model.stats });
port.on('message', ({ id, input }: { id: number; input: AnswerInput }) => {
  try {
    port.postMessage({ type: 'answer', id, output: answer(model, input) });
  } catch (error) {
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
