#!/usr/bin/env node
// Package lint, on the tarballs a user would install: builds and packs every publishable package
// (into CK_TARBALLS, or a new temporary folder), prints each tarball's size and file count, then runs
// publint --strict and @arethetypeswrong/cli (esm-only profile: the packages ship ESM only) on each.
// Neither needs network, nor pnpm on PATH: both read the tarball.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ensureInstall, root, run } from './ensure-install.mjs';
import { buildAll, packAll } from './packages.mjs';

if (!ensureInstall() || !buildAll()) process.exit(1);
if (process.env.CK_TARBALLS) mkdirSync(process.env.CK_TARBALLS, { recursive: true });
const packed = packAll(process.env.CK_TARBALLS || undefined);
if (!packed) process.exit(1);

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
let failed = false;
for (const { name, tarball, bytes } of packed) {
  // `tar -tvzf` lines: mode, owner, size, date, time, path.
  const listing = spawnSync('tar', ['-tvzf', tarball], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  const files = listing.map((line) => line.split(/\s+/).slice(5).join(' '));
  const unpacked = listing.reduce((sum, line) => sum + Number(line.split(/\s+/)[2]), 0);
  const shipped = files.filter((file) => /\.(test|stories)\.|\/fixtures\/|test-support|\/src\//.test(file));
  const kilobytes = (count) => `${(count / 1024).toFixed(1)} KB`;
  console.log(
    `\n${name}: ${path.basename(tarball)}, ${kilobytes(bytes)} (${kilobytes(unpacked)} unpacked), ${files.length} files`,
  );
  if (!files.includes('package/LICENSE')) {
    console.error('  ships no LICENSE: the licence must travel with the code');
    failed = true;
  }
  if (shipped.length > 0) {
    console.error(`  ships files a user does not need: ${shipped.slice(0, 5).join(', ')}`);
    failed = true;
  }
  if (!run(bin('publint'), ['run', tarball, '--strict'])) failed = true;
  if (!run(bin('attw'), [tarball, '--profile', 'esm-only', '--exclude-entrypoints', 'styles.css', '--no-color']))
    failed = true;
}
process.exit(failed ? 1 : 0);
