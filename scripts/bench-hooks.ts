// The kit's stream hook against @ai-sdk/react useChat, rendering the same 2,000-token stream at
// 500 tokens/s in headless Chromium, in one run: React commits, main-thread script time, and the
// lag between the last token's arrival and its display. Run: pnpm bench:hooks
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer, defaultClientConditions } from 'vite';
import { startServer } from '../packages/server/src/index.ts';
import { chromiumArgs, chromiumPath } from './chromium.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const RUNS = 3;
// Must match the page's request (scripts/bench-hooks/main.tsx).
const benchRequest = {
  model: 'ck-local-ngram',
  messages: [{ role: 'user', content: 'Benchmark' }],
  seed: 7,
  max_completion_tokens: 2000,
  logit_bias: { '199999': -100 },
};
const api = await startServer({ port: 0, faults: true, rateLimit: { requests: 0, windowMs: 60_000 } });
// useChat's endpoint: the local server's stream re-framed as the AI SDK UI message stream.
const uiStream = createHttpServer(async (request, response) => {
  const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type' };
  if (request.method === 'OPTIONS') return response.writeHead(204, cors).end();
  for await (const _ of request);
  const upstream = await fetch(`${api.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-ck-fault': 'pace-ms=2' },
    body: JSON.stringify({ ...benchRequest, stream: true }),
  });
  response.writeHead(200, { ...cors, 'content-type': 'text/event-stream', 'x-vercel-ai-ui-message-stream': 'v1' });
  const send = (part: object) => response.write(`data: ${JSON.stringify(part)}\n\n`);
  send({ type: 'start' });
  send({ type: 'text-start', id: 't' });
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const bytes of upstream.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(bytes, { stream: true });
    const events = buffer.split('\n\n');
    buffer = events.pop() ?? '';
    for (const event of events) {
      const data = event.slice(6);
      const delta = data === '[DONE]' ? undefined : JSON.parse(data).choices?.[0]?.delta?.content;
      if (delta) send({ type: 'text-delta', id: 't', delta });
    }
  }
  send({ type: 'text-end', id: 't' });
  send({ type: 'finish' });
  response.end('data: [DONE]\n\n');
});
await new Promise<void>((resolve) => uiStream.listen(0, '127.0.0.1', resolve));
const uiStreamUrl = `http://127.0.0.1:${(uiStream.address() as AddressInfo).port}/chat`;

const vite = await createServer({
  root: path.join(here, 'bench-hooks'),
  configFile: false,
  logLevel: 'silent',
  server: { port: 0, host: '127.0.0.1' },
  resolve: {
    conditions: ['@completions-kit/source', ...defaultClientConditions],
    dedupe: ['react', 'react-dom', '@tanstack/react-query', 'zustand'],
  },
  define: { 'process.env.NODE_ENV': '"production"' },
});
await vite.listen();
const pageUrl = vite.resolvedUrls?.local[0] as string;
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });

interface Figures {
  commits: number;
  scriptMs: number;
  lagMs: number;
  length: number;
}

async function once(mode: string): Promise<Figures> {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const scriptSeconds = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? 0;
  };
  await page.goto(
    `${pageUrl}?mode=${mode}&server=${encodeURIComponent(api.url)}&uiStream=${encodeURIComponent(uiStreamUrl)}`,
  );
  const before = await scriptSeconds();
  await page.waitForFunction(() => (window as unknown as { __result?: unknown }).__result, null, {
    timeout: 60_000,
    polling: 100,
  });
  const after = await scriptSeconds();
  const result = (await page.evaluate(
    () => (window as unknown as { __result: Omit<Figures, 'scriptMs'> }).__result,
  )) as Omit<Figures, 'scriptMs'>;
  await page.close();
  return { ...result, scriptMs: (after - before) * 1000 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const modes = ['kit', 'usechat', 'usechat-throttle-50'] as const;
const results = new Map<string, Figures[]>(modes.map((mode) => [mode, []]));
await once('kit'); // warm up Vite's transforms
for (let run = 0; run < RUNS; run++) {
  for (const mode of modes) results.get(mode)?.push(await once(mode));
}

console.log(`2,000 tokens at 500 tokens/s, headless Chromium, median of ${RUNS} (production React)\n`);
console.log(['contender', 'commits', 'script ms', 'lag after last token ms', 'characters'].join('\t'));
const summary = new Map<string, { commits: number; scriptMs: number; lagMs: number }>();
for (const mode of modes) {
  const runs = results.get(mode) ?? [];
  const row = {
    commits: median(runs.map((run) => run.commits)),
    scriptMs: median(runs.map((run) => run.scriptMs)),
    lagMs: median(runs.map((run) => run.lagMs)),
  };
  summary.set(mode, row);
  console.log(
    [mode, row.commits, row.scriptMs.toFixed(0), row.lagMs.toFixed(1), median(runs.map((run) => run.length))].join(
      '\t',
    ),
  );
}
const kit = summary.get('kit');
const useChat = summary.get('usechat');
if (kit && useChat) {
  console.log(
    `\nkit / useChat default: script time ${(kit.scriptMs / useChat.scriptMs).toFixed(2)}x (target <= 0.5x), commits ${(kit.commits / useChat.commits).toFixed(2)}x; kit lag ${kit.lagMs.toFixed(1)} ms (one frame is ~16.7 ms)`,
  );
}
console.log(
  'Both read the same local-server stream (same seed, same text); useChat gets it re-framed in Node as the AI SDK UI message stream.',
);

await browser.close();
uiStream.close();
await vite.close();
await api.close();
