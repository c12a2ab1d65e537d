// The chat thread against a naive list and @tanstack/react-virtual, in headless Debian Chromium,
// production React, one run. Run: pnpm bench:chat
// 1. First paint of a 5,000-message thread (median of 5) and JS heap growth while it is mounted.
//    Targets: <= 40 ms, <= 5 MB.
// 2. A 2,000-token answer at 500 tokens/s after 1,000 messages: commits per frame (<= 1), long tasks
//    (0), the worst distance from the bottom while following (<= 2 px), and how far the view moved
//    once the reader scrolled up (0).
import { rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { buildBenchPage } from './bench-page.ts';
import { chromiumArgs, chromiumPath } from './chromium.ts';

const folder = await buildBenchPage('chat', '<main id="root"></main>');

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: [...chromiumArgs, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});
const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
await page.goto(pathToFileURL(path.join(folder, 'index.html')).href);
await page.waitForFunction(() => 'bench' in window);
// The counter is defined by the page (scripts/bench-chat/commits.ts); a run without it has no figures.
const hooked = await page.evaluate(() => {
  const hook = (window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__?: { renderers: Map<number, unknown> } })
    .__REACT_DEVTOOLS_GLOBAL_HOOK__;
  return hook?.renderers.size ?? 0;
});
if (hooked !== 1) throw new Error(`React did not register with the commit counter (${hooked} renderers)`);

type Paint = { elapsed: number; growth: number; nodes: number };
type Stream = {
  frames: number;
  maxCommitsPerFrame: number;
  /** Frames with more than one commit. */
  overFrames: number;
  longTasks: number;
  longestTask: number;
  worstFollowing: number;
  moved: number;
};
type Bench = { paint(name: string): Promise<Paint>; stream(name: string): Promise<Stream>; names: string[] };
const paint = (name: string) =>
  page.evaluate((view) => (window as unknown as { bench: Bench }).bench.paint(view), name);
const stream = (name: string) =>
  page.evaluate((view) => (window as unknown as { bench: Bench }).bench.stream(view), name);
const names = await page.evaluate(() => (window as unknown as { bench: Bench }).bench.names);
const paints = new Map<string, Paint>();
const streams = new Map<string, Stream>();
for (const name of names) {
  const runs: Paint[] = [];
  for (let run = 0; run < 5; run++) runs.push(await paint(name));
  runs.sort((a, b) => a.elapsed - b.elapsed);
  paints.set(name, runs[2] as Paint);
  streams.set(name, await stream(name));
}
await browser.close();
rmSync(folder, { recursive: true, force: true });

const ms = (value: number) => `${value.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
console.log(
  'view\tfirst paint (5,000)\tJS heap growth\telements\tframes\tmax commits/frame\tframes > 1 commit\tlong tasks\tlongest\tworst px from bottom (following)\tpx moved (released)',
);
for (const name of names) {
  const p = paints.get(name) as Paint;
  const s = streams.get(name) as Stream;
  console.log(
    [
      name,
      ms(p.elapsed),
      mb(p.growth),
      p.nodes,
      s.frames,
      s.maxCommitsPerFrame,
      s.overFrames,
      s.longTasks,
      ms(s.longestTask),
      s.worstFollowing.toFixed(1),
      s.moved.toFixed(1),
    ].join('\t'),
  );
}
const kit = paints.get('kit') as Paint;
const kitStream = streams.get('kit') as Stream;
const ratio = (theirs: number, ours: number) => `${(theirs / Math.max(ours, 1e-9)).toFixed(1)}x`;
for (const other of ['naive', 'react-virtual']) {
  const them = paints.get(other) as Paint;
  const theirStream = streams.get(other) as Stream;
  console.log(
    `kit vs ${other}: first paint ${ratio(them.elapsed, kit.elapsed)} faster; JS heap growth ${mb(kit.growth)} vs ${mb(them.growth)}; elements ${ratio(them.nodes, kit.nodes)} fewer; streaming: longest task ${ms(kitStream.longestTask)} vs ${ms(theirStream.longestTask)}, long tasks ${kitStream.longTasks} vs ${theirStream.longTasks}, max commits/frame ${kitStream.maxCommitsPerFrame} vs ${theirStream.maxCommitsPerFrame}`,
  );
}
const checks: [string, boolean][] = [
  ['first paint <= 40 ms', kit.elapsed <= 40],
  ['heap growth <= 5 MB', kit.growth <= 5 * 1024 * 1024],
  ['at most one commit per frame', kitStream.maxCommitsPerFrame <= 1],
  ['zero long tasks while streaming', kitStream.longTasks === 0],
  ['within 2 px of the bottom while following', kitStream.worstFollowing <= 2],
  ['not moved once released (under 1 px, rounding)', kitStream.moved <= 1],
];
for (const [label, ok] of checks) console.log(`kit: ${label}: ${ok ? 'met' : 'MISSED'}`);
process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
