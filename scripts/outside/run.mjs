#!/usr/bin/env node
// The outside path, as a developer meets the kit: every package packed, each example copied out of
// the repository, the tarballs (not workspace links) installed into it with npm, type-checked, built,
// the server started from its tarball, and the built example driven in Chromium. Once with React 19
// and once with React 18.3 (the peer range claims ^18.2). CK_TARBALLS reuses tarballs already packed.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureInstall, root } from '../ensure-install.mjs';
import { buildAll, packAll } from '../packages.mjs';
import { checkInBrowser } from './browser-checks.mjs';
import { checkReadmeSnippets } from './readme-snippets.mjs';

const reacts = [
  {
    label: 'React 19',
    versions: { react: '19.3.1', 'react-dom': '19.3.1', '@types/react': '19.3.0', '@types/react-dom': '19.3.0' },
  },
  {
    label: 'React 18.3',
    versions: { react: '18.3.1', 'react-dom': '18.3.1', '@types/react': '18.3.32', '@types/react-dom': '18.3.7' },
  },
];
// CK_OUTSIDE_EXAMPLES=next-chat,chat runs only those (while working on one).
const only = process.env.CK_OUTSIDE_EXAMPLES?.split(',');
const examples = readdirSync(path.join(root, 'examples')).filter(
  (name) => existsSync(path.join(root, 'examples', name, 'package.json')) && (!only || only.includes(name)),
);
const serverPort = Number(process.env.CK_OUTSIDE_SERVER_PORT ?? 8795);
const previewPort = Number(process.env.CK_OUTSIDE_PREVIEW_PORT ?? 4195);
const serverUrl = `http://127.0.0.1:${serverPort}`;
const work = mkdtempSync(path.join(tmpdir(), 'ck-outside-'));
const started = performance.now();
const seconds = (from) => `${((performance.now() - from) / 1000).toFixed(1)} s`;

/** The name in a tarball's package.json. */
function packageName(tarball) {
  const manifest = spawnSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' });
  return JSON.parse(manifest.stdout).name;
}

function tarballs() {
  const folder = process.env.CK_TARBALLS;
  if (folder && existsSync(folder) && readdirSync(folder).some((file) => file.endsWith('.tgz'))) {
    return Object.fromEntries(
      readdirSync(folder)
        .filter((file) => file.endsWith('.tgz'))
        .map((file) => path.join(folder, file))
        .map((tarball) => [packageName(tarball), tarball]),
    );
  }
  if (!ensureInstall() || !buildAll()) throw new Error('the packages did not build');
  const packed = packAll();
  if (!packed) throw new Error('the packages did not pack');
  return Object.fromEntries(packed.map(({ name, tarball }) => [name, tarball]));
}

function step(label, command, args, cwd, env = process.env) {
  const from = performance.now();
  const result = spawnSync(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    throw new Error(`${label} failed (exit ${result.status})`);
  }
  console.log(`  ${label}: ok (${seconds(from)})`);
}

/** A copy of the example with the tarballs in place of the registry versions, and the React asked for. */
function copyExample(example, react, packed) {
  const folder = path.join(work, react.label.replace(/\W+/g, '-'), example);
  mkdirSync(path.dirname(folder), { recursive: true });
  cpSync(path.join(root, 'examples', example), folder, {
    recursive: true,
    filter: (source) => !/[\\/](node_modules|dist|\.data)$/.test(source),
  });
  const manifestPath = path.join(folder, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  for (const group of ['dependencies', 'devDependencies']) {
    for (const name of Object.keys(manifest[group] ?? {})) {
      if (packed[name]) manifest[group][name] = `file:${packed[name]}`;
      else if (react.versions[name]) manifest[group][name] = react.versions[name];
    }
  }
  // The kit's packages depend on each other by version: the tarballs answer those too.
  manifest.overrides = Object.fromEntries(Object.entries(packed).map(([name, file]) => [name, `file:${file}`]));
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return folder;
}

/** A port something else answers on would pass for the app started there: refuse it up front. */
async function assertFree(url, label) {
  try {
    await fetch(url);
  } catch {
    return;
  }
  throw new Error(`${url} already answers (a leftover process?): ${label} cannot start there`);
}

async function waitFor(url, child, label) {
  for (let attempt = 0; attempt < 240; attempt++) {
    if (child.exitCode !== null) throw new Error(`${label} exited early (${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${label} did not answer at ${url}`);
}

function start(command, args, options) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...options });
  let output = '';
  child.stdout.on('data', (data) => (output += data));
  child.stderr.on('data', (data) => (output += data));
  child.output = () => output;
  return child;
}

