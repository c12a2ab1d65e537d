// The server under realistic load, in one process: tokenizer time against input size for several
// shapes of text, /health while a 1 MB request is served, list latency at 100,000 stored completions
// and the per-chunk cost of streaming. The footprint part (time to ready, resident memory, fairness
// under big answers) runs the server in its own process.
// Run: pnpm bench:server (or name parts: tokenizer, health, footprint, quality: those parts only)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../packages/server/src/index.ts';
import { benchFootprint } from './bench-server/footprint.ts';
import { benchHealthUnderLoad } from './bench-server/health-under-load.ts';
import { benchQuality } from './bench-server/quality.ts';
import { benchTokenizer } from './bench-server/tokenizer.ts';

const named = ['tokenizer', 'health', 'footprint', 'quality'].filter((part) => process.argv.includes(part));
const wanted = (part: string) => named.length === 0 || named.includes(part);
if (wanted('tokenizer')) benchTokenizer();
if (wanted('health')) {
  console.log('');
  await benchHealthUnderLoad();
}
if (wanted('footprint')) {
  console.log('');
  await benchFootprint();
}
if (wanted('quality')) {
  console.log('');
  await benchQuality();
}
if (named.length > 0) process.exit(0);
console.log('');

const ROWS = 100_000;
const SAMPLES = 200;
const dataDir = mkdtempSync(path.join(tmpdir(), 'ck-bench-'));
const server = await startServer({ port: 0, dataDir, rateLimit: { requests: 0, windowMs: 60_000 } });

const started = performance.now();
// Setup only: rows built inside the database, shaped like what the server stores.
await server.store.sql.exec(`
  insert into completions (id, created, model, metadata, request, response)
  select 'chatcmpl-bench' || lpad(n::text, 7, '0'),
         1760000000 + n * 60,
         'model-' || (n % 5),
         jsonb_build_object('user', 'u' || (n % 1000), 'topic', 't' || (n % 10)),
         jsonb_build_object('messages', jsonb_build_array(jsonb_build_object('role', 'user', 'content', 'Question number ' || n || ' about streams and buffers?')), 'params', jsonb_build_object('model', 'model-' || (n % 5))),
         jsonb_build_object('id', 'chatcmpl-bench' || lpad(n::text, 7, '0'), 'object', 'chat.completion', 'created', 1760000000 + n * 60, 'model', 'model-' || (n % 5),
           'choices', jsonb_build_array(jsonb_build_object('index', 0, 'finish_reason', 'stop', 'logprobs', null,
             'message', jsonb_build_object('role', 'assistant', 'refusal', null, 'content', repeat('An answer of some length. ', 20)))),
           'usage', jsonb_build_object('prompt_tokens', 12, 'completion_tokens', 120, 'total_tokens', 132))
  from generate_series(1, ${ROWS}) as n;
  analyze completions;`);
console.log(
  `Inserted ${ROWS.toLocaleString('en')} stored completions in ${((performance.now() - started) / 1000).toFixed(1)} s (PGlite, file-backed).\n`,
);

const percentile = (values: number[], share: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * share))] as number;

async function time(url: () => string): Promise<number[]> {
  const samples: number[] = [];
  for (let index = 0; index < SAMPLES; index++) {
    const begin = performance.now();
    const response = await fetch(url());
    if (response.status !== 200) throw new Error(`${response.status} ${await response.text()}`);
    await response.arrayBuffer();
    samples.push(performance.now() - begin);
  }
  return samples;
}

const randomId = () => `chatcmpl-bench${String(1 + Math.floor(Math.random() * ROWS)).padStart(7, '0')}`;
const list = `${server.url}/chat/completions`;
const queries: [string, () => string][] = [
  ['first page (newest 20)', () => list],
  ['a page after a random id', () => `${list}?after=${randomId()}`],
  ['oldest first, after a random id', () => `${list}?order=asc&after=${randomId()}`],
  ['model filter', () => `${list}?model=model-3`],
  ['metadata filter, 1 in 10', () => `${list}?metadata[topic]=t7`],
  ['metadata filter, 1 in 1,000', () => `${list}?metadata[user]=u${Math.floor(Math.random() * 1000)}`],
  [
    'two metadata pairs + model',
    () => `${list}?model=model-2&metadata[topic]=t2&metadata[user]=u${Math.floor(Math.random() * 100) * 10 + 2}`,
  ],
  ['retrieve by id', () => `${list}/${randomId()}`],
];
console.log(['query (HTTP, limit 20)', 'p50 ms', 'p95 ms', 'target p95'].join('\t'));
const all: number[] = [];
for (const [name, url] of queries) {
  await time(url); // warm up
  const samples = await time(url);
  all.push(...samples);
  console.log([name, percentile(samples, 0.5).toFixed(2), percentile(samples, 0.95).toFixed(2), '<= 20'].join('\t'));
}
console.log(['all queries', percentile(all, 0.5).toFixed(2), percentile(all, 0.95).toFixed(2), '<= 20'].join('\t'));

// Streaming overhead: the same 2,000-token completion as JSON and as SSE.
const body = {
  model: 'ck-local-ngram',
  messages: [{ role: 'user', content: 'Stream a long answer.' }],
  seed: 1,
  max_completion_tokens: 2000,
  logit_bias: { '199999': -100 },
};
async function post(payload: Record<string, unknown>): Promise<number> {
  const begin = performance.now();
  const response = await fetch(`${server.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  await response.arrayBuffer();
  return performance.now() - begin;
}
console.log('\nstreaming 2,000 tokens (median of 7)\tJSON ms\tSSE ms\toverhead µs/chunk');
for (const [name, extra] of [
  ['plain', {}],
  ['logprobs, top 5', { logprobs: true, top_logprobs: 5 }],
] as const) {
  const json: number[] = [];
  const sse: number[] = [];
  for (let round = 0; round < 8; round++) {
    json.push(await post({ ...body, ...extra }));
    sse.push(await post({ ...body, ...extra, stream: true }));
  }
  const [jsonMs, sseMs] = [percentile(json.slice(1), 0.5), percentile(sse.slice(1), 0.5)];
  console.log([name, jsonMs.toFixed(1), sseMs.toFixed(1), (((sseMs - jsonMs) * 1000) / 2003).toFixed(1)].join('\t'));
}

await server.close();
rmSync(dataDir, { recursive: true, force: true });
