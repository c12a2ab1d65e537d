// Makes sure dependencies are installed, with only Node and npm on the machine. When the pinned pnpm
// is not on PATH, npm installs it once into .tools/pnpm (in the checkout, git-ignored) and that folder
// is put first on PATH for this process and every child, so any step or package script that spawns
// `pnpm` (pnpm pack, publint, nested scripts) finds it. A pnpm fetched through npx would not be.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '12.21.0';
const localPnpm = path.join(root, '.tools', 'pnpm');
const localBin = path.join(localPnpm, 'node_modules', '.bin');

export function run(command, args, options = {}) {
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options }).status === 0;
}

function pnpmVersion() {
  const result = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

function withPath(folder) {
  const entries = (process.env.PATH ?? '').split(path.delimiter);
  if (!entries.includes(folder)) process.env.PATH = [folder, ...entries].join(path.delimiter);
}

/** Puts the pinned pnpm on PATH (installing it under .tools/ with npm if need be); false if it cannot. */
export function ensurePnpm() {
  if (existsSync(localBin)) withPath(localBin);
  if (pnpmVersion() === PNPM_VERSION) return true;
  console.log(`pnpm ${PNPM_VERSION} is not on PATH: installing it into ${path.relative(root, localPnpm)} with npm`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const args = ['install', '--prefix', localPnpm, '--no-save', '--no-audit', '--no-fund', `pnpm@${PNPM_VERSION}`];
  if (!run(npm, args)) return false;
  withPath(localBin);
  return pnpmVersion() === PNPM_VERSION;
}

export function pnpm(args, options = {}) {
  return ensurePnpm() && run('pnpm', args, options);
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
