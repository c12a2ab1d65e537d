import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, field, moreSettings, openPlayground, screenshot } from './support.ts';

test('the request exports as curl, JavaScript and Python, and a share link reopens the prompt', async ({
  page,
}, testInfo) => {
  await openPlayground(page, 'Share this prompt, please.');
  await field(page, 'Temperature').fill('0.3');
  await moreSettings(page);
  await field(page, 'Stop sequences').fill('END');
  await page.getByText('Export, share and saved prompts').click();
  const code = page.locator('.export pre');
  await expect(code).toContainText("curl 'http://127.0.0.1:");
  await expect(code).toContainText('"temperature": 0.3');
  await field(page, 'Code').selectOption('JavaScript');
  await expect(code).toContainText("import OpenAI from 'openai';");
  await expect(code).toContainText('"Share this prompt, please."');
  await field(page, 'Code').selectOption('Python');
  await expect(code).toContainText('from openai import OpenAI');
  await expect(code).toContainText('stream=True,');
  await expect(code).toContainText('"END"');
  await expectNoAxeViolations(page);
  const link = await field(page, 'Share link (the prompt only: no key, no uploads)').inputValue();
  expect(link).toContain('#prompt=');

  // Saved prompts survive a reload (localStorage); the shared link opens in a fresh browser context.
  await field(page, 'Save this prompt as').fill('my share test');
  await page.getByRole('button', { name: 'Save prompt' }).click();
  await page.reload();
  await page.getByText('Export, share and saved prompts').click();
  await expect(page.getByRole('button', { name: 'Load my share test' })).toBeVisible();
  await page.evaluate(() => localStorage.clear());
  await page.goto(link);
  await expect(page.getByRole('textbox', { name: 'Message 1 text' })).toHaveValue('Share this prompt, please.');
  await expect(field(page, 'Temperature')).toHaveValue('0.3');
  expect(page.url()).not.toContain('#prompt=');
  await screenshot(page, testInfo);
});

test('the connection presets: local by default, a proxy note, and a key warning for browser keys', async ({
  page,
}, testInfo) => {
  await openPlayground(page);
  await page.getByText('Connection:').click();
  await expect(field(page, 'Base URL')).toHaveValue('/v1');
  await field(page, 'Preset').selectOption('proxy');
  await expect(page.getByText(/the key never reaches the browser/)).toBeVisible();
  await expect(page.getByLabel('API key')).toHaveCount(0);
  await field(page, 'Preset').selectOption('azure-openai');
  await expect(field(page, 'api-version')).toHaveValue('2024-10-21');
  await expect(page.getByLabel('API key')).toHaveAccessibleDescription(/stays in this tab's memory only/);
  await expectNoAxeViolations(page);
  await screenshot(page, testInfo);
});

test('a saved draft from another version opens repaired: what it held is kept, nothing fails', async ({
  page,
}, testInfo) => {
  await openPlayground(page);
  // Saved state from some other version of the playground: a message without its parts list.
  await page.evaluate(() =>
    localStorage.setItem(
      'ck-playground-draft',
      JSON.stringify({
        state: { draft: { messages: [{ id: 'x', role: 'user', text: 'old' }], params: {} }, saved: [] },
        version: 1,
      }),
    ),
  );
  await page.reload();
  // Read field by field (state/draft.ts): the missing parts list is filled in, the text kept.
  await expect(page.getByRole('textbox', { name: 'Message 1 text' })).toHaveValue('old');
  await expect(page.getByRole('alert').filter({ hasText: 'This view failed' })).toHaveCount(0);
  // The composer works on it (Run waits for a model: the old draft named none).
  await page.getByRole('textbox', { name: 'Message 1 text' }).fill('old, and edited');
  await expect(page.getByRole('textbox', { name: 'Message 1 text' })).toHaveValue('old, and edited');
  await expectNoAxeViolations(page);
  await screenshot(page, testInfo);
});
