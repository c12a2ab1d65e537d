// `pnpm docs:screenshots`: pictures of the built Storybook for docs/ (the introduction, the Thread,
// Composer, TokenLogprobs and Message pages, the theming page), taken in headless Chromium from
// storybook-static.
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../chromium.ts';
import { serveStatic } from './static-server.ts';

const shots = [
  { id: 'introduction--docs', file: 'storybook-introduction.png' },
  { id: 'chat-thread--docs', file: 'storybook-thread.png' },
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
    await frame.locator('#storybook-docs .sbdocs-content').waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1500);
    await page.screenshot({ path: path.join('docs', shot.file) });
    console.log(`docs/${shot.file}`);
  }
} finally {
  await browser.close();
  server.close();
}
