import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { serverPort } from '../playwright.config.ts';
import { field, openPlayground, run, screenshot } from './support.ts';

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
  const started = Date.now();
  // Still streaming three seconds after the first text: a pace a person can watch and stop.
  await page.waitForTimeout(3_000);
  await expect(page.locator('.run-status')).toHaveAttribute('data-status', 'streaming');
  expect(Date.now() - started).toBeGreaterThanOrEqual(3_000);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.locator('.run-status')).toHaveText(/^Stopped after \d+ tokens?\.$/);
  const kept = await answer.textContent();
  expect(kept?.length).toBeGreaterThan(60);
  await page.waitForTimeout(500);
  await expect(answer).toHaveText(kept ?? '');
  await screenshot(page, testInfo);
});
