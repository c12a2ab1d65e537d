#!/usr/bin/env node
// The whole test suite, as `npm test` (or `pnpm test`) runs it: installs what is missing, then lint,
// type-check, every test, builds, package lint and bundle budgets. Any failure fails the run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '12.21.0';

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: false, ...options });
  return result.status === 0;
}

function hasPnpm() {
  const result = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() === PNPM_VERSION;
}

function pnpm(args) {
  // With only Node and npm on the machine, npx fetches the pinned pnpm from the npm registry.
  return hasPnpm() ? run('pnpm', args) : run('npx', ['--yes', `pnpm@${PNPM_VERSION}`, ...args]);
}

function installIsCurrent() {
  const marker = path.join(root, 'node_modules', '.modules.yaml');
  if (!existsSync(marker)) return false;
  return statSync(marker).mtimeMs >= statSync(path.join(root, 'pnpm-lock.yaml')).mtimeMs;
}

if (!installIsCurrent() && !pnpm(['install', '--frozen-lockfile'])) process.exit(1);

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const steps = [
  ['lint and format', () => run(bin('biome'), ['ci', '--colors=off', '.'])],
  ['type-check', () => run(bin('tsc'), ['-p', 'tsconfig.json'])],
  [
    'tests',
    () =>
      run(bin('vitest'), [
        'run',
        '--reporter=default',
        '--reporter=json',
        '--outputFile.json=test-results/vitest.json',
      ]),
  ],
  ['build', () => pnpm(['-r', '--filter', './packages/*', 'run', 'build'])],
  [
    'built core loads in Node',
    () =>
      run(process.execPath, [
        '-e',
        "import('./packages/core/dist/index.js').then((core) => { if (typeof core.createChatCompletionsClient !== 'function') process.exit(1); })",
      ]),
  ],
  ['package lint (publint)', () => run(bin('publint'), ['--strict', 'packages/core'])],
  ['bundle budgets', () => run(bin('tsx'), ['scripts/size.ts'])],
];

const failed = [];
for (const [name, step] of steps) {
  console.log(`\n== ${name}`);
  if (!step()) failed.push(name);
}

const reportPath = path.join(root, 'test-results', 'vitest.json');
if (existsSync(reportPath)) {
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  console.log(`\ntests: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join(', ')}`);
  process.exit(1);
}
console.log('\nAll checks passed.');
