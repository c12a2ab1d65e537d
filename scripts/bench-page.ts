// The page every Chromium benchmark opens: its entry bundled with production React and the
// workspace's sources into a temporary folder, loaded from file:// (so a classic script, not a module).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Bundles `scripts/bench-<name>/page.tsx`; returns the folder holding index.html and page.js. */
export async function buildBenchPage(name: string, body = ''): Promise<string> {
  const folder = mkdtempSync(path.join(tmpdir(), `ck-bench-${name}-`));
  await build({
    entryPoints: [path.join(here, `bench-${name}/page.tsx`)],
    bundle: true,
    conditions: ['@completions-kit/source'],
    minify: true,
    format: 'iife',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.json': 'json' },
    outfile: path.join(folder, 'page.js'),
    logLevel: 'error',
  });
  writeFileSync(
    path.join(folder, 'index.html'),
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>${name} benchmark</title>${body}<script src="./page.js"></script></html>`,
  );
  return folder;
}
