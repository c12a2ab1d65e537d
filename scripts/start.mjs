#!/usr/bin/env node
// `npm start`: installs what is missing, then runs the local server (arguments pass through) and the
// playground on it: http://127.0.0.1:5173. CK_PORT and CK_PLAYGROUND_PORT move them.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureInstall, root } from './ensure-install.mjs';

if (!ensureInstall()) process.exit(1);
const port = process.env.CK_PORT ?? '8787';
const children = [
  spawn(
    process.execPath,
    // The server's TypeScript sources through tsx, with the workspace packages' source condition, so
    // development needs no build. The published package runs its compiled dist/ (bin/).
    [
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
  spawn(process.execPath, [path.join(root, 'apps/playground/node_modules/vite/bin/vite.js')], {
    cwd: path.join(root, 'apps/playground'),
    stdio: 'inherit',
    env: { ...process.env, CK_SERVER_URL: `http://127.0.0.1:${port}` },
  }),
];
const stop = (signal) => {
  for (const child of children) child.kill(signal);
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(signal));
// One of them ending ends both, so a crash is never half hidden.
for (const child of children) {
  child.on('exit', (code) => {
    stop('SIGTERM');
    process.exitCode = code ?? 0;
  });
}
