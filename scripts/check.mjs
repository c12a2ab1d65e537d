#!/usr/bin/env node
// The whole test suite, as `npm test` (or `pnpm test`) runs it: installs what is missing, then lint,
// type-check, every test, builds, package lint and bundle budgets. Any failure fails the run.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureInstall, pnpm, root, run } from './ensure-install.mjs';

if (!ensureInstall()) process.exit(1);

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
  ['Storybook build', () => run(bin('storybook'), ['build', '--quiet', '-o', 'storybook-static'])],
];

const reportPath = path.join(root, 'test-results', 'vitest.json');
// A report left from an earlier run must not be read as this run's.
rmSync(reportPath, { force: true });
const failed = [];
for (const [name, step] of steps) {
  console.log(`\n== ${name}`);
  if (!step()) failed.push(name);
}

const report = existsSync(reportPath) ? JSON.parse(readFileSync(reportPath, 'utf8')) : null;
console.log(failed.length > 0 ? `\nFailed: ${failed.join(', ')}` : '\nAll checks passed.');
// The last line counts the tests, in the plain form CI reads.
if (report) console.log(`tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
process.exit(failed.length > 0 ? 1 : 0);
