import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page, type TestInfo, test } from '@playwright/test';
import { field, finished, moreSettings, openPlayground, run } from './support.ts';

// The README's pictures, {view}-{width}-{theme}.png, each with real content. Every run takes them (into
// the test's output folder); CK_SCREENSHOTS=1 writes them over docs/screenshots, to be committed.
const docs = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/screenshots');
const folderFor = (testInfo: TestInfo) => (process.env.CK_SCREENSHOTS ? docs : testInfo.outputDir);
const widths = [1440, 390] as const;
const themes = ['light', 'dark'] as const;
const tag = 'screenshots';

test.describe.configure({ timeout: 180_000 });

/** Every width and theme of what is on screen now. */
async function shoot(page: Page, view: string) {
  const folder = folderFor(test.info());
  for (const width of widths) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 1000 });
    // The window as tall as the page, so the sticky composer sits at the end of the thread, where a
    // person scrolled to the end would see it (a full-page capture leaves it mid-page).
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width, height: Math.min(Math.max(height, width === 390 ? 844 : 1000), 4000) });
    for (const theme of themes) {
      await page.emulateMedia({ colorScheme: theme });
      await field(page, 'Theme').selectOption(theme);
      // Dynamic text settles and no caret blinks into the picture.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.screenshot({
        path: path.join(folder, `${view}-${width}-${theme}.png`),
        animations: 'disabled',
        caret: 'hide',
      });
    }
  }
}

async function prompt(page: Page, system: string, user: string, tokens: string) {
  await page.getByRole('button', { name: 'Add instructions' }).click();
  await page.getByRole('textbox', { name: 'Message 1 text' }).fill(system);
  await page.getByRole('textbox', { name: 'Message 2 text' }).fill(user);
  await field(page, 'Max completion tokens').fill(tokens);
  await field(page, 'Temperature').fill('0.7');
  await moreSettings(page);
  await field(page, 'Seed').fill('7');
}

test('chat: a finished streamed answer with markdown', async ({ page }) => {
  await openPlayground(page);
  await prompt(
    page,
    'You are a concise guide to web streams 🌊. Answer with steps and a short example.',
    'List the steps a readable stream takes to hand data to its reader, with a code example.',
    '220',
  );
  await page.locator('.more-settings summary').click();
  await run(page);
  await finished(page);
  await expect(page.locator('.run-status')).toHaveText('Done.');
  await expect(page.getByRole('article', { name: 'Choice 1' }).locator('li').first()).toBeVisible();
  await shoot(page, 'chat');
});

test('compare: three variants with their figures and diffs', async ({ page }) => {
  await openPlayground(page, 'Describe a readable stream in two sentences 🙂.');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Compare' }).click();
  await page.getByRole('button', { name: 'Add variant' }).click();
  await page.getByRole('checkbox', { name: 'Sync Length' }).check();
  await field(page, 'Variant A Max completion tokens').fill('60');
  await field(page, 'Variant B Temperature').fill('1.4');
  await field(page, 'Variant C Temperature').fill('0');
  await page.getByRole('button', { name: 'Run all' }).click();
  for (const name of ['A', 'B', 'C'])
    await expect(page.getByRole('region', { name: `Variant ${name}`, exact: true }).locator('.run-status')).toHaveText(
      'Done.',
      { timeout: 30_000 },
    );
  await shoot(page, 'compare');
});

test('history: two kept runs diffed', async ({ page }) => {
  await openPlayground(page, 'What does a stream reader do? 📖');
  await field(page, 'Max completion tokens').fill('40');
  await field(page, 'Temperature').fill('0.2');
  await run(page);
  await finished(page);
  await field(page, 'Temperature').fill('1.3');
  await run(page);
  await expect(page.locator('pre.raw').first()).toContainText('"temperature": 1.3');
  await finished(page);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'History' }).click();
  const runs = page.getByRole('list', { name: 'Runs' }).getByRole('listitem');
  await expect(runs).toHaveCount(2);
  await runs.nth(0).getByRole('checkbox').check();
  await runs.nth(1).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Diff selected runs' }).click();
  await expect(page.getByRole('region', { name: 'Diff of two runs' })).toBeVisible();
  await shoot(page, 'history');
});

test('logs: stored completions with rows and one opened', async ({ page }) => {
  await openPlayground(page);
  for (const question of ['What is backpressure?', 'How does a reader cancel a stream?', 'Name a stream method 🚰']) {
    await page.getByRole('textbox', { name: 'Message 1 text' }).fill(question);
    await field(page, 'Max completion tokens').fill('30');
    await moreSettings(page);
    await field(page, 'Store').check();
    await field(page, 'Metadata').fill(`suite=${tag}\ntopic=streams`);
    await run(page);
    await finished(page);
  }
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Logs' }).click();
  // Only this test's rows, whatever else the suite stored on the same server.
  await page.getByRole('button', { name: 'Add metadata filter' }).click();
  await page.getByRole('textbox', { name: 'Filter 1 key' }).fill('suite');
  await page.getByRole('textbox', { name: 'Filter 1 value' }).fill(tag);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByRole('button', { name: /^Open / })).toHaveCount(3);
  await page.getByRole('button', { name: 'Open “What is backpressure?”' }).click();
  await expect(page.getByRole('article', { name: /^Stored completion / })).toBeVisible();
  await shoot(page, 'logs');
});
