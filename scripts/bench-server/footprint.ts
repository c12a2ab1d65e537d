// The server as `npm start` runs it, in its own process: time from spawn to a /health that answers,
// resident memory at idle and under 50 concurrent streams, and a small request's latency and time to
// first token alone and while four 1,000,000-token streams are open (with resident memory then and
// after their clients left). Resident memory is the server process's VmRSS, read from /proc.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { templateFile } from '../../packages/server/src/storage/pglite-template.ts';

const root = path.resolve(import.meta.dirname, '../..');
const TARGET_READY_MS = 2_000;
const TARGET_IDLE_MB = 250;
const TARGET_LOAD_MB = 400;
const PACE_MS = 10;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForHealth(origin: string, child: ChildProcess): Promise<void> {
  while (child.exitCode === null) {
    try {
      const response = await fetch(`${origin}/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(20);
  }
  throw new Error(`the server exited with code ${child.exitCode}`);
}

/** A small streamed request: time to its first content token and to its end. */
async function smallRequest(url: string): Promise<{ firstTokenMs: number; totalMs: number; status: number }> {
  const begin = performance.now();
  const response = await fetch(`${url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'm',
      messages: [{ role: 'user', content: 'Hi' }],
      max_completion_tokens: 8,
      stream: true,
    }),
  });
  let firstTokenMs = Number.NaN;
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    text += decoder.decode(read.value, { stream: true });
    if (Number.isNaN(firstTokenMs) && /"content":"[^"]/.test(text)) firstTokenMs = performance.now() - begin;
  }
  return { firstTokenMs, totalMs: performance.now() - begin, status: response.status };
}

