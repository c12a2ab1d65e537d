import { readFileSync } from 'node:fs';
import { expect, type Page, type Request, test } from '@playwright/test';
import { serverPort } from '../playwright.config.ts';
import { parseDataset } from '../src/experiments/dataset-parse.ts';
import { expectNoAxeViolations, openPlayground, screenshot } from './support.ts';

const cities = ['Paris', 'Oslo', 'Lima', 'Cairo', 'Tokyo', 'Quito', 'Rome', 'Bern', 'Dakar', 'Hanoi'];
const csv = `city,expected\n${Array.from({ length: 20 }, (_, index) => `${cities[index % 10]},"${cities[index % 10]}"`).join('\n')}\n`;
const schema = JSON.stringify({ type: 'object', required: ['answer'] });

async function openExperiments(page: Page) {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Experiments' }).click();
  await expect(page.getByRole('heading', { name: 'Dataset' })).toBeVisible();
}

/** Stored completions the server kept for one experiment, read straight from the server. */
async function storedCalls(page: Page, experiment: string) {
  const found: { metadata: Record<string, string> }[] = [];
  let after = '';
  for (;;) {
    const url = `http://127.0.0.1:${serverPort}/v1/chat/completions?metadata[experiment]=${experiment}&limit=100&order=asc${after ? `&after=${after}` : ''}`;
    const page_ = await (await page.request.get(url)).json();
    found.push(...page_.data);
    if (!page_.has_more) return found;
    after = page_.last_id;
  }
}

const doneCount = async (page: Page) =>
  Number((await page.locator('.experiment-progress-text').textContent())?.match(/^(\d+) of/)?.[1] ?? 0);

