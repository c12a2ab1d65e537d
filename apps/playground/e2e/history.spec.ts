import { expect, type Page, test } from '@playwright/test';
import {
  expectNoAxeViolations,
  field,
  finished,
  moreSettings,
  openPlayground,
  run,
  screenshot,
  unfold,
} from './support.ts';

/** The composer's draft as the page keeps it (zustand's persisted copy). */
const storedDraft = (page: Page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem('ck-playground-draft') ?? '{}').state?.draft);

const runs = (page: Page) => page.getByRole('list', { name: 'Runs' }).getByRole('listitem');

async function openHistory(page: Page) {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'History' }).click();
  await expect(page.getByRole('heading', { name: 'History', level: 2 })).toBeVisible();
}

/** Two runs of one prompt: the first with a tool, a JSON schema and low temperature; the second plain. */
async function twoRuns(page: Page) {
  await openPlayground(page, 'Describe a stream as JSON.');
  await unfold(page, 'Tools');
  await unfold(page, 'Response format');
  await moreSettings(page);
  await page.getByRole('button', { name: 'Add tool' }).click();
  await field(page, 'Tool choice').selectOption('none');
  await field(page, 'Response format').selectOption('json_schema');
  await field(page, 'JSON schema').fill(
    JSON.stringify({
      type: 'object',
      properties: { name: { type: 'string' } },
      required: ['name'],
      additionalProperties: false,
    }),
  );
  await field(page, 'Temperature').fill('0.2');
  await field(page, 'Seed').fill('7');
  await field(page, 'Max completion tokens').fill('60');
  const first = await storedDraft(page);
  await run(page);
  await finished(page);
  await field(page, 'Response format').selectOption('text');
  await field(page, 'Temperature').fill('1.2');
  await field(page, 'Seed').fill('8');
  await field(page, 'Max completion tokens').fill('30');
  await run(page);
  // The first run's "Done." is still on screen: wait for this run's request, then its end.
  await expect(page.locator('pre.raw').first()).toContainText('"temperature": 1.2');
  await finished(page);
  return first;
}

test('runs are kept across a reload, reopen with every field, and diff', async ({ page }, testInfo) => {
  const first = await twoRuns(page);
  expect(first.tools).toHaveLength(1);
  await openHistory(page);
  await expect(runs(page)).toHaveCount(2);
  // A damaged entry (another version's, or a broken write) is skipped, not fatal.
  await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('ck-playground-history');
        open.onsuccess = () => {
          const tx = open.result.transaction('runs', 'readwrite');
          tx.objectStore('runs').put({ id: 'damaged', at: Date.now(), draft: 'not a draft' });
          tx.oncomplete = resolve;
          tx.onerror = reject;
        };
      }),
  );
  await page.reload();
  await expect(page.getByText('2 runs kept in this browser')).toBeVisible();
  await expect(runs(page)).toHaveCount(2);
  await expect(runs(page).first()).toContainText('ck-local');

  // The older run (listed second) back in the composer, exactly as it was sent.
  await runs(page).nth(1).getByRole('button').click();
  await expect(page.getByRole('heading', { name: /^Run of / })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Answer 1' })).toContainText('name');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Open in playground' }).click();
  await expect(page.getByRole('form', { name: 'Composer' })).toBeVisible();
  expect(await storedDraft(page)).toEqual(first);
  await expect(field(page, 'Temperature')).toHaveValue('0.2');
  await moreSettings(page);
  await expect(field(page, 'Seed')).toHaveValue('7');
  await expect(page.getByRole('textbox', { name: 'Message 1 text' })).toHaveValue('Describe a stream as JSON.');
  await unfold(page, 'Tools');
  await unfold(page, 'Response format');
  await expect(field(page, 'Response format')).toHaveValue('json_schema');
  await expect(field(page, 'Tool choice')).toHaveValue('none');
  await expect(page.getByRole('textbox', { name: 'Tool 1 name' })).toHaveValue(first.tools[0].name);

  // Both ticked and diffed: the changed settings marked, the outputs compared word by word.
  await openHistory(page);
  await runs(page).nth(0).getByRole('checkbox').check();
  await runs(page).nth(1).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Diff selected runs' }).click();
  const diff = page.getByRole('region', { name: 'Diff of two runs' });
  const row = (name: string) => diff.getByRole('row', { name: new RegExp(`^${name}`) }).first();
  await expect(row('temperature')).toContainText('(differs)');
  await expect(row('temperature')).toContainText('0.2');
  await expect(row('temperature')).toContainText('1.2');
  await expect(row('stream')).not.toContainText('(differs)');
  await expect(diff.getByText('Message 1 (user): the same')).toBeVisible();
  await expect(diff.getByTestId('inline-diff').last().locator('ins, del').first()).toBeVisible();
  await expect(row('Total time')).toContainText(' ms');
  await expect(row('Cost')).toContainText('$0');
  await expectNoAxeViolations(page);
  await screenshot(page, testInfo);
});

