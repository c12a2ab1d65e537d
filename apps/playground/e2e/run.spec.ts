import { expect, test } from '@playwright/test';
import {
  completionEnded,
  expectNoAxeViolations,
  field,
  finished,
  moreSettings,
  openPlayground,
  run,
  screenshot,
} from './support.ts';

// The local model's end-of-text token (see packages/server/README.md), barred with logit_bias.
const NO_END = '{"199999": -100}';

const answer = (page: import('@playwright/test').Page) => page.getByRole('article', { name: 'Choice 1' });

test('a streamed completion grows on screen, then shows usage and its timeline', async ({ page }, testInfo) => {
  await openPlayground(page, 'How does a readable stream hand data to its reader?');
  // The end-of-text token barred, so the answer runs to the limit: long enough to watch it grow.
  await moreSettings(page);
  await field(page, 'Logit bias').fill(NO_END);
  await field(page, 'Max completion tokens').fill('200');
  // The answer's length, sampled every 50 ms in the page while it streams.
  await page.evaluate(() => {
    const seen: number[] = [];
    Object.assign(window, { seen });
    const timer = setInterval(() => {
      const status = document.querySelector('.run-status')?.getAttribute('data-status');
      if (status === 'streaming') seen.push(document.querySelector('article')?.textContent?.length ?? 0);
      if (status === 'done') clearInterval(timer);
    }, 50);
  });
  await run(page);
  await finished(page);
  const seen = await page.evaluate(() => (window as unknown as { seen: number[] }).seen);
  expect(new Set(seen.filter((length) => length > 0)).size).toBeGreaterThan(3);
  await expect(page.getByRole('region', { name: 'Usage and cost' })).toContainText('200');
  await expect(page.getByRole('img', { name: /^Chunk timeline: \d+ chunks/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, testInfo);
});

test('Stop keeps the partial output', async ({ page }, testInfo) => {
  await openPlayground(page, 'Tell me everything about streams.');
  await moreSettings(page);
  await field(page, 'Logit bias').fill(NO_END);
  await field(page, 'Max completion tokens').fill('2000');
  await run(page);
  await expect.poll(async () => (await answer(page).textContent())?.length ?? 0).toBeGreaterThan(60);
  const ended = completionEnded(page);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.locator('.run-status')).toHaveText(/^Stopped after \d+ tokens?\.$/);
  const kept = await answer(page).textContent();
  // The request has ended: nothing more can arrive, and nothing was added.
  await ended;
  await expect(answer(page)).toHaveText(kept ?? '');
  expect(kept?.length).toBeGreaterThan(60);
  await screenshot(page, testInfo);
});

test('n = 2 shows two choices as tabs, switched by keyboard', async ({ page }, testInfo) => {
  await openPlayground(page, 'Name a stream method.');
  await moreSettings(page);
  await field(page, 'Choices (n)').fill('2');
  await field(page, 'Max completion tokens').fill('30');
  await run(page);
  await finished(page);
  const tabs = page.getByRole('tab');
  await expect(tabs).toHaveCount(2);
  await tabs.first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('article', { name: 'Choice 2' })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, testInfo);
});

test('the logprobs popover opens and closes by keyboard', async ({ page }, testInfo) => {
  await openPlayground(page, 'What is a reader?');
  await moreSettings(page);
  await field(page, 'Logprobs').check();
  await field(page, 'Top logprobs').fill('3');
  await field(page, 'Max completion tokens').fill('40');
  await run(page);
  await finished(page);
  const tokens = page.getByRole('group', { name: 'Choice 1 tokens' });
  await tokens.locator('[data-slot="token"][tabindex="0"]').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /^Alternatives for/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('row')).toHaveCount(4);
  await expectNoAxeViolations(page);
  await screenshot(page, testInfo);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('an error says what to do and offers a retry; bad fields are marked before sending', async ({
  page,
}, testInfo) => {
  await openPlayground(page, 'Hello');
  await field(page, 'Temperature').fill('3');
  await expect(field(page, 'Temperature')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Temperature: 0 to 2.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
  await field(page, 'Temperature').fill('');
  // The built-in model has no reasoning: the server refuses the parameter with a 400 naming it.
  await moreSettings(page);
  await field(page, 'Reasoning effort').selectOption('low');
  await run(page);
  const alert = page.locator('.run-error');
  await expect(alert).toContainText('400');
  await expect(alert).toContainText('reasoning_effort');
  await expect(alert).toContainText('Fix the field it names');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.locator('.run-status')).toHaveText('Failed.');
  await expect(alert).toContainText('400');
  await expectNoAxeViolations(page);
  await screenshot(page, testInfo);
});

test('the main flow works by keyboard alone', async ({ page }, testInfo) => {
  await openPlayground(page);
  const reach = async (name: string) => {
    for (let step = 0; step < 120; step++) {
      if (
        await page.evaluate(
          (label) =>
            document.activeElement?.getAttribute('aria-label') === label ||
            document.activeElement?.textContent === label,
          name,
        )
      )
        return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${name}`);
  };
  await reach('Message 1 text');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Keyboard only: what is a chunk?');
  await reach('Run');
  await page.keyboard.press('Enter');
  await finished(page);
  await expect(answer(page)).not.toBeEmpty();
  await screenshot(page, testInfo);
});
