#!/usr/bin/env node
// `npm start`: installs what is missing, then runs the local server (arguments pass through) and the
// playground on it: http://127.0.0.1:5173. CK_PORT and CK_PLAYGROUND_PORT move them. The playground's
// URL is printed only once the page and the server (through the page's proxy) both answer, so a first
// message sent from it never meets a server that is still starting.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureInstall, root } from './ensure-install.mjs';

if (!ensureInstall()) process.exit(1);
const started = performance.now();
const port = process.env.CK_PORT ?? '8787';
const playgroundPort = process.env.CK_PLAYGROUND_PORT ?? '5173';
const playground = `http://127.0.0.1:${playgroundPort}`;
console.log('Starting the local server and the playground; the address follows when both answer…');
const children = [
  spawn(
    process.execPath,
    // The server's TypeScript sources through tsx, with the workspace packages' source condition, so
    // development needs no build. The published package runs its compiled dist/ (bin/).
    [
      // As cli.ts sets it (see heap-settings.ts), but before tsx compiles anything.
      '--max-semi-space-size=2',
      '--conditions=@completions-kit/source',
      '--import',
      'tsx',
      path.join(root, 'packages/server/src/cli.ts'),
      ...process.argv.slice(2),
    ],
    {
      cwd: root,
      stdio: 'inherit',
      // Lets the server word its advice for `npm start` (a busy .data folder, say).
      env: { ...process.env, CK_PORT: port, CK_LAUNCHER: 'npm start' },
    },
  ),
  // Vite's own banner would print the address before the server answers: warnings and errors only.
  spawn(process.execPath, [path.join(root, 'apps/playground/node_modules/vite/bin/vite.js')], {
    cwd: path.join(root, 'apps/playground'),
    stdio: 'inherit',
    env: { ...process.env, CK_SERVER_URL: `http://127.0.0.1:${port}`, CK_PLAYGROUND_LOG_LEVEL: 'warn' },
  }),
];
const stop = (signal) => {
  for (const child of children) child.kill(signal);
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(signal));
// One of them ending ends both, so a crash is never half hidden.
let ended = false;
for (const child of children) {
  child.on('exit', (code) => {
    ended = true;
    stop('SIGTERM');
    process.exitCode = code ?? 0;
  });
}

async function answers(url, check) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    return response.ok && (await check(response));
  } catch {
    return false;
  }
}

// The server first, directly (asking through the page's proxy before would make it log each refusal);
// then the page, and /health through the page's proxy: the path a first message takes.
const server = `http://127.0.0.1:${port}`;
const health = async (response) => typeof (await response.json()).status === 'string';
while (!ended) {
  const ready =
    (await answers(`${server}/health`, health)) &&
    (await answers(`${playground}/`, async (response) => (await response.text()).includes('<div id="root"'))) &&
    (await answers(`${playground}/health`, health));
  if (ready) {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`\n  completions-kit is ready (${seconds} s): open ${playground}\n`);
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 250));
}
