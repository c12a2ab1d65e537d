#!/usr/bin/env node
// `pnpm test:stress`: the whole suite (scripts/check.mjs, what `npm test` runs) with two CPU-bound
// processes competing for the cores the whole time, as on a CI machine busy with other work. The
// suite must pass as it does on a quiet machine: nothing in it may pass or fail on wall-clock time.
// Prints the suite's summary line last. Arguments go to check.mjs: `pnpm test:stress --only=lint,node`
// runs a subset (`node scripts/check.mjs --list` names the steps). CK_STRESS_BURNERS changes the count.
import { spawn } from 'node:child_process';
import { root } from './ensure-install.mjs';

const count = Number(process.env.CK_STRESS_BURNERS ?? 2);
// Each burner spins on one core until told to stop; they are this script's own children.
const burners = Array.from({ length: count }, () =>
  spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
);
const stopBurners = () => {
  for (const burner of burners) if (burner.exitCode === null && burner.signalCode === null) burner.kill('SIGKILL');
};
process.on('exit', stopBurners);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

console.log(
  `stress: ${count} CPU-bound processes (pids ${burners.map((burner) => burner.pid).join(', ')}) beside the suite`,
);
const started = performance.now();
const check = spawn(process.execPath, ['scripts/check.mjs', ...process.argv.slice(2)], {
  cwd: root,
  stdio: ['inherit', 'pipe', 'inherit'],
});
let verdict = '';
let tests = 'tests: none run';
let pending = '';
check.stdout.on('data', (data) => {
  process.stdout.write(data);
  const lines = (pending + data).split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines) {
    if (/^tests: \d+ passed, \d+ failed$/.test(line)) tests = line;
    if (/^(All checks passed\.|Failed: )/.test(line)) verdict = line;
  }
});
check.on('close', (code) => {
  stopBurners();
  const minutes = ((performance.now() - started) / 60_000).toFixed(1);
  console.log(`\nstress (${count} CPU-bound processes beside it), ${minutes} min: ${verdict || `exit ${code}`}`);
  console.log(tests);
  process.exit(code ?? 1);
});
