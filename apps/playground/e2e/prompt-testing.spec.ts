import { expect, type Page, test } from '@playwright/test';
import { field, finished, moreSettings, openPlayground, run, screenshot, unfold } from './support.ts';

// Prompt testing without friction (issue 24): the answer in sight, Stop as a state, nothing lost,
// the kit's styles intact, and no sideways scroll on a phone.

const answer = (page: Page) => page.getByRole('article', { name: 'Choice 1' });
const views = (page: Page) => page.getByRole('navigation', { name: 'Views' });
const openView = (page: Page, name: string) => views(page).getByRole('button', { name, exact: true }).click();

/** How many pixels the page scrolls sideways (0 when it does not). */
const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function expectNoSideways(page: Page, where: string) {
  await expect.poll(() => sideways(page), { message: `sideways scroll in ${where}` }).toBeLessThanOrEqual(0);
}

/** A long answer that does not end by itself: the built-in model stops only at the token limit. */
async function longPrompt(page: Page, prompt: string) {
  await openPlayground(page, prompt);
  await field(page, 'Max completion tokens').fill('2000');
}

async function storeOne(page: Page, prompt: string) {
  await page.getByRole('textbox', { name: 'Message 1 text' }).fill(prompt);
  await moreSettings(page);
  await field(page, 'Store').check();
  await field(page, 'Max completion tokens').fill('20');
  await run(page);
  await finished(page);
}

test.describe('at 390 × 844', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('no view and no dialog scrolls sideways; the header and tabs take at most 120 px', async ({
    page,
  }, testInfo) => {
    await openPlayground(page);
    const header = await page.locator('.app-header').boundingBox();
    expect(header?.height).toBeLessThanOrEqual(120);
    await page.getByRole('button', { name: /^Settings:/ }).tap();
    await moreSettings(page);
    await unfold(page, 'Tools');
    await unfold(page, 'Export, share and saved prompts');
    await expectNoSideways(page, 'the playground with every settings section open');
    await storeOne(page, 'A stored question for the phone.');
    await expectNoSideways(page, 'the playground with an answer');
    await page.getByText('Connection:').tap();
    await expectNoSideways(page, 'the connection panel');
    await page.getByText('Connection:').tap();
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).tap();
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await expectNoSideways(page, 'the shortcuts dialog');
    await page.keyboard.press('Escape');
    for (const name of ['Chat', 'Logs', 'Compare', 'History']) {
      await openView(page, name);
      await expect(views(page).getByRole('button', { name, exact: true })).toHaveAttribute('aria-current', 'page');
      await expect(page.locator('main .view:not([hidden]) [role="status"]', { hasText: 'Loading…' })).toHaveCount(0);
      await expectNoSideways(page, `the ${name} view`);
    }
    await openView(page, 'Compare');
    await page.getByRole('button', { name: 'Run all' }).tap();
    await expect(page.locator('.variant .run-status[data-status="done"]')).toHaveCount(2, { timeout: 30_000 });
    await expectNoSideways(page, 'Compare after a run');
    await page.getByRole('button', { name: 'Repeat', exact: true }).tap();
    await expectNoSideways(page, 'Repeat');
    await openView(page, 'Logs');
    // Compare's runs were stored too (the draft has store on): any of the rows will do.
    await page
      .getByRole('button', { name: /^Open “A stored question for the phone/ })
      .first()
      .tap();
    await page.getByRole('button', { name: 'Delete…' }).tap();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await expectNoSideways(page, 'the delete dialog');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).tap();
    await screenshot(page, testInfo);
  });

  test('a tapped Logs row opens its detail in view', async ({ page }, testInfo) => {
    test.setTimeout(150_000);
    await openPlayground(page);
    await page.getByRole('button', { name: /^Settings:/ }).tap();
    // Enough rows that the detail, drawn below the list, starts far down the page.
    for (let index = 1; index <= 5; index++) await storeOne(page, `Row ${index} of the phone list.`);
    await openView(page, 'Logs');
    const row = page.getByRole('button', { name: /^Open “Row 1 of the phone list/ });
    await row.scrollIntoViewIfNeeded();
    await row.tap();
    const detail = page.getByRole('article', { name: /^Stored completion / });
    await expect(detail).toBeVisible();
    await expect(detail).toBeInViewport();
    // Its start, not just an edge of it: the top of the detail is in the upper third of the window.
    const top = await detail.evaluate((element) => element.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(844 / 3);
    await screenshot(page, testInfo);
  });
});

