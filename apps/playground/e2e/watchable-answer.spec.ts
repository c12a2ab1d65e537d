import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { serverPort } from '../playwright.config.ts';
import { completionEnded, field, openPlayground, run, screenshot } from './support.ts';

// The suite's server runs fast (--pace-ms 15); this one runs with the CLI's defaults, as `npm start` does.
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '../../..');
const defaultsPort = serverPort + 2;
let server: ChildProcess;
let serverLog = '';

test.beforeAll(async () => {
  server = spawn(
    process.execPath,
    [
      // From its sources, as `npm start` runs it: the bin runs dist/, which tests do not build first.
      '--conditions=@completions-kit/source',
      '--import',
      'tsx',
      path.join(root, 'packages/server/src/cli.ts'),
      '--port',
      String(defaultsPort),
      '--data-dir',
      mkdtempSync(path.join(tmpdir(), 'ck-defaults-')),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server.stdout?.on('data', (data) => (serverLog += data));
  server.stderr?.on('data', (data) => (serverLog += data));
  await expect.poll(() => serverLog, { timeout: 60_000 }).toContain('listening');
});

test.afterAll(() => server.kill('SIGKILL'));

test('a default question streams for seconds, and Stop keeps the partial answer', async ({ page }, testInfo) => {
  await openPlayground(page, 'Explain in detail how a readable stream hands data to its reader.');
  await page.getByText('Connection:').click();
  await field(page, 'Preset').selectOption('custom');
  await field(page, 'Base URL').fill(`http://127.0.0.1:${defaultsPort}/v1`);
  await field(page, 'Model').fill('ck-local-ngram');
  const answer = page.getByRole('article', { name: 'Choice 1' });
  await run(page);
  await expect.poll(async () => (await answer.textContent())?.length ?? 0).toBeGreaterThan(0);
  // Streaming at every look for three seconds after the first text: a pace a person can watch and
  // stop. A lower bound, which a loaded machine only makes easier to meet, never a pass on speed.
  const started = Date.now();
  const statuses: (string | null)[] = [];
  await expect
    .poll(
      async () => {
        statuses.push(await page.locator('.run-status').getAttribute('data-status'));
        return Date.now() - started;
      },
      { timeout: 30_000, intervals: [250] },
    )
    .toBeGreaterThanOrEqual(3_000);
  expect(new Set(statuses)).toEqual(new Set(['streaming']));
  const ended = completionEnded(page);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.locator('.run-status')).toHaveText(/^Stopped after \d+ tokens?\.$/);
  const kept = await answer.textContent();
  expect(kept?.length).toBeGreaterThan(60);
  // The request has ended: nothing more can arrive, and nothing was added.
  await ended;
  await expect(answer).toHaveText(kept ?? '');
  await screenshot(page, testInfo);
});
