import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, field, finished, openPlayground, run, screenshot } from './support.ts';

test('variables are filled into a run, exported as a typed module, and saved prompts keep versions', async ({
  page,
}, testInfo) => {
  await openPlayground(page, 'Weather in {{city}} for {{days}} days?');
  const runButton = page.getByRole('button', { name: 'Run', exact: true });
  // Each name typed into a message gets a value field; without values the run is blocked, and says why.
  await expect(field(page, '{{city}}')).toBeVisible();
  await expect(field(page, '{{days}}')).toBeVisible();
  await expect(runButton).toBeDisabled();
  await expect(page.getByRole('alert').filter({ hasText: 'Give {{city}} a value.' })).toBeVisible();
  await field(page, '{{city}}').fill('Lisbon');
  await field(page, '{{days}}').fill('4');
  await expect(runButton).toBeEnabled();
  await field(page, 'Max completion tokens').fill('20');
  await run(page);
  await finished(page);
  await expect(page.locator('.run-status')).toHaveText('Done.');
  // The request that ran holds the values, not the placeholders.
  await page.getByText('Raw request', { exact: true }).click();
  const raw = page.locator('.result pre.raw').first();
  await expect(raw).toContainText('"content": "Weather in Lisbon for 4 days?"');
  await expect(raw).not.toContainText('{{city}}');

  // The typed module names the variables; the fixture replays the answer that just finished.
  await page.getByText('Export, share and saved prompts').click();
  const code = page.locator('.export pre');
  await field(page, 'Code').selectOption('TypeScript module');
  await expect(code).toContainText(
    'export function buildRequest(variables: PromptVariables): ChatCompletionCreateParams',
  );
  await expect(code).toContainText('city: string;');
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the exported source holds this template literal
  await expect(code).toContainText('`Weather in ${variables.city} for ${variables.days} days?`');
  await field(page, 'Code').selectOption('Test fixture');
  await expect(code).toContainText('export async function replayFetch');
  await field(page, 'Code').selectOption('curl');
  await expect(code).toContainText('#   city = "Lisbon"');
  await expectNoAxeViolations(page);

  // Save v1, change a value and the text, save v2; compare them; open v1 again.
  await field(page, 'Save this prompt as').fill('weather');
  await page.getByRole('button', { name: 'Save prompt' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved weather v1.' })).toBeVisible();
  await field(page, '{{city}}').fill('Porto');
  await page.getByRole('textbox', { name: 'Message 1 text' }).fill('Rain in {{city}} for {{days}} days?');
  await page.getByRole('button', { name: 'Save prompt' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved weather v2.' })).toBeVisible();
  const versions = page.getByRole('list', { name: 'Versions of weather' });
  await expect(versions.getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'Compare versions of weather' }).click();
  const changes = page.getByRole('region', { name: 'Changes in weather' });
  await expect(changes.getByRole('row', { name: /Variable \{\{city\}\}/ })).toContainText('Porto');
  await expect(changes.getByRole('row', { name: /Message 1 text/ })).toContainText('Rain in {{city}}');
  await expect(changes.locator('del').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Open weather v1' }).click();
  await expect(page.getByRole('textbox', { name: 'Message 1 text' })).toHaveValue(
    'Weather in {{city}} for {{days}} days?',
  );
  await expect(field(page, '{{city}}')).toHaveValue('Lisbon');

  // A variable no message uses any more is marked, and can be removed.
  await page.getByRole('textbox', { name: 'Message 1 text' }).fill('Weather in {{city}}?');
  await expect(page.getByText('Not used in any message.')).toBeVisible();
  await page.getByRole('button', { name: 'Remove days' }).click();
  await expect(field(page, '{{days}}')).toHaveCount(0);
  await screenshot(page, testInfo);
});

test('a store saved before versions opens with its prompts as v1', async ({ page }) => {
  await openPlayground(page);
  // The v1 shape: one draft per name, drafts without variables.
  const old = {
    messages: [{ id: 'm1', role: 'user', text: 'An old prompt', name: '', parts: [], toolCalls: [], toolCallId: '' }],
    params: { model: 'ck-local-ngram', stream: true },
    tools: [],
    toolChoice: '',
    responseFormat: { type: 'text', name: 'answer', schema: '', strict: true },
  };
  await page.evaluate((draft) => {
    const state = { draft, saved: [{ name: 'legacy', draft }] };
    localStorage.setItem('ck-playground-draft', JSON.stringify({ state, version: 1 }));
  }, old);
  await page.reload();
  await page.getByText('Export, share and saved prompts').click();
  await expect(page.getByRole('list', { name: 'Versions of legacy' })).toContainText(
    'v1, saved before versions were kept',
  );
  await page.getByRole('button', { name: 'Open legacy v1' }).click();
  await expect(page.getByRole('textbox', { name: 'Message 1 text' })).toHaveValue('An old prompt');
  await page.getByRole('textbox', { name: 'Message 1 text' }).fill('An old prompt for {{who}}');
  await expect(field(page, '{{who}}')).toBeVisible();
});
