import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type Request, type TestInfo } from '@playwright/test';

/** A fresh playground (nothing saved from an earlier test) with the composer's first message set. */
export async function openPlayground(page: Page, prompt?: string) {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  if (prompt !== undefined) await page.getByRole('textbox', { name: 'Message 1 text' }).fill(prompt);
}

export const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

/**
 * Opens a folded section (a <details> by its summary's text) unless it is open already: the side
 * panel folds all but the common settings ("More settings"), and has "Tools" and "Response format".
 */
export async function unfold(page: Page, summary: string) {
  const details = page
    .locator('details')
    .filter({ has: page.locator('summary', { hasText: summary }) })
    .first();
  if ((await details.getAttribute('open')) === null) await details.locator('summary').first().click();
}

/** The side panel's folded parameters (everything but model, temperature, max tokens, stream, top_p). */
export const moreSettings = (page: Page) => unfold(page, 'More settings');

export async function run(page: Page) {
  await page.getByRole('button', { name: 'Run', exact: true }).click();
}

export async function finished(page: Page) {
  await expect(page.locator('.run-status')).toHaveText(/Done\.|Failed\.|Stopped/, { timeout: 30_000 });
}

/** Zero axe violations in the page as it is now. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  expect(summary).toEqual([]);
}

/** Every test leaves a picture of where it ended, in the run's output folder (ignored by git). */
export async function screenshot(page: Page, testInfo: TestInfo) {
  await page.screenshot({ path: testInfo.outputPath('final.png'), fullPage: true }).catch((error: Error) => {
    console.log('full-page screenshot failed, taking the viewport', error.message);
    return page.screenshot({ path: testInfo.outputPath('final.png') });
  });
}

/**
 * Settles once the page's completion request has ended (finished, or failed because it was stopped)
 * and two frames have been drawn since: past that moment no more of the answer can arrive. Start
 * it before the action that ends the request, await it after.
 */
export function completionEnded(page: Page): Promise<void> {
  const ended = new Promise<void>((resolve) => {
    const seen = (request: Request) => {
      if (request.method() === 'POST' && request.url().includes('/chat/completions')) resolve();
    };
    page.on('requestfinished', seen);
    page.on('requestfailed', seen);
  });
  return ended.then(() =>
    page.evaluate(
      () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
    ),
  );
}
