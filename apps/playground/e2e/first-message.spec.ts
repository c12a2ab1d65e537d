import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';

// `npm start` from scratch, on ports and a data folder of its own (not the suite's shared server):
// the first five seconds of a new user, where a first message used to fail with the proxy's 502.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const started: ChildProcess[] = [];
const folders: string[] = [];

test.afterEach(async () => {
  await Promise.all(started.splice(0).map(stopProcess));
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Runs a command from the repository root; `output()` is what it printed so far. */
function launch(args: string[], env: Record<string, string>, cwd = root) {
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env } });
  started.push(child);
  let output = '';
  const collect = (data: Buffer) => {
    output += data.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return { child, output: () => output };
}

/** Resolves with the first match of `pattern` in the process's output; rejects if it exits first. */
function printed(process: ReturnType<typeof launch>, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = pattern.exec(process.output());
      if (match) resolve(match);
    };
    process.child.stdout?.on('data', check);
    process.child.once('exit', (code) => reject(new Error(`exited (${code}) before ${pattern}: ${process.output()}`)));
    check();
  });
}

const dataDir = () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'ck-first-message-'));
  folders.push(folder);
  return folder;
};
const noError = (page: Page) => expect(page.getByRole('alert')).toHaveCount(0);
const prompt = (page: Page) => page.getByRole('textbox', { name: 'Message 1 text' });
const answer = (page: Page) => page.getByRole('article', { name: 'Choice 1' });
const chatInput = (page: Page) => page.getByRole('textbox', { name: 'Message' });
const chatAnswer = (page: Page) => page.getByRole('log', { name: 'Conversation' }).getByRole('article').nth(1);
const chatView = (page: Page) =>
  page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Chat' }).click();

test('opened the moment npm start prints its address, a first message streams its answer with no error', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const [serverPort, playgroundPort] = [await freePort(), await freePort()];
  const start = launch(['scripts/start.mjs', '--data-dir', dataDir(), '--pace-ms', '15'], {
    CK_PORT: String(serverPort),
    CK_PLAYGROUND_PORT: String(playgroundPort),
  });
  const [, seconds, url] = await printed(start, /ready \(([\d.]+) s\): open (http:\/\/\S+)/);
  console.log(`npm start announced ${url} after ${seconds} s`);
  // Vite's own banner is silenced: the only address printed is the one that answers.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: terminal colour codes, removed before matching
  expect(start.output().replace(/\x1b\[[0-9;]*m/g, '')).not.toMatch(/Local:\s+http/);

  await page.goto(url as string);
  await prompt(page).fill('What is a readable stream?');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('.run-status')).toHaveText('Done.', { timeout: 60_000 });
  await expect(answer(page)).not.toBeEmpty();
  await noError(page);
  await expect(page.locator('.connection-status')).toHaveAttribute('data-state', 'ready');

  await chatView(page);
  await chatInput(page).fill('And a writable one?');
  await chatInput(page).press('Enter');
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible({ timeout: 60_000 });
  await expect(chatAnswer(page)).not.toBeEmpty();
  await noError(page);
});

test('a page open before the server answers says it is starting and holds Run and Send until it does', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const [serverPort, playgroundPort] = [await freePort(), await freePort()];
  // The page alone, its proxy pointing at a server that is not there yet.
  const vite = launch(
    ['node_modules/vite/bin/vite.js'],
    {
      CK_SERVER_URL: `http://127.0.0.1:${serverPort}`,
      CK_PLAYGROUND_PORT: String(playgroundPort),
      CK_PLAYGROUND_LOG_LEVEL: 'warn',
    },
    path.join(root, 'apps/playground'),
  );
  const url = `http://127.0.0.1:${playgroundPort}/`;
  await expect
    .poll(
      () =>
        fetch(url).then(
          (response) => response.ok,
          () => false,
        ),
      { timeout: 120_000 },
    )
    .toBe(true);
  const context = await browser.newContext();
  const [playground, chat] = [await context.newPage(), await context.newPage()];
  await playground.goto(url);
  await expect(playground.locator('.connection-status')).toHaveAttribute('data-state', 'starting');
  await prompt(playground).fill('What is a readable stream?');
  await playground.getByRole('button', { name: 'Run', exact: true }).click();
  await chat.goto(url);
  await chatView(chat);
  await chatInput(chat).fill('And a writable one?');
  await chatInput(chat).press('Enter');
  // Both wait, neither failed: the run is sent and waiting, the server still absent.
  await expect(playground.locator('.run-status')).toHaveText('Sent; waiting for the answer…');
  await expect(chat.locator('.connection-status')).toHaveAttribute('data-state', /starting|unreachable/);
  await noError(playground);
  await noError(chat);
  expect(vite.child.exitCode).toBeNull();

  launch(
    [
      '--conditions=@completions-kit/source',
      '--import',
      'tsx',
      'packages/server/src/cli.ts',
      '--port',
      String(serverPort),
      '--data-dir',
      dataDir(),
      '--pace-ms',
      '15',
    ],
    {},
  );
  await expect(playground.locator('.run-status')).toHaveText('Done.', { timeout: 180_000 });
  await expect(answer(playground)).not.toBeEmpty();
  await expect(playground.locator('.connection-status')).toHaveAttribute('data-state', 'ready');
  await expect(chat.getByRole('button', { name: 'Send' })).toBeVisible({ timeout: 60_000 });
  await expect(chatAnswer(chat)).not.toBeEmpty();
  await noError(playground);
  await noError(chat);
  await context.close();
});
