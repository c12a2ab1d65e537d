import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, field, finished, moreSettings, openPlayground, run, screenshot } from './support.ts';

/** Runs and stores one completion with the given prompt and metadata lines. */
async function store(page: Page, prompt: string, metadata: string, extra: Record<string, string> = {}) {
  await page.getByRole('button', { name: 'Playground' }).click();
  await page.getByRole('textbox', { name: 'Message 1 text' }).fill(prompt);
  await moreSettings(page);
  await field(page, 'Store').check();
  await field(page, 'Metadata').fill(metadata);
  await field(page, 'Max completion tokens').fill('20');
  for (const [label, value] of Object.entries(extra)) await field(page, label).fill(value);
  await run(page);
  await finished(page);
}

test('stored completions are listed, filtered, edited and deleted', async ({ page }, testInfo) => {
  const tag = `e2e-${Date.now()}`;
  await openPlayground(page);
  await store(page, `First stored question ${tag}`, `suite=${tag}\nkind=alpha`);
  await store(page, `Second stored question ${tag}`, `suite=${tag}\nkind=beta`);
  await page.getByRole('button', { name: 'Logs' }).click();
  const table = page.getByRole('region', { name: 'Stored completions', exact: true });
  await expect(table.getByRole('button', { name: `Open “Second stored question ${tag}”` })).toBeVisible();
  await expect(table.getByRole('button', { name: `Open “First stored question ${tag}”` })).toBeVisible();

  // Filter on two pairs: only the alpha one is left.
  await page.getByRole('button', { name: 'Add metadata filter' }).click();
  await page.getByRole('textbox', { name: 'Filter 1 key' }).fill('suite');
  await page.getByRole('textbox', { name: 'Filter 1 value' }).fill(tag);
  await page.getByRole('button', { name: 'Add metadata filter' }).click();
  await page.getByRole('textbox', { name: 'Filter 2 key' }).fill('kind');
  await page.getByRole('textbox', { name: 'Filter 2 value' }).fill('alpha');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(table.getByRole('button', { name: /^Open / })).toHaveCount(1);
  await table.getByRole('button', { name: `Open “First stored question ${tag}”` }).click();

  // The detail: request, response, usage; edit its metadata.
  const detail = page.getByRole('article', { name: /^Stored completion / });
  await expect(detail.getByRole('region', { name: 'Request messages' })).toContainText(`First stored question ${tag}`);
  await detail.getByRole('button', { name: 'Add key' }).click();
  await detail.getByRole('textbox', { name: 'Key 3' }).fill('reviewed');
  await detail.getByRole('textbox', { name: 'Value 3' }).fill('yes');
  await detail.getByRole('button', { name: 'Save metadata' }).click();
  await expect(table.getByRole('row').filter({ hasText: 'reviewed=yes' })).toHaveCount(1);
  await expectNoAxeViolations(page);

  // Delete asks first, then the row goes.
  await detail.getByRole('button', { name: 'Delete…' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(table.getByText('No stored completions match.')).toBeVisible();
  await page.getByRole('button', { name: 'Order: newest first' }).click();
  await page.getByRole('button', { name: 'Remove filter 2' }).click();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(table.getByRole('button', { name: /^Open / })).toHaveCount(1);
  await screenshot(page, testInfo);
});

test('"Open in playground" restores the stored request into the composer', async ({ page }, testInfo) => {
  const tag = `restore-${Date.now()}`;
  await openPlayground(page);
  await store(page, `Restore me ${tag}`, `suite=${tag}`, { Temperature: '0.7', Seed: '42' });
  await openPlayground(page, 'something else');
  await page.getByRole('button', { name: 'Logs' }).click();
  await page.getByRole('button', { name: `Open “Restore me ${tag}”` }).click();
  await page.getByRole('button', { name: 'Open in playground' }).click();
  await expect(page.getByRole('textbox', { name: 'Message 1 text' })).toHaveValue(`Restore me ${tag}`);
  await expect(field(page, 'Temperature')).toHaveValue('0.7');
  await moreSettings(page);
  await expect(field(page, 'Seed')).toHaveValue('42');
  await expect(field(page, 'Metadata')).toHaveValue(`suite=${tag}`);
  await expectNoAxeViolations(page);
  await screenshot(page, testInfo);
});
