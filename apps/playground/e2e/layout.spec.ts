import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, field, finished, openPlayground, screenshot } from './support.ts';

const composerText = (page: Page) => page.getByRole('textbox', { name: 'New user message' });
const answer = (page: Page) => page.getByRole('article', { name: 'Choice 1' });

/** Controls on screen smaller than the size given (inline links in text are exempt, as in WCAG 2.5.8). */
async function undersized(page: Page, selector: string, width: number, height: number) {
  return page.locator(selector).evaluateAll(
    (elements, [minWidth, minHeight]) =>
      elements.flatMap((element) => {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || element.closest('[hidden], details:not([open]) > :not(summary)'))
          return [];
        if (element.tagName === 'A' && element.closest('p, li, td')) return [];
        if (box.width >= (minWidth as number) && box.height >= (minHeight as number)) return [];
        const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 30) ?? '';
        return [`${element.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}x${Math.round(box.height)}`];
      }),
    [width, height],
  );
}

const noHorizontalScroll = (page: Page) =>
  expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
    .toBeLessThanOrEqual(0);

test.describe('at 390 px, by touch', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('no horizontal scroll, touch-sized targets, and a run started by a tap', async ({ page }, testInfo) => {
    await openPlayground(page);
    await noHorizontalScroll(page);
    // The settings are one tap away, in a section of their own.
    const toggle = page.getByRole('button', { name: /^Settings:/ });
    await expect(page.getByRole('region', { name: 'Settings' })).toBeHidden();
    await toggle.tap();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(field(page, 'Temperature')).toBeVisible();
    await page.getByText('More settings').tap();
    await noHorizontalScroll(page);
    const controls = 'button, input, select, textarea, summary, a[href], [role="tab"]';
    expect(await undersized(page, controls, 24, 24)).toEqual([]);
    const primary = '.composer-bar button, .composer-bar textarea, .panel-toggle, nav button, summary';
    expect(await undersized(page, primary, 0, 44)).toEqual([]);
    await toggle.tap();

    await composerText(page).tap();
    await composerText(page).fill('What is a chunk?');
    await page.getByRole('button', { name: 'Run', exact: true }).tap();
    await finished(page);
    await expect(page.locator('.run-status')).toHaveText('Done.');
    await expect(answer(page)).not.toBeEmpty();
    // The typed message joined the conversation as a user message.
    await expect(page.getByRole('textbox', { name: 'Message 2 text' })).toHaveValue('What is a chunk?');
    await noHorizontalScroll(page);
    expect(
      await undersized(
        page,
        '.prompt-pane button, .prompt-pane summary, .answer-pane button, .answer-pane summary',
        24,
        24,
      ),
    ).toEqual([]);
    await screenshot(page, testInfo);
  });
});

test('zero axe violations in light and dark, by the system setting and by the switch', async ({ page }) => {
  // Four full-page axe runs: minutes on a loaded two-core machine, where one minute was too few.
  test.setTimeout(240_000);
  await openPlayground(page, 'What is a chunk?');
  await field(page, 'Max completion tokens').fill('40');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await finished(page);
  // Every folded section open, so axe sees all of the panel.
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(field(page, 'Theme')).toHaveValue('system');
    await expectNoAxeViolations(page);
  }
  const systemDark = await background();
  await page.emulateMedia({ colorScheme: 'light' });
  const systemLight = await background();
  expect(systemDark).not.toEqual(systemLight);
  // The switch overrides the system, and is kept across a reload.
  await field(page, 'Theme').selectOption('dark');
  expect(await background()).toEqual(systemDark);
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(field(page, 'Theme')).toHaveValue('dark');
  expect(await background()).toEqual(systemDark);
  await field(page, 'Theme').selectOption('light');
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await background()).toEqual(systemLight);
  await expectNoAxeViolations(page);
});

test('keyboard only: from the first Tab to a finished run, Escape stops, "?" lists the shortcuts', async ({ page }) => {
  await openPlayground(page);
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  let steps = 0;
  while ((await focused()) !== 'New user message') {
    await page.keyboard.press('Tab');
    if (++steps > 150) throw new Error('Tab never reached the composer');
  }
  await page.keyboard.type('Keyboard only: what is a chunk?');
  await page.keyboard.press('Shift+Tab');
  // Ctrl+Enter runs from anywhere in the view, here from the message before the composer.
  await page.keyboard.press('Control+Enter');
  await finished(page);
  await expect(page.locator('.run-status')).toHaveText('Done.');
  await expect(page.getByRole('textbox', { name: 'Message 2 text' })).toHaveValue('Keyboard only: what is a chunk?');

  // A long answer, stopped by Escape.
  await page.getByRole('textbox', { name: 'Message 2 text' }).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Explain everything about streams in detail.');
  await field(page, 'Max completion tokens').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2000');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.run-status')).toHaveAttribute('data-status', 'streaming');
  // Streaming starts with the response's headers; wait for words, so there is something to keep.
  await expect(answer(page).locator('[data-slot="markdown"]').first()).toHaveText(/\S/);
  await page.keyboard.press('Escape');
  await expect(page.locator('.run-status')).toHaveText(/^Stopped after \d+ tokens?\.$/);

  // "?" outside a text field opens the list; Escape closes it; inside a text field it is typed.
  await page.getByRole('button', { name: 'Run', exact: true }).focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Stop the running answer');
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await composerText(page).focus();
  await page.keyboard.press('?');
  await expect(composerText(page)).toHaveValue('?');
  await expect(dialog).toBeHidden();
});
