// Makes sure dependencies are installed, with only Node and npm on the machine: npx fetches the
// pinned pnpm from the npm registry when pnpm itself is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '12.21.0';

export function run(command, args, options = {}) {
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options }).status === 0;
}

function hasPnpm() {
  const result = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() === PNPM_VERSION;
}

export function pnpm(args) {
  return hasPnpm() ? run('pnpm', args) : run('npx', ['--yes', `pnpm@${PNPM_VERSION}`, ...args]);
}

function installIsCurrent() {
  const marker = path.join(root, 'node_modules', '.modules.yaml');
  if (!existsSync(marker)) return false;
  return statSync(marker).mtimeMs >= statSync(path.join(root, 'pnpm-lock.yaml')).mtimeMs;
}

export function ensureInstall() {
  if (installIsCurrent()) return true;
  return pnpm(['install', '--frozen-lockfile']);
}
