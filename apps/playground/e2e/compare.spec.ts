import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, field, openPlayground, screenshot, unfold } from './support.ts';

const variant = (page: Page, name: string) => page.getByRole('region', { name: `Variant ${name}`, exact: true });

/** The composer's prompt, then the Compare view with its two starting variants. */
async function openCompare(page: Page, prompt: string) {
  await openPlayground(page, prompt);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Compare' }).click();
  await expect(variant(page, 'B')).toBeVisible();
}

async function allDone(page: Page, names: string[]) {
  for (const name of names) {
    await expect(variant(page, name).locator('.run-status')).toHaveText('Done.', { timeout: 30_000 });
  }
}

test('three variants stream side by side, each with its figures, usage and a diff against the baseline', async ({
  page,
}, testInfo) => {
  await openCompare(page, 'Compare these settings.');
  await page.getByRole('button', { name: 'Add variant' }).click();
  await expect(variant(page, 'C')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Sync Length' }).check();
  await field(page, 'Variant A Max completion tokens').fill('30');
  await field(page, 'Variant B Temperature').fill('1.8');
  await field(page, 'Variant C Temperature').fill('0');
  // One seed, so temperature is all that sets A and B apart: unseeded, the built-in model's answers
  // copy the corpus' sentences, and two draws can open on the same one.
  for (const name of ['A', 'B']) await field(page, `Variant ${name} Seed`).fill('4');
  await page.getByRole('button', { name: 'Run all' }).click();
  await allDone(page, ['A', 'B', 'C']);
  for (const name of ['A', 'B', 'C']) {
    const column = variant(page, name);
    await expect(column.getByRole('article', { name: `Variant ${name} output` })).not.toBeEmpty();
    const speed = column.getByRole('definition');
    await expect(speed.nth(0)).toHaveText(/^\d+ ms$|^\d+\.\d\d s$/);
    await expect(speed.nth(1)).toHaveText(/^\d+ ms$|^\d+\.\d\d s$/);
    await expect(speed.nth(2)).toHaveText(/^\d+\.\d$/);
    const usage = column.getByRole('region', { name: `Variant ${name} usage and cost` });
    await expect(usage).toContainText(/Completion tokens\s*([1-9]|[12]\d|30)\s*Total tokens/);
    await expect(usage).toContainText('Cost');
  }
  const a = await variant(page, 'A').getByRole('article').textContent();
  const b = await variant(page, 'B').getByRole('article').textContent();
  expect(a).not.toEqual(b);
  await expect(variant(page, 'A')).toContainText('This is the baseline');
  await expect(variant(page, 'B').getByTestId('inline-diff')).toBeVisible();
  await expect(variant(page, 'B')).toContainText(/Differs from A: \d+%/);
  await expect(variant(page, 'B').locator('.inline-diff :is(ins, del)').first()).toBeVisible();
  // Another baseline: A is now diffed against B.
  await page.getByLabel('Baseline').selectOption({ label: 'Variant B' });
  await expect(variant(page, 'A')).toContainText(/Differs from B: \d+%/);
  await expectNoAxeViolations(page);
  await screenshot(page, testInfo);
});

test('a synced section applies an edit to every variant; unsynced, to one', async ({ page }, testInfo) => {
  await openCompare(page, 'Sync these.');
  await page.getByRole('button', { name: 'Duplicate variant B' }).click();
  await expect(variant(page, 'C')).toBeVisible();
  await field(page, 'Variant B Seed').fill('11');
  await expect(field(page, 'Variant A Seed')).toHaveValue('');
  await page.getByRole('checkbox', { name: 'Sync Sampling' }).check();
  // Turning sync on makes every variant agree with the first.
  await expect(field(page, 'Variant B Seed')).toHaveValue('');
  await field(page, 'Variant C Temperature').fill('0.7');
  for (const name of ['A', 'B', 'C']) await expect(field(page, `Variant ${name} Temperature`)).toHaveValue('0.7');
  await page.getByRole('checkbox', { name: 'Sync Sampling' }).uncheck();
  await field(page, 'Variant C Temperature').fill('1.2');
  await expect(field(page, 'Variant A Temperature')).toHaveValue('0.7');
  await page.getByRole('button', { name: 'Remove variant B' }).click();
  await expect(variant(page, 'B')).toHaveCount(0);
  await expect(variant(page, 'C')).toBeVisible();
  await screenshot(page, testInfo);
});

test('variants send their own messages or a saved prompt version, and Sync Messages makes them agree', async ({
  page,
}, testInfo) => {
  await openPlayground(page, 'Version one: name a stream.');
  await unfold(page, 'Export, share and saved prompts');
  await field(page, 'Save this prompt as').fill('namer');
  await page.getByRole('button', { name: 'Save prompt' }).click();
  await page.getByRole('textbox', { name: 'Message 1 text' }).fill('The composer now asks this.');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Compare' }).click();
  await expect(variant(page, 'B')).toBeVisible();
  // A: a saved version; B: its own copy of the composer's messages, edited here.
  await field(page, 'Variant A Messages from').selectOption({ label: 'namer · v1' });
  await expect(field(page, 'Variant A message 1, User')).toHaveValue('Version one: name a stream.');
  await field(page, 'Variant B Messages from').selectOption({ label: 'Its own copy (edit below)' });
  await field(page, 'Variant B message 1, User').fill('Variant B asks its own question.');
  await expect(variant(page, 'B')).toContainText('own messages');
  await expect(variant(page, 'A')).toContainText('messages of namer v1');
  // What each variant sent, as the server received it.
  const sent: string[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/chat/completions') || request.method() !== 'POST') return;
    sent.push(JSON.parse(request.postData() ?? '{}').messages?.at(-1)?.content);
  });
  await page.getByRole('button', { name: 'Run all' }).click();
  await allDone(page, ['A', 'B']);
  expect(sent.sort()).toEqual(['Variant B asks its own question.', 'Version one: name a stream.']);
  // Once run, the settings fold to their summary line; unfold both to edit again.
  for (const name of ['A', 'B']) await page.getByRole('button', { name: `Edit variant ${name} settings` }).click();
  // Synced, every variant takes the first one's messages.
  await page.getByRole('checkbox', { name: 'Sync Messages' }).check();
  await expect(field(page, 'Variant B message 1, User')).toHaveValue('Version one: name a stream.');
  await field(page, 'Variant B message 1, User').fill('One question for both.');
  await expect(field(page, 'Variant A message 1, User')).toHaveValue('One question for both.');
  // Back to the composer's messages: the copy's fields go.
  await page.getByRole('checkbox', { name: 'Sync Messages' }).uncheck();
  await field(page, 'Variant A Messages from').selectOption({ label: 'The composer' });
  await expect(field(page, 'Variant A message 1, User')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await screenshot(page, testInfo);
});

test('repeat 5 shows how consistent the answers are, and diffs two of them', async ({ page }, testInfo) => {
  await openCompare(page, 'Repeat this prompt.');
  await field(page, 'Variant A Max completion tokens').fill('20');
  await page.getByRole('button', { name: 'Repeat', exact: true }).click();
  await field(page, 'Times').fill('5');
  await page.getByRole('button', { name: 'Run repeat' }).click();
  const repeat = page.getByRole('region', { name: 'Repeat' });
  await expect(repeat.getByRole('status')).toHaveText('5 answered.', { timeout: 30_000 });
  const figures = repeat.getByRole('definition');
  await expect(figures.nth(0)).toHaveText(/^[1-5] of 5$/);
  await expect(figures.nth(1)).toHaveText(/^\d+% \([0-4] of 5\)$/);
  await expect(figures.nth(2)).toHaveText(/^\d+ \/ \d+(\.5)? \/ \d+$/);
  await expect(figures.nth(3)).toHaveText(/^\d+ \/ \d+(\.5)? \/ \d+$/);
  await expect(figures.nth(4)).toHaveText(/^-?\d+\.\d{3} \/ -?\d+\.\d{3} \/ -?\d+\.\d{3}$/);
  await expect(repeat.getByRole('article')).toHaveCount(5);
  await expect(repeat.getByText('seed 1,')).toBeVisible();
  await expect(repeat.getByText('seed 5,')).toBeVisible();
  await repeat.getByRole('button', { name: 'Diff run 1' }).click();
  await repeat.getByRole('button', { name: 'Diff run 4' }).click();
  await expect(repeat.getByTestId('inline-diff')).toBeVisible();
  await expect(repeat.locator('.inline-diff-legend')).toHaveText(/only in run 1\s+only in run 4/);
  await expectNoAxeViolations(page);
  await screenshot(page, testInfo);
});

test('compare works by keyboard at 390 px, the columns stacked with no sideways scroll, every column labelled', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openCompare(page, 'Keyboard only.');
  await page.getByRole('button', { name: 'Variants' }).focus();
  for (let step = 0; step < 10; step++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Run all') break;
  }
  await expect(page.getByRole('button', { name: 'Run all' })).toBeFocused();
  await page.keyboard.press('Enter');
  await allDone(page, ['A', 'B']);
  const columns = page.getByRole('region', { name: 'Variants' });
  // The columns share the width: on a phone they stack, and neither they nor the page scroll sideways.
  const sizes = await columns.evaluate((element) => [element.scrollWidth, element.clientWidth]);
  expect(sizes[0]).toBeLessThanOrEqual(sizes[1] ?? 0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const [a, b] = [await variant(page, 'A').boundingBox(), await variant(page, 'B').boundingBox()];
  expect(b?.y ?? 0).toBeGreaterThan((a?.y ?? 0) + (a?.height ?? 0) - 1);
  await variant(page, 'B').getByRole('button', { name: 'Stop variant B' }).focus();
  await expect(variant(page, 'B').getByRole('heading', { name: 'Variant B' })).toBeInViewport();
  await expectNoAxeViolations(page);
  await screenshot(page, testInfo);
});

test('Escape stops every running variant and keeps what each wrote, and both runs are kept in the history', async ({
  page,
}) => {
  await openCompare(page, 'Write at length about streams.');
  await page.getByRole('checkbox', { name: 'Sync Length' }).check();
  await field(page, 'Variant A Max completion tokens').fill('2000');
  await page.getByRole('button', { name: 'Run all' }).click();
  for (const name of ['A', 'B'])
    await expect
      .poll(async () => (await variant(page, name).getByRole('article').textContent())?.length ?? 0)
      .toBeGreaterThan(40);
  await page.keyboard.press('Escape');
  for (const name of ['A', 'B'])
    await expect(variant(page, name).locator('.run-status')).toHaveText(/^Stopped after \d+ tokens?\.$/);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'History' }).click();
  const runs = page.getByRole('list', { name: 'Runs' }).getByRole('listitem');
  await expect(runs).toHaveCount(2);
  await expect(runs.first()).toContainText('Stopped');
});
