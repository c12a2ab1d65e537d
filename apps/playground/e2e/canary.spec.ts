import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { serverPort } from '../playwright.config.ts';
import { field, finished, openPlayground, run, screenshot } from './support.ts';

// Fake keys with a shape no real text has: where either shows up, a key leaked.
const TYPED_KEY = 'sk-canary-typed-7f3a9c1e5b';
const PROXY_KEY = 'sk-canary-proxy-2d8e4b6a0f';
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '../../..');
const proxyPort = serverPort + 1;

let proxy: ChildProcess;
let proxyLog = '';

test.beforeAll(async () => {
  // A second server in proxy mode, with its provider key in its environment, forwarding to the local one.
  proxy = spawn(
    process.execPath,
    [
      // The server from its sources, as `npm start` runs it.
      '--conditions=@completions-kit/source',
      '--import',
      'tsx',
      path.join(root, 'packages/server/src/cli.ts'),
      '--port',
      String(proxyPort),
      '--data-dir',
      mkdtempSync(path.join(tmpdir(), 'ck-canary-')),
      '--upstream-url',
      `http://127.0.0.1:${serverPort}/v1`,
      '--upstream-provider',
      'compatible',
    ],
    { cwd: root, env: { ...process.env, OPENAI_API_KEY: PROXY_KEY }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  proxy.stdout?.on('data', (data) => (proxyLog += data));
  proxy.stderr?.on('data', (data) => (proxyLog += data));
  await expect.poll(() => proxyLog, { timeout: 30_000 }).toContain('listening');
});

test.afterAll(() => proxy.kill());

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

test('a typed key and a proxy key appear in no bundle, storage, URL, export or server log', async ({
  page,
}, testInfo) => {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  await openPlayground(page, 'Canary: is anything leaking?');
  await page.getByText('Connection:').click();
  await field(page, 'Preset').selectOption('custom');
  await field(page, 'Base URL').fill(`http://127.0.0.1:${proxyPort}/v1`);
  await page.getByLabel('API key').fill(TYPED_KEY);
  await field(page, 'Model').fill('ck-local-ngram');
  await field(page, 'Max completion tokens').fill('20');
  await run(page);
  await finished(page);
  await expect(page.locator('.run-status')).toHaveText('Done.');
  await expect(page.getByRole('article', { name: 'Choice 1' })).not.toBeEmpty();
  await page.getByText('Export, share and saved prompts').click();
  await field(page, 'Save this prompt as').fill('canary');
  await page.getByRole('button', { name: 'Save prompt' }).click();

  const places: Record<string, string> = {
    localStorage: await page.evaluate(() => JSON.stringify({ ...localStorage })),
    sessionStorage: await page.evaluate(() => JSON.stringify({ ...sessionStorage })),
    'page URL': page.url(),
    'request URLs': urls.join('\n'),
    'share link': await field(page, 'Share link (the prompt only: no key, no uploads)').inputValue(),
    'exported code': (await page.locator('.export pre').textContent()) ?? '',
    'proxy server log': proxyLog,
  };
  expect(proxyLog).toMatch(/POST \/v1\/chat\/completions 200/);
  expect(places.localStorage).toContain('canary');

  // The production build, made with the proxy key in the environment, as a developer's shell would have.
  const outDir = mkdtempSync(path.join(tmpdir(), 'ck-canary-build-'));
  execFileSync(
    process.execPath,
    [path.join(here, '../node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--logLevel', 'error'],
    {
      cwd: path.join(here, '..'),
      env: { ...process.env, OPENAI_API_KEY: PROXY_KEY, VITE_API_KEY: undefined },
    },
  );
  const built = filesUnder(outDir);
  expect(built.some((file) => file.endsWith('.js'))).toBe(true);
  places['built bundle'] = built.map((file) => readFileSync(file, 'latin1')).join('\n');
  rmSync(outDir, { recursive: true, force: true });

  for (const [place, text] of Object.entries(places)) {
    expect.soft(text.includes(TYPED_KEY), `typed key in ${place}`).toBe(false);
    expect.soft(text.includes(PROXY_KEY), `proxy key in ${place}`).toBe(false);
  }
  await screenshot(page, testInfo);
});