test('a 20-row CSV × two system prompts, graded, survives a reload mid-run without running a cell twice', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await openPlayground(page, 'Name the capital city {{city}} in one line.');
  await openExperiments(page);

  await page.getByLabel('Import dataset file (.csv, .tsv, .jsonl)').setInputFiles({
    name: 'cities.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  await expect(page.getByRole('combobox', { name: 'Dataset', exact: true })).toHaveValue('cities@v1');
  await expect(page.getByText('Columns: city, expected.')).toBeVisible();

  await page.getByRole('group', { name: 'Variant 1' }).getByLabel('System prompt').fill('You are terse.');
  await page.getByRole('button', { name: 'Add variant' }).click();
  await page
    .getByRole('group', { name: 'Variant 2' })
    .getByLabel('System prompt')
    .fill('You answer at length, in JSON.');
  await page.getByLabel('Grader kind').selectOption('contains');
  await page.getByRole('button', { name: 'Add grader' }).click();
  await page.getByLabel('Contains text').fill('{{city}}');
  await page.getByLabel('Grader kind').selectOption('json-schema');
  await page.getByRole('button', { name: 'Add grader' }).click();
  await page.getByLabel('JSON schema schema').fill(schema);
  // Every request for a cell as it left the page for the server, by variant and row from the
  // metadata the experiment sends (the listener outlives the reload).
  const sent = new Map<string, number>();
  page.on('request', (request: Request) => {
    if (request.method() !== 'POST' || !request.url().endsWith('/chat/completions')) return;
    const metadata = JSON.parse(request.postData() ?? '{}').metadata;
    if (!metadata?.experiment) return;
    const cell = `${metadata.variant}|${metadata.row}`;
    sent.set(cell, (sent.get(cell) ?? 0) + 1);
  });
  await page.getByRole('button', { name: 'Run experiment' }).click();

  // Reloaded while cells are still running: the finished ones are kept, the rest wait for Resume.
  await expect.poll(() => doneCount(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(4);
  await page.reload();
  await expect(page.locator('.experiment-progress-text')).toContainText('of 40 done');
  const kept = await doneCount(page);
  expect(kept).toBeLessThan(40);
  // What the server had finished (and stored) at the reload. A cell the server finished but the page
  // had not yet kept when it reloaded is rightly run again: the page never had its answer.
  const experimentId = (await page.locator('[data-experiment]').getAttribute('data-experiment')) as string;
  const finishedBefore = new Set(
    (await storedCalls(page, experimentId)).map((call) => `${call.metadata.variant}|${call.metadata.row}`),
  );
  expect(finishedBefore.size).toBeGreaterThanOrEqual(kept);
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.locator('.experiment-progress-text')).toHaveText('40 of 40 done', { timeout: 120_000 });

  // Requests the server received: one per cell, and a second only for a cell that was running at the
  // reload (at most the 4 running at once, and never more than the cells the page had not kept).
  expect(sent.size).toBe(40);
  const again = [...sent].filter(([, times]) => times > 1);
  expect(again.every(([, times]) => times === 2)).toBe(true);
  expect(again.length).toBeLessThanOrEqual(Math.min(4, 40 - kept));
  // Stored: every cell, and a second copy only of a cell finished at the reload and sent again.
  const calls = await storedCalls(page, experimentId);
  const cells = calls.map((call) => `${call.metadata.variant}|${call.metadata.row}`);
  expect(new Set(cells).size).toBe(40);
  const twice = cells.filter((cell, index) => cells.indexOf(cell) !== index);
  const resent = new Set(again.map(([cell]) => cell));
  expect(twice.filter((cell) => !finishedBefore.has(cell) || !resent.has(cell))).toEqual([]);

  const rates = page.getByRole('table', { name: 'Pass rates' });
  const rateOf = async (variant: string) =>
    (await rates
      .getByRole('row', { name: new RegExp(`^${variant}`) })
      .getByRole('cell')
      .nth(1)
      .textContent()) ?? '';
  const shown = { v1: await rateOf('Variant 1'), v2: await rateOf('Variant 2') };
  expect(shown.v1).toMatch(/^\d+%$/);
  expect(shown.v2).toMatch(/^\d+%$/);

  // The export says the same as the screen.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export results CSV' }).click();
  const exported = parseDataset(readFileSync(await (await downloading).path(), 'utf8'), 'csv');
  expect(exported.columns.slice(0, 5)).toEqual(['row', 'city', 'expected', 'variant', 'answer']);
  expect(exported.rows).toHaveLength(40);
  const passColumn = exported.columns.indexOf('pass');
  const rateIn = (variant: string) => {
    const rows = exported.rows.filter((row) => row[3] === variant);
    expect(rows).toHaveLength(20);
    return `${Math.round((rows.filter((row) => row[passColumn] === 'true').length / 20) * 100)}%`;
  };
  expect({ v1: rateIn('Variant 1'), v2: rateIn('Variant 2') }).toEqual(shown);
  expect(exported.rows.every((row) => row[4] !== '' && row[passColumn] !== 'error')).toBe(true);

  // Failures only: every row shown has a failing cell.
  const failing = new Set(exported.rows.filter((row) => row[passColumn] === 'false').map((row) => row[0]));
  await page.getByRole('combobox', { name: 'Show' }).selectOption('failures');
  await expect(page.getByText(`${failing.size} rows shown`)).toBeVisible();
  const grid = page.getByRole('table', { name: 'Results' });
  const firstRow = grid.locator('tbody tr').first();
  if (failing.size > 0) await expect(firstRow.locator('[data-status="fail"]').first()).toBeVisible();

  // A cell opens in the playground as it was sent: the variant's system prompt and the row's city.
  const cell = grid.getByRole('cell', { name: /^Row \d+, Variant 2$/ }).first();
  const label = (await cell.getAttribute('aria-label')) as string;
  const row = Number(label.match(/^Row (\d+)/)?.[1]);
  await cell.getByRole('button', { name: 'Open in playground' }).click();
  await expect(page.getByRole('textbox', { name: 'Message 1 text' })).toHaveValue('You answer at length, in JSON.');
  await expect(page.getByRole('textbox', { name: 'Message 2 text' })).toHaveValue(
    `Name the capital city ${cities[(row - 1) % 10]} in one line.`,
  );
  await screenshot(page, testInfo);
});

test('a JavaScript predicate that loops forever is stopped at its limit, the cell says so, and the page keeps answering', async ({
  page,
}, testInfo) => {
  await openPlayground(page, 'Say {{q}}.');
  await openExperiments(page);
  await page.getByText('Paste or type rows').click();
  await page.getByLabel('Dataset name').fill('loops');
  await page.getByLabel(/^Rows \(header first/).fill('q\nyes\nno\nmaybe\n');
  await page.getByRole('button', { name: 'Save rows as dataset' }).click();
  await expect(page.getByRole('combobox', { name: 'Dataset', exact: true })).toHaveValue('loops@v1');
  await page.getByLabel('Grader kind').selectOption('javascript');
  await page.getByRole('button', { name: 'Add grader' }).click();
  await page.getByLabel('JavaScript predicate body (answer, row, expected)').fill('while (true) {}');
  await page.getByLabel('JavaScript predicate time limit (ms)').fill('4000');
  await page.getByRole('button', { name: 'Run experiment' }).click();

  // While the predicates spin in their workers, the page still takes typing and clicks.
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  const name = page.getByLabel('Experiment name');
  for (const text of ['one', 'two', 'three']) {
    await name.fill(text);
    await expect(name).toHaveValue(text);
  }
  await expect(page.locator('.experiment-progress-text')).toHaveText(/^0 of 3 done/);

  await expect(page.locator('.experiment-progress-text')).toHaveText('3 of 3 done', { timeout: 60_000 });
  const cells = page.getByRole('table', { name: 'Results' }).locator('td[data-status]');
  await expect(cells).toHaveCount(3);
  for (const cell of await cells.all()) {
    await expect(cell).toHaveAttribute('data-status', 'fail');
    await expect(cell).toContainText('Stopped: the predicate ran past its 4000 ms limit.');
  }
  await expect(page.getByRole('table', { name: 'Pass rates' })).toContainText('0%');
  await expectNoAxeViolations(page);
  await screenshot(page, testInfo);
});

test('a JavaScript predicate finds every way to run code built from a string, or to reach the network, taken away', async ({
  page,
}) => {
  await openPlayground(page, 'Say {{q}}.');
  await openExperiments(page);
  await page.getByText('Paste or type rows').click();
  await page.getByLabel('Dataset name').fill('sandbox');
  await page.getByLabel(/^Rows \(header first/).fill('q\nyes\n');
  await page.getByRole('button', { name: 'Save rows as dataset' }).click();
  await expect(page.getByRole('combobox', { name: 'Dataset', exact: true })).toHaveValue('sandbox@v1');
  await page.getByLabel('Grader kind').selectOption('javascript');
  await page.getByRole('button', { name: 'Add grader' }).click();
  // Each attempt either runs (a way out) or throws; the grade passes only if every one threw.
  const predicate = [
    'const seen = [];',
    'const attempt = (name, run) => { try { run(); seen.push(name + " ran"); } catch { seen.push(name + " blocked"); } };',
    'attempt("fetch", () => fetch("/v1/models"));',
    'attempt("eval", () => eval("1"));',
    'attempt("Function", () => Function("return 1")());',
    'attempt("a function\'s constructor", () => (() => 1).constructor("return 1")());',
    'attempt("an async function\'s constructor", () => (async () => 1).constructor("return 1")());',
    'attempt("a generator\'s constructor", () => (function* () {}).constructor("return 1")());',
    'attempt("a string timer", () => setTimeout("1"));',
    'attempt("importScripts", () => importScripts("/x.js"));',
    'return { pass: seen.every((entry) => entry.endsWith("blocked")), reason: seen.join(", ") };',
  ].join('\n');
  await page.getByLabel('JavaScript predicate body (answer, row, expected)').fill(predicate);
  await page.getByRole('button', { name: 'Run experiment' }).click();
  await expect(page.locator('.experiment-progress-text')).toHaveText('1 of 1 done', { timeout: 60_000 });
  const cell = page.getByRole('table', { name: 'Results' }).locator('td[data-status]');
  await expect(cell).toContainText('fetch blocked, eval blocked, Function blocked');
  await expect(cell).toContainText("a generator's constructor blocked, a string timer blocked, importScripts blocked");
  await expect(cell).toHaveAttribute('data-status', 'pass');
});
