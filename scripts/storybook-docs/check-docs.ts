// Opens every docs page of the static Storybook build in headless Chromium, in the light and the
// dark theme, and fails on a console error, an uncaught exception, a dialog, a request leaving the
// machine, any axe violation, or what a reader would see as broken: a raw Markdown table row, text in
// the browser's default serif, a default-styled button, a task that froze the tab for a second or
// more (each task over 200 ms is reported). Then drives the live demos. Prints the build's size and
// page count.
// Usage: tsx scripts/storybook-docs/check-docs.ts [storybook-static] [part of a page title, to check only those]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../chromium.ts';
import { liveDemos } from './live-demos.ts';
import { longTasks, readerProblems, readPage, recordLongTasks, reportMs } from './reader-checks.ts';
import { folderSize, serveStatic } from './static-server.ts';

interface IndexEntry {
  id: string;
  title: string;
  type: 'docs' | 'story';
}
interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

const root = path.resolve(process.argv[2] ?? 'storybook-static');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const index = JSON.parse(readFileSync(path.join(root, 'index.json'), 'utf8')) as {
  entries: Record<string, IndexEntry>;
};
const entries = Object.values(index.entries);
const only = process.argv[3]?.toLowerCase();
const docs = entries.filter((entry) => entry.type === 'docs' && (!only || entry.title.toLowerCase().includes(only)));
// Tasks over reportMs, by page: reported, not failed.
const hitches: string[] = [];

async function settle(page: Page): Promise<void> {
  await page.waitForSelector('#storybook-docs .sbdocs-content', { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  // Stories on a docs page render one after another; wait until none is still preparing.
  await page.waitForFunction(() => !document.querySelector('#storybook-docs .sb-loader, [data-is-loading]'), null, {
    timeout: 30_000,
  });
}

async function checkPage(page: Page, base: string, entry: IndexEntry, theme: string): Promise<string[]> {
  const problems: string[] = [];
  const onConsole = (message: { type(): string; text(): string }) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  };
  const onPageError = (error: Error) => problems.push(`uncaught: ${error.message}`);
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  await page.goto(`${base}/iframe.html?viewMode=docs&id=${entry.id}&globals=theme:${theme}`);
  await settle(page);
  const applied = await page.evaluate(() => document.documentElement.dataset.theme);
  if (applied !== theme) problems.push(`theme: the page shows ${applied}, asked for ${theme}`);
  // Read before axe runs: axe's own work is a long task of the check, not of the page.
  const tasks = await longTasks(page);
  problems.push(...readerProblems(await readPage(page), tasks));
  const slow = tasks.filter((task) => task > reportMs);
  if (slow.length) hitches.push(`${entry.title} (${theme}): ${slow.map((task) => `${task} ms`).join(', ')}`);
  await page.addScriptTag({ content: axeSource });
  const violations = (await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> } }
    ).axe;
    // The story root is empty and hidden in docs mode; the page is #storybook-docs. One rule is
    // left to the story tests: a docs page shows several examples of one component, so the same
    // landmark name (e.g. "Tool call get_weather") appears more than once by design; a story's
    // own page, checked with every rule, shows one.
    return (await axe.run({ include: ['#storybook-docs'] }, { rules: { 'landmark-unique': { enabled: false } } }))
      .violations;
  })) as AxeViolation[];
  for (const violation of violations)
    problems.push(
      `axe ${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(' '))
        .join(', ')}`,
    );
  page.off('console', onConsole);
  page.off('pageerror', onPageError);
  return problems;
}

const { url, server } = await serveStatic(root);
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
await recordLongTasks(context);
const page = await context.newPage();
const failures: string[] = [];
// Hostile examples on the Safety page must neither call out nor pop up: anything that tries fails the run.
await context.route('**/*', (route) =>
  route.request().url().startsWith(url) ? route.continue() : route.abort('blockedbyclient'),
);
page.on('request', (request) => {
  if (!request.url().startsWith(url) && !request.url().startsWith('data:'))
    failures.push(`${page.url()}: request left the machine: ${request.url()}`);
});
page.on('dialog', (dialog) => {
  failures.push(`${page.url()}: a dialog opened: ${dialog.message()}`);
  void dialog.dismiss();
});
const started = performance.now();
try {
  // The first page a fresh browser opens compiles Storybook's whole runtime (a second of script on
  // a loaded machine); open one page first, so the tasks measured below are each page's own.
  if (docs[0]) await page.goto(`${url}/iframe.html?viewMode=docs&id=${docs[0].id}`).then(() => settle(page));
  for (const entry of docs) {
    for (const theme of ['light', 'dark']) {
      const problems = await checkPage(page, url, entry, theme).catch((error: Error) => [
        `did not render: ${error.message.split('\n')[0]}`,
      ]);
      console.log(`${problems.length ? 'FAIL' : 'ok  '} ${entry.title} (${theme})`);
      for (const problem of problems) {
        console.log(`     ${problem}`);
        failures.push(`${entry.title} (${theme}): ${problem}`);
      }
    }
  }
  for (const demo of only ? [] : liveDemos) {
    const problem = await demo.run(page, url).then(
      () => undefined,
      (error: Error) => error.message.split('\n')[0],
    );
    console.log(`${problem ? 'FAIL' : 'ok  '} live demo: ${demo.name}`);
    if (problem) {
      console.log(`     ${problem}`);
      failures.push(`live demo ${demo.name}: ${problem}`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
if (hitches.length) {
  console.log(`\nTasks over ${reportMs} ms while a page opened (reported, not failed):`);
  for (const hitch of hitches) console.log(`  ${hitch}`);
} else console.log(`\nNo task over ${reportMs} ms on any page.`);
const size = folderSize(root);
console.log(
  `\nStorybook build: ${(size.bytes / 1024 / 1024).toFixed(2)} MB in ${size.files} files; ` +
    `${docs.length} docs pages (${docs.length * 2} checked: light and dark), ` +
    `${entries.filter((entry) => entry.type === 'story').length} stories; ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
if (failures.length) {
  console.log(`${failures.length} problem(s) on docs pages.`);
  process.exit(1);
}
console.log(
  'Every docs page rendered with no console error, no axe violation, no raw Markdown, no default serif or button and no frozen tab, in both themes.',
);