/** Opens a stream and reads it as it comes until `signal` aborts; resolves with the status and bytes read. */
function openStream(url: string, body: Record<string, unknown>, signal: AbortSignal) {
  let bytes = 0;
  const started = fetch(`${url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'm', stream: true, ...body }),
    signal,
  });
  const done = started
    .then(async (response) => {
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      for (let read = await reader.read(); !read.done; read = await reader.read()) bytes += read.value.length;
      return response.status;
    })
    .catch((error: Error) => (error.name === 'AbortError' ? 0 : -1));
  return { done, bytes: () => bytes };
}

async function sampleWhile<T>(pid: number, work: Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peakMb = 0;
  let running = true;
  const sampler = (async () => {
    while (running) {
      peakMb = Math.max(peakMb, residentMb(pid));
      await sleep(50);
    }
  })();
  const result = await work;
  running = false;
  await sampler;
  return { result, peakMb };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const mb = (value: number) => `${value.toFixed(0)} MB`;

/** Starts the server, waits until it answers, stops it; the time to answer. */
async function startAndStop(launch: () => ChildProcess, origin: string): Promise<number> {
  const begin = performance.now();
  const child = launch();
  await waitForHealth(origin, child);
  const readyMs = performance.now() - begin;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  return readyMs;
}

export async function benchFootprint(): Promise<void> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ck-bench-footprint-'));
  const initdbDir = mkdtempSync(path.join(tmpdir(), 'ck-bench-footprint-initdb-'));
  const origin = `http://127.0.0.1:${port}`;
  const url = `${origin}/v1`;
  // As `npm start` runs it: the TypeScript sources through tsx, PGlite. Started three times: on a
  // new folder with no kept empty cluster (PGlite's initdb, as on a machine's first start), on
  // another new folder (from the cluster the first kept), then on that folder again, as every later
  // `npm start` is.
  const launch = (folder = dataDir) =>
    spawn(
      process.execPath,
      [
        '--max-semi-space-size=2',
        '--conditions=@completions-kit/source',
        '--import',
        'tsx',
        path.join(root, 'packages/server/src/cli.ts'),
      ],
      {
        cwd: root,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: {
          ...process.env,
          CK_PORT: String(port),
          CK_DATA_DIR: folder,
          CK_PACE_MS: String(PACE_MS),
          CK_RATE_LIMIT: '0',
        },
      },
    );
  const template = templateFile();
  if (template) rmSync(template, { force: true });
  const initdbReadyMs = await startAndStop(() => launch(initdbDir), origin);
  const freshReadyMs = await startAndStop(() => launch(), origin);
  const begin = performance.now();
  const child = launch();
  const pid = child.pid as number;
  try {
    await waitForHealth(origin, child);
    const readyMs = performance.now() - begin;
    const firstAnswer = await smallRequest(url);
    const firstAnswerMs = performance.now() - begin;
    await sleep(1_000);
    const idleMb = residentMb(pid);

    const alone: Awaited<ReturnType<typeof smallRequest>>[] = [];
    for (let round = 0; round < 5; round++) alone.push(await smallRequest(url));

    const fifty = new AbortController();
    const streams = Array.from({ length: 50 }, (_, seed) =>
      openStream(
        url,
        {
          messages: [{ role: 'user', content: `Load ${seed}` }],
          seed,
          max_completion_tokens: 300,
          logit_bias: { '199999': -100 },
        },
        fifty.signal,
      ),
    );
    const load = await sampleWhile(pid, Promise.all(streams.map((stream) => stream.done)));
    const afterLoadMb = residentMb(pid);

    const big = new AbortController();
    const huge = Array.from({ length: 4 }, (_, seed) =>
      openStream(
        url,
        {
          messages: [{ role: 'user', content: `Write forever ${seed}` }],
          seed,
          max_completion_tokens: 1_000_000,
          logit_bias: { '199999': -100 },
        },
        big.signal,
      ),
    );
    // Let the four streams start, then time small requests while they are open.
    await sleep(2_000);
    const during: Awaited<ReturnType<typeof smallRequest>>[] = [];
    const measured = await sampleWhile(
      pid,
      (async () => {
        for (let round = 0; round < 5; round++) during.push(await smallRequest(url));
      })(),
    );
    const hugeMb = residentMb(pid);
    const hugeBytes = huge.map((stream) => stream.bytes());
    big.abort();
    const hugeStatuses = await Promise.all(huge.map((stream) => stream.done));
    await sleep(2_000);
    const afterHugeMb = residentMb(pid);

    const row = (name: string, value: string, target: string) => console.log([name, value, target].join('\t'));
    console.log('server process (npm start: tsx sources, PGlite)\tfigure\ttarget');
    row(
      'time to ready, first new folder on this machine (initdb; keeps the empty cluster)',
      `${initdbReadyMs.toFixed(0)} ms`,
      `<= ${TARGET_READY_MS} ms`,
    );
    row(
      'time to ready, a new folder (from the kept empty cluster)',
      `${freshReadyMs.toFixed(0)} ms`,
      `<= ${TARGET_READY_MS} ms`,
    );
    row('time to ready, same folder again (/health answers)', `${readyMs.toFixed(0)} ms`, `<= ${TARGET_READY_MS} ms`);
    row('time to first answer', `${firstAnswerMs.toFixed(0)} ms (status ${firstAnswer.status})`, '');
    row('resident at idle', mb(idleMb), `<= ${TARGET_IDLE_MB} MB`);
    row(`resident under 50 streams (peak; pace ${PACE_MS} ms)`, mb(load.peakMb), `<= ${TARGET_LOAD_MB} MB`);
    row('  their statuses', [...new Set(load.result)].join(','), '200');
    row('resident after the 50', mb(afterLoadMb), '');
    row(
      'small request alone: first token / total (median of 5)',
      `${median(alone.map((item) => item.firstTokenMs)).toFixed(0)} / ${median(alone.map((item) => item.totalMs)).toFixed(0)} ms`,
      '',
    );
    row(
      '  while four 1,000,000-token streams are open',
      `${median(during.map((item) => item.firstTokenMs)).toFixed(0)} / ${median(during.map((item) => item.totalMs)).toFixed(0)} ms`,
      'near alone',
    );
    row('  worst of 5 then', `${Math.max(...during.map((item) => item.totalMs)).toFixed(0)} ms`, '');
    row(
      'resident with the four open (peak / end)',
      `${mb(Math.max(measured.peakMb, hugeMb))} / ${mb(hugeMb)}`,
      `<= ${TARGET_LOAD_MB} MB`,
    );
    row('  bytes the four had read', hugeBytes.map((bytes) => `${(bytes / 1e6).toFixed(1)} MB`).join(', '), '');
    row('  their end (0 = client left, else status)', hugeStatuses.join(','), '');
    row('resident 2 s after their clients left', mb(afterHugeMb), '');
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(initdbDir, { recursive: true, force: true });
  }
}
