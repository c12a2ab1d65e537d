// What a user of each example would notice, driven in Debian's Chromium through playwright-core (no
// browser download). Each check throws with a plain message when the page does not behave.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The drop-in <Chat>, through its accessible names (exact: the chat also has "Message actions",
 * "Stop recording" and the like): one answer streams in while the log is busy and runs to its end;
 * a second is stopped, stays frozen, and both are still in the thread after a reload (the threads
 * are kept in localStorage).
 */
async function chat(page) {
  const log = page.getByRole('log', { name: 'Conversation', exact: true });
  const assistant = log.locator('[data-slot="message"][data-role="assistant"]');
  const questions = log.locator('[data-slot="message"][data-role="user"]');
  const input = page.getByRole('textbox', { name: 'Message', exact: true });
  const send = page.getByRole('button', { name: 'Send', exact: true });
  const stop = page.getByRole('button', { name: 'Stop', exact: true });
  // The answer to stop must outlast the click: with its end-of-text token banned, the built-in model
  // writes until the token limit (400 tokens, some 10 s at the test server's pace).
  await page.route('**/v1/chat/completions', async (route) => {
    const body = JSON.parse(route.request().postData() ?? '{}');
    if (body.messages?.length > 2) body.logit_bias = { 199999: -100 };
    await route.continue({ postData: JSON.stringify(body) });
  });
  await input.fill('Tell me how a stream of chunks becomes a message.');
  await send.click();
  // Streamed, not delivered whole: part of the answer shows while the log still says it is busy.
  await page.waitForFunction(() => {
    const viewport = document.querySelector('[role="log"][aria-busy="true"]');
    const answer = viewport?.querySelector('[data-slot="message"][data-role="assistant"]');
    return (answer?.textContent ?? '').trim().length > 0;
  });
  await send.waitFor({ timeout: 30_000 });
  const first = ((await assistant.first().textContent()) ?? '').trim();
  if (first.length < 20) throw new Error(`the streamed answer is too short to be one: "${first}"`);

  // The second answer's request ends (aborted by Stop, or finished): after that no token can arrive.
  const ended = new Promise((resolve) => {
    const done = (request) => {
      if (request.url().endsWith('/v1/chat/completions')) resolve();
    };
    page.on('requestfailed', done);
    page.on('requestfinished', done);
  });
  await input.fill('And what happens when I stop it?');
  await send.click();
  await page.waitForFunction(() => {
    const answers = document.querySelectorAll('[role="log"] [data-slot="message"][data-role="assistant"]');
    return answers.length === 2 && (answers[1]?.textContent ?? '').length > 40;
  });
  await stop.click();
  await stop.waitFor({ state: 'detached' });
  await send.waitFor();
  const stopped = await assistant.nth(1).textContent();
  await ended;
  // Two frames after the request ended, anything it delivered has been rendered.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  if ((await assistant.nth(1).textContent()) !== stopped) throw new Error('the answer kept growing after Stop');
  if ((await assistant.count()) !== 2) throw new Error('the stopped answer was not kept in the conversation');
  const before = { questions: await questions.allTextContents(), answers: await assistant.allTextContents() };

  await page.reload();
  await assistant.nth(1).waitFor();
  const after = { questions: await questions.allTextContents(), answers: await assistant.allTextContents() };
  if (JSON.stringify(after) !== JSON.stringify(before))
    throw new Error(`the thread changed on reload: ${JSON.stringify(before)} became ${JSON.stringify(after)}`);
  return `answer of ${first.length} characters streamed; a second stopped at ${stopped.length} characters; the thread kept across a reload`;
}

