import type { Grade, RowValues } from './graders.ts';

// The worker's own code: it takes away every way out to the network before the predicate is built,
// then runs it once. The predicate sees plain data only (answer, row, expected), never the page.
// Code made from a string at run time could reach import(), which loads from the network: eval, the
// string forms of the timers and every function constructor go too, and a source that names import is
// refused before it is built (a keyword cannot be spelled with escapes, so the test cannot be dodged).
const workerSource = `
const compile = Function;
for (const name of ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts', 'Worker',
  'SharedWorker', 'WebTransport', 'indexedDB', 'caches', 'BroadcastChannel', 'navigator', 'eval',
  'Function', 'setTimeout', 'setInterval']) {
  try { Object.defineProperty(self, name, { value: undefined, configurable: false, writable: false }); } catch {}
}
for (const made of [function () {}, async function () {}, function* () {}, async function* () {}]) {
  try {
    Object.defineProperty(Object.getPrototypeOf(made), 'constructor', { value: undefined, configurable: false, writable: false });
  } catch {}
}
self.onmessage = (event) => {
  const { source, answer, row, expected } = event.data;
  let result;
  try {
    if (/\\bimport\\b/.test(source)) throw new Error('import is not available: a predicate runs with no network');
    const predicate = new compile('answer', 'row', 'expected', '"use strict";\\n' + source);
    const value = predicate(answer, row, expected);
    result = typeof value === 'object' && value !== null
      ? { pass: Boolean(value.pass), reason: String(value.reason ?? '') }
      : { pass: Boolean(value), reason: '' };
  } catch (error) {
    result = { pass: false, reason: 'The predicate threw: ' + String(error && error.message || error) };
  }
  self.postMessage(result);
};`;

let workerUrl: string | undefined;

/**
 * Runs a JavaScript predicate on an answer in a fresh Web Worker with no network. The predicate is a
 * function body given `answer`, `row` (values by column) and `expected`; it returns a boolean or
 * `{ pass, reason }`. Past `timeoutMs` the worker is terminated and the grade says so.
 */
export function runPredicate(
  graderId: string,
  source: string,
  answer: string,
  row: RowValues,
  timeoutMs: number,
): Promise<Grade> {
  workerUrl ??= URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
  const worker = new Worker(workerUrl);
  return new Promise<Grade>((resolve) => {
    const finish = (grade: Omit<Grade, 'grader'>) => {
      clearTimeout(timer);
      worker.terminate();
      resolve({ grader: graderId, ...grade });
    };
    const timer = setTimeout(
      () => finish({ pass: false, reason: `Stopped: the predicate ran past its ${timeoutMs} ms limit.` }),
      timeoutMs,
    );
    worker.onmessage = (event: MessageEvent<{ pass: boolean; reason: string }>) =>
      finish({
        pass: event.data.pass,
        reason: event.data.reason || (event.data.pass ? 'The predicate passed.' : 'The predicate failed.'),
      });
    worker.onerror = (event) => {
      event.preventDefault();
      finish({ pass: false, reason: `The predicate could not run: ${event.message}` });
    };
    worker.postMessage({ source, answer, row: Object.fromEntries(row), expected: row.get('expected') ?? '' });
  });
}
