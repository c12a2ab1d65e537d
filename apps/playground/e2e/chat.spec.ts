import { expect, type Page, test } from '@playwright/test';
import {
  completionEnded,
  expectNoAxeViolations,
  field,
  moreSettings,
  openPlayground,
  screenshot,
  unfold,
} from './support.ts';

// The local model's end-of-text token, barred so answers run to the token limit (long enough to stop).
const NO_END = '{"199999": -100}';

/** The playground's parameters (the chat uses them), then the Chat view with no saved threads. */
async function openChat(page: Page, settings: { maxTokens?: string; noEnd?: boolean } = {}) {
  await openPlayground(page);
  await field(page, 'Max completion tokens').fill(settings.maxTokens ?? '24');
  if (settings.noEnd) {
    await moreSettings(page);
    await field(page, 'Logit bias').fill(NO_END);
  }
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Chat' }).click();
  await expect(page.getByRole('log', { name: 'Conversation' })).toBeVisible();
}

const input = (page: Page) => page.getByRole('textbox', { name: 'Message' });
const log = (page: Page) => page.getByRole('log', { name: 'Conversation' });
const messages = (page: Page) => log(page).getByRole('article');
const idle = (page: Page) => expect(page.getByRole('button', { name: 'Send' })).toBeVisible({ timeout: 30_000 });

async function send(page: Page, text: string) {
  await input(page).fill(text);
  await input(page).press('Enter');
}

test('a question streams in, Stop keeps the partial answer, and the live region speaks once at each end', async ({
  page,
}, testInfo) => {
  await openChat(page, { maxTokens: '2000', noEnd: true });
  await page.evaluate(() => {
    const region = document.querySelector('[data-slot="thread-announcer"]') as HTMLElement;
    const said: string[] = [];
    Object.assign(window, { said });
    new MutationObserver(() => said.push(region.textContent ?? '')).observe(region, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  await send(page, 'Tell me everything about streams.');
  await expect(messages(page).first()).toContainText('Tell me everything about streams.');
  const answer = messages(page).nth(1);
  await expect(log(page)).toHaveAttribute('aria-busy', 'true');
  const lengths: number[] = [];
  await expect
    .poll(async () => {
      lengths.push((await answer.textContent())?.length ?? 0);
      return lengths.at(-1);
    })
    .toBeGreaterThan(80);
  expect(new Set(lengths).size).toBeGreaterThan(1);
  const ended = completionEnded(page);
  await page.getByRole('button', { name: 'Stop' }).click();
  await idle(page);
  const kept = (await messages(page).nth(1).textContent()) ?? '';
  expect(kept.length).toBeGreaterThan(80);
  // The request has ended: nothing more can arrive, and nothing was added.
  await ended;
  await expect(messages(page).nth(1)).toHaveText(kept);
  expect(await page.evaluate(() => (window as unknown as { said: string[] }).said)).toEqual([
    'The assistant is answering.',
    'The answer stopped.',
  ]);
  await expectNoAxeViolations(page);
  await screenshot(page, testInfo);
});

test('editing a question makes a branch, and the picker switches both ways', async ({ page }, testInfo) => {
  await openChat(page);
  await send(page, 'What is a stream?');
  await idle(page);
  await page.getByRole('button', { name: 'Edit' }).click();
  const editor = page.getByRole('textbox', { name: 'Edit message' });
  await editor.fill('What is a pipe?');
  await page.getByRole('button', { name: 'Save and send' }).click();
  await idle(page);
  await expect(messages(page).first()).toContainText('What is a pipe?');
  await expect(log(page)).toContainText('2 of 2');
  await page.getByRole('button', { name: 'Previous version' }).first().click();
  await expect(messages(page).first()).toContainText('What is a stream?');
  await expect(log(page)).toContainText('1 of 2');
  await page.getByRole('button', { name: 'Next version' }).first().click();
  await expect(messages(page).first()).toContainText('What is a pipe?');
  await expectNoAxeViolations(page);
  await screenshot(page, testInfo);
});

test('a tool call waits for approval, then the run goes on', async ({ page }, testInfo) => {
  await openPlayground(page);
  await unfold(page, 'Tools');
  await page.getByRole('button', { name: 'Add tool' }).click();
  await field(page, 'Tool choice').selectOption('auto');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Chat' }).click();
  await send(page, 'What is the weather in Paris in celsius?');
  const approval = page.getByRole('region', { name: 'The assistant wants to call get_weather' });
  await expect(approval).toBeVisible({ timeout: 30_000 });
  await expectNoAxeViolations(page);
  await approval.getByRole('button', { name: 'Approve' }).click();
  await expect(approval).toContainText('Approved');
  await idle(page);
  // The question, the call (its tool answer is not shown as a message), and the answer that followed.
  await expect(messages(page)).toHaveCount(3);
  await expect(messages(page).last()).toContainText(/\w{3,}/);
  await screenshot(page, testInfo);
});

test('an attached image is sent with the question, and the thread is there after a reload', async ({
  page,
}, testInfo) => {
  await openChat(page);
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  await page.locator('[data-slot="composer"] input[type="file"]').setInputFiles({
    name: 'dot.png',
    mimeType: 'image/png',
    buffer: png,
  });
  await expect(page.getByRole('list', { name: 'Attachments' })).toContainText('dot.png');
  await send(page, 'Describe this picture.');
  await idle(page);
  await expect(messages(page).first()).toContainText('Describe this picture.');
  await expect(messages(page).first().getByRole('img')).toHaveCount(1);
  await page.reload();
  const threads = page.getByRole('navigation', { name: 'Conversations' });
  await expect(threads.getByRole('button', { name: 'Describe this picture.', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(messages(page).first()).toContainText('Describe this picture.');
  await expect(messages(page)).toHaveCount(2);
  await screenshot(page, testInfo);
});

test('keyboard only: from the first Tab to a sent message', async ({ page }, testInfo) => {
  await openChat(page);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.goto('/#/chat');
  for (let step = 0; step < 40; step++) {
    await page.keyboard.press('Tab');
    if (await input(page).evaluate((element) => element === document.activeElement)) break;
  }
  await expect(input(page)).toBeFocused();
  await page.keyboard.type('Typed without a mouse');
  await page.keyboard.press('Enter');
  await idle(page);
  await expect(messages(page).first()).toContainText('Typed without a mouse');
  await screenshot(page, testInfo);
});
