#!/usr/bin/env node
// Screenshots of examples/chat as a user sees it, at 390 and 1280 px, light and dark, for the chat
// README. Takes an example folder installed from the tarballs and built (the outside run leaves one:
// <work folder>/React-19/chat), starts the server from its tarball and `vite preview`, asks one
// question and waits for the answer to end.
// Usage: node scripts/chat-screenshots.mjs /tmp/ck-outside-XXXX/React-19/chat
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const folder = process.argv[2];
if (!folder) throw new Error('usage: node scripts/chat-screenshots.mjs <built examples/chat folder>');
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '../packages/chat/docs');
const serverPort = Number(process.env.CK_SHOTS_SERVER_PORT ?? 18829);
const previewPort = Number(process.env.CK_SHOTS_PREVIEW_PORT ?? 14229);
const start = (command, args, env = {}) =>
  spawn(command, args, { cwd: folder, stdio: 'ignore', detached: true, env: { ...process.env, ...env } });
const children = [
  start(path.join(folder, 'node_modules/.bin/completions-kit-server'), [
    '--port',
    String(serverPort),
    '--data-dir',
    mkdtempSync(path.join(tmpdir(), 'ck-shots-')),
    '--pace-ms',
    '5',
  ]),
  start(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(previewPort), '--strictPort'],
    { CK_SERVER_URL: `http://127.0.0.1:${serverPort}` },
  ),
];
const url = `http://127.0.0.1:${previewPort}/`;
async function ready(address) {
  for (let attempt = 0; attempt < 240; attempt++) {
    try {
      if ((await fetch(address)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${address} did not answer`);
}
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  await ready(`http://127.0.0.1:${serverPort}/health`);
  await ready(url);
  for (const width of [390, 1280]) {
    for (const colorScheme of ['light', 'dark']) {
      const context = await browser.newContext({ viewport: { width, height: width === 390 ? 760 : 720 }, colorScheme });
      const page = await context.newPage();
      await page.goto(url);
      await page
        .getByRole('textbox', { name: 'Message', exact: true })
        .fill('How does a stream of chunks become a message?');
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await page.getByRole('button', { name: 'Regenerate', exact: true }).waitFor({ timeout: 60_000 });
      const file = path.join(out, `chat-${width}-${colorScheme}.png`);
      await page.screenshot({ path: file });
      console.log(file);
      await context.close();
    }
  }
} finally {
  await browser.close();
  for (const child of children) process.kill(-child.pid, 'SIGTERM');
}
