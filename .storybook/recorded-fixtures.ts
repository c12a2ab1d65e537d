import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

// The nearest shared/fixtures/openai above the repository: ../shared beside a checkout, or further
// up for a worktree kept in a subfolder.
function findFixtures(from: string): string {
  for (let folder = path.resolve(from, '..'); ; folder = path.dirname(folder)) {
    const candidate = path.join(folder, 'shared/fixtures/openai');
    if (existsSync(candidate) || folder === path.dirname(folder)) return candidate;
  }
}
const fixtures = findFixtures(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));
const moduleId = 'virtual:ck-recorded';

// Recordings of the real API that the hooks pages replay: byte-exact SSE bodies, and the stored
// completions endpoints' JSON answers.
const streams = ['py-plain-content', 'py-tool-calls-parallel-2', 'py-refusal', 'py-n3-multiple-choices'];
const responses = [
  'dotnet-stored-list-order-desc',
  'dotnet-stored-get',
  'dotnet-stored-messages-page1',
  'dotnet-stored-update-metadata',
  'dotnet-stored-delete',
];

function read(file: string): string | undefined {
  const full = path.join(fixtures, file);
  return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
}

/**
 * A Vite plugin serving `virtual:ck-recorded`: the recordings, read from ../shared/fixtures/openai
 * when Storybook builds. Nothing is copied into the repository; the built pages carry what they
 * replay, so they work offline. Without the recordings the pages say so instead of demoing.
 */
export function recordedFixtures(): Plugin {
  return {
    name: 'ck-recorded-fixtures',
    resolveId: (id) => (id === moduleId ? `\0${moduleId}` : undefined),
    load(id) {
      if (id !== `\0${moduleId}`) return undefined;
      const sse = Object.fromEntries(streams.map((name) => [name, read(`streams/${name}.sse`)]).filter(([, v]) => v));
      // Kept as text: the client parses it as it would a real body (a seed past 2^53 included).
      const json = Object.fromEntries(
        responses.map((name) => [name, read(`responses/${name}.json`)]).filter(([, v]) => v),
      );
      return `export const streams = ${JSON.stringify(sse)};\nexport const responses = ${JSON.stringify(json)};`;
    },
  };
}