// A blocked event loop delays SIGTERM handlers: KILL after a short grace, by process group.
async function stop(child) {
  if (!child || child.exitCode !== null) return;
  process.kill(-child.pid, 'SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
  if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
}

/** A Next.js example: built with `next build` (which type-checks), served with `next start`. */
const isNext = (example) =>
  Boolean(JSON.parse(readFileSync(path.join(root, 'examples', example, 'package.json'), 'utf8')).dependencies?.next);
// The App Router renders with the React that Next.js ships for it: one run, with React 19.
const runsOf = (example) => (isNext(example) ? reacts.slice(0, 1) : reacts);
const expected = examples.reduce((sum, example) => sum + runsOf(example).length, 0);

function buildAndServe(example, folder) {
  // The rewrite to the completions server is fixed when the app is built.
  const env = { ...process.env, CK_SERVER_URL: serverUrl, NEXT_TELEMETRY_DISABLED: '1' };
  if (isNext(example)) {
    const next = path.join(folder, 'node_modules/next/dist/bin/next');
    step('next build', process.execPath, [next, 'build'], folder, env);
    return start(process.execPath, [next, 'start', '-H', '127.0.0.1', '-p', String(previewPort)], { cwd: folder, env });
  }
  step('type-check', process.execPath, [path.join(folder, 'node_modules/typescript/bin/tsc'), '--noEmit'], folder);
  const vite = path.join(folder, 'node_modules/vite/bin/vite.js');
  step('build', process.execPath, [vite, 'build', '--logLevel', 'error'], folder);
  return start(
    process.execPath,
    [vite, 'preview', '--host', '127.0.0.1', '--port', String(previewPort), '--strictPort'],
    {
      cwd: folder,
      env,
    },
  );
}

const results = [];
let server;
try {
  const packed = tarballs();
  console.log(
    `tarballs: ${Object.values(packed)
      .map((file) => path.basename(file))
      .join(', ')}`,
  );
  for (const react of reacts) {
    for (const example of examples.filter((name) => runsOf(name).includes(react))) {
      console.log(`\n${example} with ${react.label}`);
      const from = performance.now();
      const folder = copyExample(example, react, packed);
      // --prefer-offline: the second React and every later example take what the first install
      // fetched from npm's cache without asking the registry again (the same versions for all).
      step(
        'npm install (tarballs)',
        'npm',
        ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
        folder,
      );
      // The READMEs' TypeScript, against what a user installs: once, in the chat example with React 19.
      if (example === 'chat' && react === reacts[0]) {
        const from = performance.now();
        const checked = checkReadmeSnippets(root, folder);
        console.log(`  README snippets type-checked: ${checked.length} (${seconds(from)}): ${checked.join(', ')}`);
      }
      if (!server) {
        await assertFree(`${serverUrl}/health`, 'the server');
        const dataDir = mkdtempSync(path.join(tmpdir(), 'ck-outside-data-'));
        const bin = path.join(folder, 'node_modules/.bin/completions-kit-server');
        const args = ['--port', String(serverPort), '--data-dir', dataDir, '--pace-ms', '25'];
        server = start(bin, args, { cwd: folder });
        await waitFor(`${serverUrl}/health`, server, 'the server from its tarball');
        console.log(`  server from its tarball: ${server.output().trim().split('\n').at(-1)}`);
      }
      await assertFree(`http://127.0.0.1:${previewPort}/`, example);
      const preview = buildAndServe(example, folder);
      try {
        await waitFor(`http://127.0.0.1:${previewPort}/`, preview, isNext(example) ? 'next start' : 'vite preview');
        const browserFrom = performance.now();
        const outcome = await checkInBrowser(example, `http://127.0.0.1:${previewPort}/`, { serverUrl });
        console.log(`  Chromium: ${outcome} (${seconds(browserFrom)})`);
        results.push({ example, react: react.label, ok: true, time: seconds(from) });
      } catch (error) {
        console.log(preview.output());
        throw error;
      } finally {
        await stop(preview);
      }
    }
  }
} catch (error) {
  console.error(`\nThe outside path failed: ${error.message}`);
  if (server) console.error(server.output());
  results.push({ ok: false });
} finally {
  await stop(server);
}
console.log('\noutside path:');
for (const result of results.filter((item) => item.ok))
  console.log(`  ${result.example}, ${result.react}: passed (${result.time})`);
console.log(`total ${seconds(started)}; work folder ${work}`);
process.exit(results.every((result) => result.ok) && results.length === expected ? 0 : 1);
