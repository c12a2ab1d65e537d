#!/usr/bin/env node
// Builds the package in the current folder to dist/: tsc with the package's tsconfig.build.json (one
// line: it extends the root tsconfig.build.json), then the stylesheets under src/ copied beside the
// JavaScript. Skipped when dist/ is newer than every source and config, so `prepack` after a build
// costs nothing. A package adopts it with these two scripts in its package.json:
//   "build": "node ../../scripts/build-package.mjs", "prepack": "node ../../scripts/build-package.mjs"
// A package's "afterBuild" (a script in dist/) runs after every build, skipped or not: the server's
// writes the model tables it ships.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const folder = process.cwd();
const scripts = path.dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(path.join(folder, 'src'), { recursive: true, encoding: 'utf8' });
const inputs = [
  ...sources.map((file) => path.join(folder, 'src', file)),
  path.join(folder, 'tsconfig.build.json'),
  path.join(folder, 'package.json'),
  path.join(scripts, '..', 'tsconfig.build.json'),
  path.join(scripts, '..', 'tsconfig.base.json'),
  fileURLToPath(import.meta.url),
];
const built = path.join(folder, 'dist', 'index.js');
const newest = Math.max(...inputs.map((file) => statSync(file).mtimeMs));
const { afterBuild } = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'));
function runAfterBuild() {
  if (!afterBuild) return;
  const after = spawnSync(process.execPath, [afterBuild], { cwd: folder, stdio: 'inherit' });
  if (after.status !== 0) process.exit(after.status ?? 1);
}
if (existsSync(built) && statSync(built).mtimeMs > newest && !process.argv.includes('--force')) {
  console.log(`${path.basename(folder)}: dist/ is up to date`);
  runAfterBuild();
  process.exit(0);
}

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
rmSync(path.join(folder, 'dist'), { recursive: true, force: true });
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: folder, stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
for (const file of sources) {
  if (file.endsWith('.css')) cpSync(path.join(folder, 'src', file), path.join(folder, 'dist', file));
  else if (file.endsWith('.tsx')) markClientModule(path.join(folder, 'dist', file.replace(/\.tsx$/, '.js')));
}

/**
 * Every module compiled from a .tsx file holds components (they use hooks or context), so it is a
 * client module for React Server Components: a Next.js server component can render <Chat> or
 * <Message> and they hydrate in the browser, while the .ts modules (clients, parsers, query options)
 * stay callable on the server. Added to the build, not the sources, so the repository's own Vite
 * builds do not warn about module-level directives. The source map gains the one line it shifts.
 */
function markClientModule(file) {
  if (!existsSync(file)) return; // a test or story, excluded from the build
  writeFileSync(file, `'use client';\n${readFileSync(file, 'utf8')}`);
  const mapFile = `${file}.map`;
  if (!existsSync(mapFile)) return;
  const map = JSON.parse(readFileSync(mapFile, 'utf8'));
  map.mappings = `;${map.mappings}`;
  writeFileSync(mapFile, JSON.stringify(map));
}
console.log(`${path.basename(folder)}: built dist/`);
runAfterBuild();
