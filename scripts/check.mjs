#!/usr/bin/env node
// The whole test suite, as `npm test` (or `pnpm test`) runs it: installs what is missing, then lint,
// type-check, every test, builds, package lint and bundle budgets. Any failure fails the run.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureInstall, root, run } from './ensure-install.mjs';

if (!ensureInstall()) process.exit(1);

// The package lint packs the tarballs here; the examples step installs these same files.
const packEnv = { ...process.env, CK_TARBALLS: mkdtempSync(path.join(tmpdir(), 'ck-tarballs-')) };
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const projects = (names) => names.flatMap((name) => ['--project', name]);
const report = (file) => ['--reporter=default', '--reporter=json', `--outputFile.json=test-results/${file}`];
const steps = [
  ['lint and format', () => run(bin('biome'), ['ci', '--colors=off', '.'])],
  // Unused files, exports, types and dependencies fail the run (knip.jsonc says what counts).
  ['dead code (knip)', () => run(bin('knip'), ['--no-progress', '--no-config-hints'])],
  [
    'type-check',
    () => run(bin('tsc'), ['-p', 'tsconfig.json']) && run(bin('tsc'), ['-p', 'apps/playground/tsconfig.json']),
  ],
  // Node and jsdom tests first, then the browser ones alone, so that no browser test (render
  // counts, long tasks) shares the two cores with the server tests.
  [
    'tests (Node, jsdom)',
    () =>
      run(bin('vitest'), [
        'run',
        ...projects(['core', 'server', 'hooks', 'components', 'chat', 'playground']),
        ...report('vitest-node.json'),
      ]),
  ],
  [
    'tests (Chromium)',
    () => {
      if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') && !process.env.CI) {
        console.warn('No Chromium: browser tests skipped (apt-get install chromium, or set CHROMIUM_PATH).');
        return true;
      }
      // The hostile-output suite holds every task to 200 ms, so it runs alone: vitest runs projects
      // side by side, and the stories' work on the same two cores would show up in its measurements.
      const others = run(bin('vitest'), [
        'run',
        ...projects(['hooks-browser', 'storybook']),
        ...report('vitest-browser.json'),
      ]);
      const hostile = run(bin('vitest'), [
        'run',
        ...projects(['components-browser']),
        ...report('vitest-hostile.json'),
      ]);
      return others && hostile;
    },
  ],
  [
    // What `npm start` starts (the server and the playground), driven by Playwright in Debian Chromium.
    'playground end-to-end (Chromium)',
    () => {
      if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') && !process.env.CI) {
        console.warn('No Chromium: end-to-end tests skipped (apt-get install chromium, or set CHROMIUM_PATH).');
        return true;
      }
      return run(path.join(root, 'apps/playground/node_modules/.bin/playwright'), [
        'test',
        '--config',
        'apps/playground/playwright.config.ts',
      ]);
    },
  ],
  ['build', () => run(process.execPath, ['scripts/build-packages.mjs'])],
  [
    'built core loads in Node',
    () =>
      run(process.execPath, [
        '-e',
        "import('./packages/core/dist/index.js').then((core) => { if (typeof core.createChatCompletionsClient !== 'function') process.exit(1); })",
      ]),
  ],
  // On the tarballs a user installs: size and file count, publint --strict, @arethetypeswrong/cli.
  ['package lint (publint, attw)', () => run(process.execPath, ['scripts/lint-packages.mjs'], { env: packEnv })],
  [
    // The same tarballs installed into copies of examples/ outside the repository, type-checked,
    // built, and driven in Chromium against the server started from its tarball; React 19 and 18.3.
    'examples from the tarballs (React 19 and 18.3, Chromium)',
    () => {
      if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') && !process.env.CI) {
        console.warn('No Chromium: the examples end-to-end skipped (apt-get install chromium, or set CHROMIUM_PATH).');
        return true;
      }
      return run(process.execPath, ['scripts/outside/run.mjs'], { env: packEnv });
    },
  ],
  ['bundle budgets', () => run(bin('tsx'), ['scripts/size.ts'])],
  ['Storybook build', () => run(bin('storybook'), ['build', '--quiet', '-o', 'storybook-static'])],
  // Every exported component's props carry JSDoc (the prop tables of the docs pages show it).
  ['documented props', () => run(bin('tsx'), ['scripts/storybook-docs/documented-props.ts'])],
  [
    // Each docs page of the static build, in both themes: no console error, zero axe violations.
    'Storybook docs pages (Chromium)',
    () => {
      if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') && !process.env.CI) {
        console.warn('No Chromium: docs pages not checked (apt-get install chromium, or set CHROMIUM_PATH).');
        return true;
      }
      return run(bin('tsx'), ['scripts/storybook-docs/check-docs.ts', 'storybook-static']);
    },
  ],
];

const reportPaths = ['vitest-node.json', 'vitest-browser.json', 'vitest-hostile.json'].map((name) =>
  path.join(root, 'test-results', name),
);
const playwrightReport = path.join(root, 'test-results', 'playwright.json');
// A report left from an earlier run must not be read as this run's.
for (const reportPath of [...reportPaths, playwrightReport]) rmSync(reportPath, { force: true });
const failed = [];
for (const [name, step] of steps) {
  console.log(`\n== ${name}`);
  if (!step()) failed.push(name);
}

const reports = reportPaths
  .filter((reportPath) => existsSync(reportPath))
  .map((reportPath) => JSON.parse(readFileSync(reportPath, 'utf8')));
// Playwright's report counts its own way: expected (passed) and unexpected (failed).
if (existsSync(playwrightReport)) {
  const { stats } = JSON.parse(readFileSync(playwrightReport, 'utf8'));
  reports.push({ numPassedTests: stats.expected + stats.flaky, numFailedTests: stats.unexpected });
}
const counts = reports.length
  ? {
      numPassedTests: reports.reduce((sum, item) => sum + item.numPassedTests, 0),
      numFailedTests: reports.reduce((sum, item) => sum + item.numFailedTests, 0),
    }
  : null;
console.log(failed.length > 0 ? `\nFailed: ${failed.join(', ')}` : '\nAll checks passed.');
// The last line counts the tests, in the plain form CI reads.
if (counts) console.log(`tests: ${counts.numPassedTests} passed, ${counts.numFailedTests} failed`);
process.exit(failed.length > 0 ? 1 : 0);