/** A completion stored through the server shows in the list, and opens with its request message. */
async function storedCompletions(page, { serverUrl }) {
  const question = `Stored by the outside test at ${Date.now()}`;
  const response = await fetch(`${serverUrl}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'gpt-4o-mini',
      store: true,
      metadata: { source: 'outside-test' },
      messages: [{ role: 'user', content: question }],
    }),
  });
  if (!response.ok) throw new Error(`storing a completion failed: ${response.status}`);
  const { id } = await response.json();
  await page.reload();
  await page.locator(`[data-slot="open-stored"]`).first().waitFor();
  await page.locator('[data-slot="open-stored"]').first().click();
  await page.getByText(question).first().waitFor();
  await page.getByText(id).first().waitFor();
  return `stored completion ${id} listed and opened with its request message`;
}

/**
 * The chat at the widths people use, 320 to 1280 px: nothing scrolls sideways, Send is on screen, the
 * thread list is reachable (a button opens it as a drawer when narrow). At 390 px as a phone: by touch,
 * with 44 px targets, and a message sent by tapping.
 */
async function chatAtWidths(url) {
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  const seen = [];
  try {
    for (const width of [320, 390, 768, 1280]) {
      const phone = width === 390;
      const context = await browser.newContext({ viewport: { width, height: 740 }, hasTouch: phone, isMobile: phone });
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(url);
      const send = page.getByRole('button', { name: 'Send', exact: true });
      await send.waitFor();
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (sideways > 0) throw new Error(`at ${width} px the page scrolls sideways by ${sideways} px`);
      const box = await send.boundingBox();
      if (!box || box.x < 0 || box.y < 0 || box.x + box.width > width || box.y + box.height > 740)
        throw new Error(`at ${width} px Send is not on screen: ${JSON.stringify(box)}`);
      const list = page.getByRole('navigation', { name: 'Conversations', exact: true });
      const toggle = page.getByRole('button', { name: 'Conversations', exact: true });
      const press = (locator) => (phone ? locator.tap() : locator.click());
      if (await toggle.isVisible()) {
        if (await list.isVisible()) throw new Error(`at ${width} px the drawer is open before it is asked for`);
        await press(toggle);
        await list.waitFor({ state: 'visible' });
        await press(list.getByRole('button', { name: 'New conversation', exact: true }));
        await list.waitFor({ state: 'hidden' });
      } else if (!(await list.isVisible())) {
        throw new Error(`at ${width} px the thread list is neither shown nor behind a button`);
      } else {
        const listBox = await list.boundingBox();
        const mainBox = await page.locator('[data-slot="chat-main"]').boundingBox();
        if (!listBox || !mainBox || listBox.x + listBox.width > mainBox.x + 1 || listBox.y > mainBox.y + 1)
          throw new Error(
            `at ${width} px the thread list is not beside the conversation: ${JSON.stringify({ listBox, mainBox })}`,
          );
      }
      let how = (await toggle.isVisible()) ? 'thread list in a drawer' : 'thread list beside';
      if (phone) {
        const coarse = await page.evaluate(() => matchMedia('(pointer: coarse)').matches);
        const sendSize = await send.boundingBox();
        if (!coarse || sendSize.height < 44 || sendSize.width < 44)
          throw new Error(
            `at 390 px by touch, Send is ${sendSize.width}x${sendSize.height} (coarse pointer: ${coarse})`,
          );
        await press(page.getByRole('textbox', { name: 'Message', exact: true }));
        await page.keyboard.type('Hello from a phone');
        await press(send);
        await page.waitForFunction(() => {
          const answer = document.querySelector('[role="log"] [data-slot="message"][data-role="assistant"]');
          return (answer?.textContent ?? '').trim().length > 10;
        });
        how += ', 44 px targets, sent by tapping';
      }
      if (errors.length > 0) throw new Error(`errors in the page at ${width} px: ${errors.join(' | ')}`);
      seen.push(`${width} px: ${how}`);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return seen.join('; ');
}

/**
 * The chat server-rendered by Next.js: the HTML from `next start` already holds the chat (its
 * composer and starters, before any script runs), it hydrates with no console error (a hydration
 * mismatch is reported as one), and then it streams like the Vite example.
 */
async function nextChat(page, context) {
  const html = await (await fetch(page.url())).text();
  for (const part of ['data-slot="composer"', 'What is a token?']) {
    if (!html.includes(part)) throw new Error(`the server-rendered HTML lacks ${part}`);
  }
  // Next.js lowers light-dark() in the kit's stylesheet (Lightning CSS); on this light-only page, under
  // a light or a dark OS, the kit keeps its light colours (Send in the accent), never none at all.
  const send = page.getByRole('button', { name: 'Send', exact: true });
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    const background = await send.evaluate((element) => getComputedStyle(element).backgroundColor);
    if (background !== 'rgb(5, 80, 174)')
      throw new Error(`under a ${colorScheme} OS, Send's background is ${background}, not the kit's light accent`);
  }
  await page.emulateMedia({ colorScheme: null });
  return `server-rendered (composer and starters in the HTML), the kit's colours kept through the build; ${await chat(page, context)}`;
}

export const checks = { chat, 'next-chat': nextChat, 'stored-completions': storedCompletions };
const widthChecks = { chat: chatAtWidths, 'next-chat': chatAtWidths };

/** Opens the built example at `url` and runs its check; page errors fail it. */
export async function checkInBrowser(example, url, context) {
  const browser = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'ck-outside-ud-')), {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
  });
  const errors = [];
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(url);
    const result = await checks[example](page, context);
    if (errors.length > 0) throw new Error(`errors in the page: ${errors.join(' | ')}`);
    const widths = widthChecks[example] ? await widthChecks[example](url) : null;
    return widths ? `${result}; ${widths}` : result;
  } finally {
    await browser.close();
  }
}
