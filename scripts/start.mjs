#!/usr/bin/env node
// `npm start`: installs what is missing, then runs the local server (arguments pass through).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureInstall, root } from './ensure-install.mjs';

if (!ensureInstall()) process.exit(1);
const server = spawn(
  process.execPath,
  [path.join(root, 'packages/server/bin/completions-kit-server.mjs'), ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
