// The logprobs view (8,000 tokens x 20 alternatives) and the stored table (10,000 rows) against naive
// renderings of the same data, in headless Debian Chromium, production React, one run:
// first paint (median of 5) and frame times and long tasks while scrolling. Run: pnpm bench:components
// Targets: first paint <= 100 ms; no long task over 50 ms while scrolling; and issue 29's first-paint
// targets, the logprobs view <= 30 ms and the table <= 20 ms (printed, met or missed).
import { rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { buildBenchPage } from './bench-page.ts';
import { chromiumArgs, chromiumPath } from './chromium.ts';

const folder = await buildBenchPage('components', '<main id="root"></main>');

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
await page.goto(pathToFileURL(path.join(folder, 'index.html')).href);
await page.waitForFunction(() => 'bench' in window);

type Scroll = { p50: number; p95: number; worst: number; longTasks: number; longestTask: number };
type Bench = { paint(name: string): Promise<number>; scroll(name: string): Promise<Scroll>; names: string[] };
const names = await page.evaluate(() => (window as unknown as { bench: Bench }).bench.names);
const results = new Map<string, { paint: number; scroll: Scroll }>();
for (const name of names) {
  const paints: number[] = [];
  for (let run = 0; run < 5; run++) {
    paints.push(await page.evaluate((view) => (window as unknown as { bench: Bench }).bench.paint(view), name));
  }
  paints.sort((a, b) => a - b);
  const scroll = await page.evaluate((view) => (window as unknown as { bench: Bench }).bench.scroll(view), name);
  results.set(name, { paint: paints[2] as number, scroll });
}
const parts = await page.evaluate(() =>
  (window as unknown as { bench: { parts(): Record<string, number> } }).bench.parts(),
);
await browser.close();
rmSync(folder, { recursive: true, force: true });

const ms = (value: number) => `${value.toFixed(1)} ms`;
console.log('view\tfirst paint\tscroll frame p50\tp95\tworst\tlong tasks (>50 ms)\tlongest');
for (const [name, { paint, scroll }] of results) {
  console.log(
    [name, ms(paint), ms(scroll.p50), ms(scroll.p95), ms(scroll.worst), scroll.longTasks, ms(scroll.longestTask)].join(
      '\t',
    ),
  );
}
console.log(
  `logprobs kit, before React: ${Object.entries(parts)
    .map(([name, value]) => `${name} ${ms(value)}`)
    .join(', ')}`,
);
let failed = false;
for (const kind of ['logprobs', 'table']) {
  const naive = results.get(`${kind} naive`);
  const kit = results.get(`${kind} kit`);
  if (!naive || !kit) continue;
  console.log(`${kind}: first paint ${(naive.paint / kit.paint).toFixed(1)}x faster than naive`);
  const ok = kit.paint <= 100 && kit.scroll.longTasks === 0;
  failed ||= !ok;
  console.log(`${kind} kit: first paint <= 100 ms and no long task while scrolling: ${ok ? 'met' : 'MISSED'}`);
  const target = kind === 'logprobs' ? 30 : 20;
  console.log(`${kind} kit: first paint <= ${target} ms: ${kit.paint <= target ? 'met' : 'MISSED'}`);
}
process.exitCode = failed ? 1 : 0;
