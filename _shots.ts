import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './scripts/chromium.ts';
import { serveStatic } from './scripts/storybook-docs/static-server.ts';

const { url, server } = await serveStatic(path.resolve('storybook-static'));
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const ids = process.argv.slice(2);
for (const id of ids)
  for (const width of [390, 1440])
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
      await page.goto(`${url}/iframe.html?id=${id}&viewMode=story`);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(1500);
      await page.screenshot({ path: `/tmp/shots/${id}-${width}-${scheme}.png`, fullPage: true });
      await page.close();
    }
await browser.close();
server.close();
