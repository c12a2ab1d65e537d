#!/usr/bin/env node
// The whole test suite, as `npm test` (or `pnpm test`) runs it: installs what is missing, then lint,
// type-check, every test, builds, package lint and bundle budgets. Any failure fails the run.
// `--only=lint,node` runs those steps alone (`--list` names them), and files named after `--` narrow
// the vitest steps to them; `pnpm test:stress` runs it all with two CPU-bound processes beside it.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureInstall, root, run } from './ensure-install.mjs';

if (!ensureInstall()) process.exit(1);

// The package lint packs the tarballs here; the examples step installs these same files.
const packEnv = { ...process.env, CK_TARBALLS: mkdtempSync(path.join(tmpdir(), 'ck-tarballs-')) };
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
// Files after `--` narrow the vitest steps (a quick run of the machinery, never the suite).
const filters = process.argv.includes('--') ? process.argv.slice(process.argv.indexOf('--') + 1) : [];
const projects = (names) => [...names.flatMap((name) => ['--project', name]), ...filters];
const report = (file) => ['--reporter=default', '--reporter=json', `--outputFile.json=test-results/${file}`];
/** Runs the commands side by side; true when every one exits 0. */
function runTogether(commands) {
  const children = commands.map(([command, args]) => spawn(command, args, { cwd: root, stdio: 'inherit' }));
  return Promise.all(
    children.map((child) => new Promise((resolve) => child.on('close', (code) => resolve(code === 0)))),
  ).then((results) => results.every(Boolean));
}

