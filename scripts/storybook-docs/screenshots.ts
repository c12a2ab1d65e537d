// `pnpm docs:screenshots`: pictures of the built Storybook for docs/ (the introduction with its chat
// answering a typed question, the Thread page with its code shown, the Composer, TokenLogprobs and
// Message pages, the theming page), taken in headless Chromium from storybook-static.
import path from 'node:path';
import { chromium, type FrameLocator } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../chromium.ts';
import { serveStatic } from './static-server.ts';

const timeout = 30_000;
const shots: { id: string; file: string; prepare?: (frame: FrameLocator) => Promise<void> }[] = [
  {
    id: 'introduction--docs',
    file: 'storybook-introduction.png',
    // The smallest chat, asked something of our own, with the packages table under it.
    async prepare(frame) {
      const chat = frame.getByRole('region', { name: 'Smallest chat' });
      await chat.getByRole('textbox', { name: 'Message' }).fill('Write a haiku about streaming');
      await chat.getByRole('button', { name: 'Send' }).click();
      await chat.locator('article[data-role="assistant"][data-status="done"]').waitFor({ timeout });
      await chat.evaluate((region) => region.scrollIntoView());
    },
  },
  {
    id: 'chat-thread--docs',
    file: 'storybook-thread.png',
    // "Show code" gives what a user writes.
    prepare: (frame) => frame.getByText('Show code', { exact: true }).first().click(),
  },
  { id: 'chat-composer--docs', file: 'storybook-composer.png' },
  { id: 'insight-tokenlogprobs--docs', file: 'storybook-token-logprobs.png' },
  { id: 'chat-message--docs', file: 'storybook-message.png' },
  { id: 'foundations-theming--docs', file: 'storybook-theming.png' },
];

const { url, server } = await serveStatic(path.resolve(process.argv[2] ?? 'storybook-static'));
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, deviceScaleFactor: 1 });
  for (const shot of shots) {
    await page.goto(`${url}/?path=/docs/${shot.id}`);
    const frame = page.frameLocator('#storybook-preview-iframe');
    await frame.locator('#storybook-docs .sbdocs-content').waitFor({ timeout });
    await page.waitForLoadState('networkidle');
    await shot.prepare?.(frame);
    // Fonts loaded and two frames painted in the preview: what the reader would see, not a guess of when.
    await page
      .frame({ url: /iframe\.html/ })
      ?.evaluate(() =>
        document.fonts.ready.then(
          () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
        ),
      );
    await page.screenshot({ path: path.join('docs', shot.file) });
    console.log(`docs/${shot.file}`);
  }
} finally {
  await browser.close();
  server.close();
}