test('the history is keyboard operable; a run is deleted and the rest cleared after a confirm', async ({
  page,
}, testInfo) => {
  await twoRuns(page);
  await openHistory(page);
  const open = (index: number) => runs(page).nth(index).getByRole('button');
  await open(0).focus();
  await page.keyboard.press('ArrowDown');
  await expect(open(1)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(open(0)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(runs(page).nth(0)).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Space');
  await expect(runs(page).nth(0).getByRole('checkbox')).toBeChecked();
  await field(page, 'Filter runs').fill('no run says this');
  await expect(runs(page)).toHaveCount(0);
  await field(page, 'Filter runs').fill('');
  await expect(runs(page)).toHaveCount(2);

  await open(0).click();
  await page.getByRole('button', { name: 'Delete this run' }).click();
  await expect(runs(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear history' }).click();
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Delete all' }).click();
  await expect(runs(page)).toHaveCount(0);
  await page.reload();
  await expect(page.getByText('0 runs kept in this browser')).toBeVisible();
  await screenshot(page, testInfo);
});

// The local model's end-of-text token (see packages/server/README.md), barred so the answer runs long.
const NO_END = '{"199999": -100}';

test('stopped and failed runs are kept with what arrived; past 200 the oldest go', async ({ page }, testInfo) => {
  await openPlayground(page, 'Tell me everything about streams.');
  // 199 old runs already kept, the oldest first: the two runs below make 201, so the oldest goes.
  await page.evaluate(async () => {
    const draft = JSON.parse(localStorage.getItem('ck-playground-draft') ?? '{}').state.draft;
    const open = indexedDB.open('ck-playground-history', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('runs', { keyPath: 'id' });
    const db: IDBDatabase = await new Promise((resolve) => {
      open.onsuccess = () => resolve(open.result);
    });
    const tx = db.transaction('runs', 'readwrite');
    for (let index = 0; index < 199; index++) {
      tx.objectStore('runs').put({
        id: `old-${index}`,
        at: Date.UTC(2026, 0, 1) + index * 1000,
        status: 'done',
        draft,
        request: { model: 'old-model', messages: [] },
        model: 'old-model',
        choices: [{ index: 0, message: { role: 'assistant', content: `old answer ${index}` }, finish_reason: 'stop' }],
        timings: { firstTokenMs: 1, totalMs: 2, chunks: 1, tokensPerSecond: null },
      });
    }
    await new Promise((resolve) => {
      tx.oncomplete = resolve;
    });
    db.close();
  });
  await moreSettings(page);
  await field(page, 'Logit bias').fill(NO_END);
  await field(page, 'Max completion tokens').fill('2000');
  await run(page);
  const answer = page.getByRole('article', { name: 'Choice 1' });
  await expect.poll(async () => (await answer.textContent())?.length ?? 0).toBeGreaterThan(60);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.locator('.run-status')).toHaveText(/^Stopped after \d+ tokens?\.$/);
  // The built-in model has no reasoning: the server refuses the parameter with a 400.
  await field(page, 'Reasoning effort').selectOption('low');
  await run(page);
  await expect(page.locator('.run-status')).toHaveText('Failed.');

  await openHistory(page);
  await expect(page.getByText('200 runs kept in this browser')).toBeVisible();
  await expect(runs(page)).toHaveCount(100);
  await expect(runs(page).nth(0)).toContainText('Failed');
  await expect(runs(page).nth(1)).toContainText('Stopped');
  await page.getByRole('button', { name: 'Show 100 more of 100' }).click();
  await expect(runs(page)).toHaveCount(200);
  await expect(runs(page).last()).toContainText('old answer 1');
  // 199 old runs less the one dropped.
  await field(page, 'Model').selectOption('old-model');
  await expect(runs(page)).toHaveCount(198);

  await field(page, 'Model').selectOption('');
  await runs(page).nth(0).getByRole('button').click();
  await expect(page.getByRole('region', { name: /^Run of/ })).toContainText('reasoning_effort');
  await runs(page).nth(1).getByRole('button').click();
  const partial = page.getByRole('article', { name: 'Answer 1' });
  await expect(partial).toContainText('Stopped: the answer is partial');
  expect((await partial.textContent())?.length).toBeGreaterThan(60);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
  await screenshot(page, testInfo);
});