const steps = [
  ['lint', 'lint and format', () => run(bin('biome'), ['ci', '--colors=off', '.'])],
  // Unused files, exports, types and dependencies fail the run (knip.jsonc says what counts).
  ['deadcode', 'dead code (knip)', () => run(bin('knip'), ['--no-progress', '--no-config-hints'])],
  [
    'types',
    'type-check',
    // Both programs at once: tsc uses one core each, and the machine has two.
    () =>
      runTogether([
        [bin('tsc'), ['-p', 'tsconfig.json']],
        [bin('tsc'), ['-p', 'apps/playground/tsconfig.json']],
      ]),
  ],
  // Node and jsdom tests first, then the browser ones: each half alone keeps the two cores for it
  // (no test passes or fails on time, but every one has a ceiling).
  [
    'node',
    'tests (Node, jsdom)',
    () =>
      run(bin('vitest'), [
        'run',
        ...projects(['core', 'server', 'hooks', 'components', 'chat', 'playground']),
        ...report('vitest-node.json'),
      ]),
  ],
  [
    'browser',
    'tests (Chromium)',
    () => {
      if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') && !process.env.CI) {
        console.warn('No Chromium: browser tests skipped (apt-get install chromium, or set CHROMIUM_PATH).');
        return true;
      }
      // One run for the three browser projects: the hostile suite no longer times its tasks (that is
      // `pnpm bench:hostile`), so it need not run alone, and one Vite server and start-up serve all.
      return run(bin('vitest'), [
        'run',
        ...projects(['hooks-browser', 'storybook', 'components-browser']),
        ...report('vitest-browser.json'),
      ]);
    },
  ],
  [
    // What `npm start` starts (the server and the playground), driven by Playwright in Debian Chromium.
    'e2e',
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
  ['build', 'build', () => run(process.execPath, ['scripts/build-packages.mjs'])],
  [
    'core-loads',
    'built core loads in Node',
    () =>
      run(process.execPath, [
        '-e',
        "import('./packages/core/dist/index.js').then((core) => { if (typeof core.createChatCompletionsClient !== 'function') process.exit(1); })",
      ]),
  ],
  // On the tarballs a user installs: size and file count, publint --strict, @arethetypeswrong/cli.
  [
    'package-lint',
    'package lint (publint, attw)',
    () => run(process.execPath, ['scripts/lint-packages.mjs'], { env: packEnv }),
  ],
  [
    // The same tarballs installed into copies of examples/ outside the repository, type-checked,
    // built, and driven in Chromium against the server started from its tarball; React 19 and 18.3.
    'examples',
    'examples from the tarballs (React 19 and 18.3, Chromium)',
    () => {
      if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') && !process.env.CI) {
        console.warn('No Chromium: the examples end-to-end skipped (apt-get install chromium, or set CHROMIUM_PATH).');
        return true;
      }
      return run(process.execPath, ['scripts/outside/run.mjs'], { env: packEnv });
    },
  ],
  ['size', 'bundle budgets', () => run(bin('tsx'), ['scripts/size.ts'])],
  ['storybook-build', 'Storybook build', () => run(bin('storybook'), ['build', '--quiet', '-o', 'storybook-static'])],
  // Every exported component's props carry JSDoc (the prop tables of the docs pages show it).
  ['props', 'documented props', () => run(bin('tsx'), ['scripts/storybook-docs/documented-props.ts'])],
  [
    // Each docs page of the static build, in both themes: no console error, zero axe violations.
    'docs',
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

const only = process.argv
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
if (process.argv.includes('--list') || only?.some((id) => !steps.some(([known]) => known === id))) {
  console.log(`Steps (--only=id,id): ${steps.map(([id, name]) => `\n  ${id}: ${name}`).join('')}`);
  process.exit(process.argv.includes('--list') ? 0 : 1);
}

const reportPaths = ['vitest-node.json', 'vitest-browser.json'].map((name) => path.join(root, 'test-results', name));
const playwrightReport = path.join(root, 'test-results', 'playwright.json');
// A report left from an earlier run must not be read as this run's.
for (const reportPath of [...reportPaths, playwrightReport]) rmSync(reportPath, { force: true });
const failed = [];
// Each step's wall time, printed at the end: where CI's minutes go.
const times = [];
for (const [id, name, step] of steps) {
  if (only && !only.includes(id)) continue;
  console.log(`\n== ${name}`);
  const started = performance.now();
  if (!(await step())) failed.push(name);
  times.push(`  ${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s  ${id}`);
}
console.log(`\nstep times:\n${times.join('\n')}`);

const reports = reportPaths
  .filter((reportPath) => existsSync(reportPath))
  .map((reportPath) => JSON.parse(readFileSync(reportPath, 'utf8')));
// Playwright's report counts its own way: expected (passed) and unexpected (failed).
if (existsSync(playwrightReport)) {
  const { stats, suites } = JSON.parse(readFileSync(playwrightReport, 'utf8'));
  // Playwright nests suites by file and describe; a spec that is not ok failed on every retry.
  const failedSpecs = [];
  const walk = (suite, trail) => {
    for (const spec of suite.specs ?? []) {
      if (!spec.ok) failedSpecs.push({ file: spec.file ?? suite.file, title: [...trail, spec.title].join(' > ') });
    }
    for (const child of suite.suites ?? []) walk(child, [...trail, child.title]);
  };
  for (const suite of suites ?? []) walk(suite, []);
  reports.push({
    numPassedTests: stats.expected + stats.flaky,
    numFailedTests: stats.unexpected,
    testResults: failedSpecs.map((spec) => ({
      name: path.join(root, 'apps/playground/e2e', spec.file ?? ''),
      assertionResults: [{ status: 'failed', fullName: spec.title, failureMessages: [] }],
    })),
  });
}
const counts = reports.length
  ? {
      numPassedTests: reports.reduce((sum, item) => sum + item.numPassedTests, 0),
      numFailedTests: reports.reduce((sum, item) => sum + item.numFailedTests, 0),
    }
  : null;
// CI shows only the tail of the output, so the failing tests are named here, beside the summary.
const failures = reports.flatMap((report) =>
  (report.testResults ?? []).flatMap((file) =>
    (file.assertionResults ?? [])
      .filter((test) => test.status === 'failed')
      .map((test) => {
        const reason = String(test.failureMessages?.[0] ?? '')
          .split('\n')[0]
          .slice(0, 300);
        return `  ${path.relative(root, file.name)} > ${test.fullName}\n      ${reason}`;
      }),
  ),
);
if (failures.length > 0) console.log(`\nFailing tests:\n${failures.join('\n')}`);
console.log(failed.length > 0 ? `\nFailed: ${failed.join(', ')}` : '\nAll checks passed.');
// The last line counts the tests, in the plain form CI reads.
if (counts) console.log(`tests: ${counts.numPassedTests} passed, ${counts.numFailedTests} failed`);
process.exit(failed.length > 0 ? 1 : 0);
