// The Experiments view under load, against the local server with no pacing, in headless Chromium
// (the playground's dev server, as `npm start` runs it). Not a test: it prints figures.
// Run: pnpm bench:experiments [--production]   (ports: CK_BENCH_SERVER_PORT, CK_BENCH_PLAYGROUND_PORT)
// --production measures a production build of the playground (vite build + preview) instead.
// 1. 1,000 rows × 3 variants (contains and length graders, concurrency 4): the total time, and the
//    longest main-thread task while it runs (target: none over 50 ms).
// 2. The results grid scrolled from top to bottom, one step per frame: frames, median and worst
//    frame time (target: worst under 50 ms).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { chromiumArgs, chromiumPath } from './chromium.ts';

const serverPort = Number(process.env.CK_BENCH_SERVER_PORT ?? 8836);
const playgroundPort = Number(process.env.CK_BENCH_PLAYGROUND_PORT ?? 5236);
const ROWS = 1000;
const dataDir = mkdtempSync(path.join(tmpdir(), 'ck-bench-experiments-'));
const root = path.resolve(import.meta.dirname, '..');
const server = spawn('node', ['scripts/start.mjs', '--data-dir', dataDir, '--pace-ms', '0'], {
  cwd: root,
  env: { ...process.env, CK_PORT: String(serverPort), CK_PLAYGROUND_PORT: String(playgroundPort) },
  stdio: 'ignore',
  detached: true,
});
const production = process.argv.includes('--production');
const previewPort = playgroundPort + 1;
const base = `http://127.0.0.1:${production ? previewPort : playgroundPort}`;

/** A production build served by `vite preview`, proxying /v1 to the benchmark's server. */
async function startProduction() {
  const playground = path.join(root, 'apps/playground');
  const outDir = path.join(dataDir, 'dist');
  process.env.CK_SERVER_URL = `http://127.0.0.1:${serverPort}`;
  const configFile = path.join(playground, 'vite.config.ts');
  await build({ root: playground, configFile, logLevel: 'silent', build: { outDir } });
  return preview({ root: playground, configFile, build: { outDir }, preview: { port: previewPort } });
}

async function ready() {
  for (let attempt = 0; attempt < 360; attempt++) {
    const ok = await fetch(`${base}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('The server and playground did not start.');
}

try {
  const previewServer = production ? await startProduction() : null;
  await ready();
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.addInitScript(() => {
    const tasks: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(base);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByRole('textbox', { name: 'Message 1 text' }).fill('Tell me about {{topic}}.');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Experiments' }).click();
  await page.getByText('Paste or type rows').click();
  await page.getByLabel('Dataset name').fill('bench');
  const rows = Array.from({ length: ROWS }, (_, index) => `topic ${index},stream`).join('\n');
  await page.getByLabel(/^Rows \(header first/).fill(`topic,expected\n${rows}\n`);
  await page.getByRole('button', { name: 'Save rows as dataset' }).click();
  await page.getByRole('button', { name: 'Add variant' }).click();
  await page.getByRole('button', { name: 'Add variant' }).click();
  await page.getByRole('group', { name: 'Variant 2' }).getByLabel('Temperature').fill('0.5');
  await page.getByRole('group', { name: 'Variant 3' }).getByLabel('System prompt').fill('Be brief.');
  await page.getByLabel('Grader kind').selectOption('contains');
  await page.getByRole('button', { name: 'Add grader' }).click();
  await page.getByLabel('Grader kind').selectOption('length');
  await page.getByRole('button', { name: 'Add grader' }).click();
  await page.evaluate(() => {
    (window as unknown as { longTasks: number[] }).longTasks.length = 0;
  });

  const started = performance.now();
  await page.getByRole('button', { name: 'Run experiment' }).click();
  await page
    .locator('.experiment-progress-text')
    .filter({ hasText: `${ROWS * 3} of ${ROWS * 3} done` })
    .waitFor({ timeout: 30 * 60_000 });
  const totalMs = performance.now() - started;
  const runTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0));

  const scroll = await page.evaluate(async () => {
    const grid = document.querySelector('.experiment-grid') as HTMLElement;
    const frames: number[] = [];
    let last = performance.now();
    while (grid.scrollTop + grid.clientHeight < grid.scrollHeight - 1) {
      grid.scrollTop += 400;
      const now = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
      frames.push(now - last);
      last = now;
    }
    return frames;
  });
  const scrollTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0));
  await browser.close();
  await previewServer?.close();

  const sorted = [...scroll].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  console.log(production ? 'Production build (vite preview)' : 'Dev server (vite, development React)');
  console.log(`Experiment: ${ROWS} rows × 3 variants = ${ROWS * 3} cells, concurrency 4, --pace-ms 0`);
  console.log(`  total time: ${(totalMs / 1000).toFixed(1)} s (${round((ROWS * 3) / (totalMs / 1000))} cells/s)`);
  console.log(
    `  long tasks while running: ${runTasks.length}, longest ${round(Math.max(0, ...runTasks))} ms (target: none over 50 ms)`,
  );
  console.log(`Grid scroll top to bottom, 400 px per frame: ${scroll.length} frames`);
  console.log(
    `  median frame ${round(sorted[Math.floor(sorted.length / 2)] ?? 0)} ms, worst ${round(sorted.at(-1) ?? 0)} ms, over 50 ms: ${scroll.filter((frame) => frame > 50).length}`,
  );
  console.log(`  long tasks while scrolling: ${scrollTasks.length}, longest ${round(Math.max(0, ...scrollTasks))} ms`);
} finally {
  if (server.pid) process.kill(-server.pid, 'SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
