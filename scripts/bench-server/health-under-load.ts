// How fast /health answers, and how steadily a stream runs beside it, while a 1 MB request without
// whitespace is served. The hostile test (packages/server/src/hostile.test.ts) proves by the order of
// events that both keep going; this measures how fast. Targets: every check under 100 ms, no pause
// over 500 ms in the stream.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../../packages/server/src/index.ts';

const user = (content: string) => [{ role: 'user', content }];

export async function benchHealthUnderLoad(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ck-bench-health-'));
  // Paced as the test's server is, so that the stream runs for the whole large request.
  const server = await startServer({ port: 0, dataDir, paceMs: 20, rateLimit: { requests: 0, windowMs: 60_000 } });
  const post = (body: unknown) =>
    fetch(`${server.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'm', ...(body as object) }),
    });
  const arrivals: number[] = [];
  let started!: () => void;
  const streamStarted = new Promise<void>((resolve) => (started = resolve));
  const body = { messages: user('Stream for a while.'), stream: true, max_completion_tokens: 400 };
  const streaming = post({ ...body, logit_bias: { '199999': -100 } }).then(async (response) => {
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    while (!(await reader.read()).done) if (arrivals.push(performance.now()) === 5) started();
  });
  await streamStarted;
  const begin = performance.now();
  let largeMs = 0;
  const large = post({ messages: user('x'.repeat(1_000_000)), max_completion_tokens: 20 }).then(async (response) => {
    largeMs = performance.now() - begin;
    await response.arrayBuffer();
  });
  const checks: number[] = [];
  while (!largeMs) {
    const check = performance.now();
    await (await fetch(`${server.origin}/health`)).json();
    checks.push(performance.now() - check);
  }
  await large;
  await streaming;
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
  const gaps = arrivals.slice(1).map((time, index) => time - (arrivals[index] as number));
  const sorted = [...checks].sort((a, b) => a - b);
  const [median, worst, gap] = [sorted[Math.floor(sorted.length / 2)] ?? 0, sorted.at(-1) ?? 0, Math.max(...gaps)];
  console.log('/health during a 1 MB request\tchecks\tp50 ms\tmax ms\tlongest stream pause ms\t1 MB answered after ms');
  console.log(['', checks.length, median.toFixed(1), worst.toFixed(1), gap.toFixed(0), largeMs.toFixed(0)].join('\t'));
  if (worst >= 100) console.log(`MISSED TARGET: a /health check took ${worst.toFixed(0)} ms (target: under 100 ms)`);
  if (gap >= 500) console.log(`MISSED TARGET: the stream paused ${gap.toFixed(0)} ms (target: under 500 ms)`);
}