test.describe('at 1440 × 900', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('after Run, the first line of the answer is in view while it streams', async ({ page }, testInfo) => {
    await longPrompt(page, 'Explain in detail how a readable stream hands data to its reader.');
    // A long prompt above: the answer must not land below it.
    await page.getByRole('button', { name: 'Add instructions' }).click();
    await page.getByRole('textbox', { name: 'Message 1 text' }).fill('Be thorough.\n'.repeat(30));
    await run(page);
    await expect.poll(async () => (await answer(page).textContent())?.length ?? 0).toBeGreaterThan(40);
    await expect(page.locator('.run-status')).toHaveAttribute('data-status', 'streaming');
    await expect(answer(page).locator('[data-slot="markdown"] > *').first()).toBeInViewport();
    await page.getByRole('button', { name: 'Stop' }).click();
    await screenshot(page, testInfo);
  });

  test('the logprob heatmap shades tokens of different probability differently', async ({ page }) => {
    await openPlayground(page, 'Describe a readable stream.');
    await moreSettings(page);
    await field(page, 'Logprobs').check();
    await field(page, 'Max completion tokens').fill('60');
    await run(page);
    await finished(page);
    const tokens = page.locator('[data-slot="token"]');
    await expect(tokens.first()).toBeVisible();
    // The most and the least likely token, by the probability the token carries.
    const backgrounds = await tokens.evaluateAll((list) => {
      const probability = (token: Element) =>
        Number(getComputedStyle(token).getPropertyValue('--ck-token-probability'));
      const sorted = [...list].sort((a, b) => probability(a) - probability(b));
      const least = sorted[0] as Element;
      const most = sorted.at(-1) as Element;
      return {
        probabilities: [probability(least), probability(most)],
        colors: [getComputedStyle(least).backgroundColor, getComputedStyle(most).backgroundColor],
      };
    });
    expect(backgrounds.probabilities[0]).toBeLessThan(backgrounds.probabilities[1] as number);
    expect(backgrounds.colors[0]).not.toEqual(backgrounds.colors[1]);
  });
});

test('Stop shows no error and no Retry: one neutral line, the partial answer kept', async ({ page }, testInfo) => {
  await longPrompt(page, 'Tell me everything about streams.');
  await run(page);
  await expect.poll(async () => (await answer(page).textContent())?.length ?? 0).toBeGreaterThan(60);
  await page.getByRole('button', { name: 'Stop' }).click();
  const status = page.locator('.run-status');
  await expect(status).toHaveText(/^Stopped after \d+ tokens\.$/);
  const result = page.getByRole('region', { name: 'Result' });
  await expect(result.getByRole('alert')).toHaveCount(0);
  await expect(result.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await expect(result.getByText('aborted')).toHaveCount(0);
  expect((await answer(page).textContent())?.length).toBeGreaterThan(60);
  // The dot is the neutral grey, not the danger red or the warning amber.
  const dot = await status.evaluate((element) => getComputedStyle(element, '::before').backgroundColor);
  const danger = await status.evaluate((element) => {
    const probe = document.createElement('span');
    probe.style.color = 'var(--ck-danger)';
    element.append(probe);
    const color = getComputedStyle(probe).color;
    probe.remove();
    return color;
  });
  expect(dot).not.toEqual(danger);
  await screenshot(page, testInfo);
});

test('Logs → Playground keeps the answer, and the fixture export sees it', async ({ page }) => {
  await openPlayground(page, 'What is a chunk?');
  await field(page, 'Max completion tokens').fill('30');
  await run(page);
  await finished(page);
  const text = await answer(page).textContent();
  await openView(page, 'Logs');
  await expect(page.getByRole('heading', { name: 'Stored completions' })).toBeVisible();
  await openView(page, 'Playground');
  await expect(answer(page)).toHaveText(text ?? '');
  await expect(page.getByText('Run a prompt to see its answer here.')).toHaveCount(0);
  await unfold(page, 'Export, share and saved prompts');
  await field(page, 'Code').selectOption('Test fixture');
  const code = page.locator('.export pre');
  await expect(code).not.toContainText('Run the prompt first');
  await expect(code).toContainText('replayFetch');
});

test('Load over a changed draft offers Undo, Undo restores it, and templates stay templates', async ({ page }) => {
  await openPlayground(page, 'Summarise {{topic}} in one line.');
  await page.getByRole('textbox', { name: '{{topic}}', exact: true }).fill('streams');
  await unfold(page, 'Export, share and saved prompts');
  await field(page, 'Save this prompt as').fill('summary');
  await page.getByRole('button', { name: 'Save prompt' }).click();
  // Loading over the saved, unchanged draft loses nothing: no Undo is offered.
  await page.getByRole('button', { name: 'Load summary' }).click();
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);

  const message = page.getByRole('textbox', { name: 'Message 1 text' });
  await message.fill('My unsaved rewrite of {{topic}}.');
  await page.getByRole('button', { name: 'Load summary' }).click();
  await expect(message).toHaveValue('Summarise {{topic}} in one line.');
  await expect(page.getByText('Your changed draft was replaced.')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(message).toHaveValue('My unsaved rewrite of {{topic}}.');
  await expect(page.getByRole('textbox', { name: '{{topic}}', exact: true })).toHaveValue('streams');
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
});

test("a named tool choice's call can be answered and the run continues", async ({ page }, testInfo) => {
  await openPlayground(page, 'What is the weather in Paris in celsius?');
  await unfold(page, 'Tools');
  await page.getByRole('button', { name: 'Add tool' }).click();
  const name = await page.getByRole('textbox', { name: 'Tool 1 name' }).inputValue();
  await field(page, 'Tool choice').selectOption(name);
  await run(page);
  await finished(page);
  await expect(answer(page)).toContainText(name);
  const result = page.getByRole('textbox', { name: new RegExp(`^Result of ${name}`) });
  // No made-up example in the field: an empty placeholder.
  expect(await result.getAttribute('placeholder')).toBeNull();
  await result.fill('{"temperature": 21}');
  await page.getByRole('button', { name: 'Send tool results and continue' }).click();
  await finished(page);
  await expect(page.getByRole('combobox', { name: 'Message 3 role' })).toHaveValue('tool');
  await expect(page.locator('.run-status')).toHaveText('Done.');
  await screenshot(page, testInfo);
});
