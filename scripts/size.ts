// Browser bundle sizes, minified and gzipped, held to budgets: pnpm size (fails when over budget).
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { playgroundFirstLoad } from './playground-first-load.ts';
import { appUses, measureApp } from './size-apps.ts';

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
  // has (React, TanStack Query, zustand) and eventsource-parser. The target, 8 KB, is the budget:
  // the kit is over it (see the hooks README's size note), and the miss shows until it is fixed.
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
    gzipBudgetBytes: 8 * 1024,
  },
  // Components, with their own markdown lexer, without React and the (lazy) highlighting library. Target 15 KB.
  {
    name: '@completions-kit/components',
    entries: ['packages/components/src/index.ts'],
    external: ['react', 'react/jsx-runtime', 'react-dom', 'eventsource-parser', 'lowlight'],
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
  // The chat layer on its own: the chat parts in components and the drop-in <Chat> package, over
  // hooks + components (counted above) and the peers. Target 10 KB.
  {
    name: 'chat layer (components/chat + @completions-kit/chat)',
    entries: ['packages/chat/src/index.ts', 'packages/components/src/chat/index.ts'],
    external: [
      'react',
      'react/jsx-runtime',
      'react-dom',
      '@tanstack/react-query',
      'zustand',
      'zustand/vanilla',
      'zustand/middleware',
      'eventsource-parser',
      'lowlight',
      '@completions-kit/hooks',
      '@completions-kit/core',
      '@completions-kit/components',
      '*/message/message.tsx',
      '*/usage/usage-view.tsx',
      '*/logprobs/token-logprobs.tsx',
      '*/choices/choices.tsx',
      '*/tool-call/tool-call.tsx',
      '*/virtual/use-virtual-list.ts',
      '*/audio/pcm16.ts',
    ],
    gzipBudgetBytes: 10 * 1024,
  },
  // The markdown lexer on its own (it replaced marked, 15.5 KB), counted in the components above.
  {
    name: 'markdown lexer (in the components)',
    entries: ['packages/components/src/markdown/lex.ts'],
    external: [],
    gzipBudgetBytes: 4 * 1024,
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

// Targets missed today, each with the size it was measured at and why. The target stays the budget
// and the miss is printed on every run; the ceiling only stops a missed bundle from growing further
// unnoticed. Shrinking a bundle means lowering its ceiling here; meeting the target means deleting it.
const knownMisses: Record<string, { ceilingBytes: number; why: string }> = {
  '@completions-kit/core': {
    // 7.42 KB until the conversation (tree, answer records, saved format and its 0.1 migration) moved
    // into core (+2.3 KB), the shared logprob views kept reading a stream linear (+0.27 KB) and saved
    // threads were checked on read for damage and cycles (+0.7 KB). 10.72 KB until the stream reader
    // loaded with the first streamed request (+0.36 KB here, where one esbuild file wraps the lazy
    // module in init functions; an app's bundler gives it a chunk, and app (d) pays 3.2 KB less).
    ceilingBytes: 11.1 * 1024,
    why: 'the run lifecycle (createCompletionRun) and the conversation (createConversation) moved into core; shared logprob views for linear reads; saved threads checked on read',
  },
  '@completions-kit/hooks + core': {
    // 10.53 KB until the conversation moved into core with its saved format and migration (+1.2 KB)
    // and the shared logprob views (+0.27 KB), and the check of saved threads (+0.7 KB). 12.70 KB
    // until the stream reader loaded lazily (+0.36 KB, as for core above).
    ceilingBytes: 13.1 * 1024,
    why: 'the run object and useCompletionRun, and the conversation with its saved format; the hooks did not thin as much as core added; shared logprob views',
  },
  '@completions-kit/components': {
    // 17.27 KB until long lists and tables were laid out a thousand entries at a time (+0.17 KB).
    // 17.44 KB until status props (RunStatus, data-status) replaced the booleans (+0.18 KB) and issue
    // 29's hostile cases: long audio decoded in slices, stored metadata cut for display, citations
    // left out counted (+0.47 KB). 18.10 KB until every message string went through labels (+0.28 KB).
    // 18.38 KB until markdown's, the sources' and the usage view's strings went through labels too,
    // with numbers, costs and dates in a locale through Intl (+0.49 KB; issue 23's second language).
    // 18.87 KB until the logprobs view put its overscan off to the frame after its first paint
    // (+0.06 KB; issue 29's 30 ms first paint at 8,000 tokens, now met). 18.93 KB until the
    // components got a markdown lexer of their own (+4.6 KB here, where marked's 15.5 KB was
    // outside the count): an app with Message pays 10.7 KB less than before. 23.53 KB until the
    // lexer's look-back at every @, line end and bare URL was bounded (+0.13 KB; hostile text took
    // it seconds).
    ceilingBytes: 23.7 * 1024,
    why: 'the markdown lexer is in the package now (about 4.6 KB; marked, 15.5 KB, was counted apart); hostile-output hardening: bounded, time-sliced markdown, lists and tables shown a thousand at a time, reveal of hidden characters, error boundary, sliced audio decoding, cut metadata, counted citations; message labels',
  },
  'markdown lexer (in the components)': {
    // The 4 KB target was set before the lexer was written; it grew past it with what a differential
    // run against marked found missing (CommonMark's HTML-block rules, CRLF, bare emails, references).
    ceilingBytes: 5.6 * 1024,
    why: "CommonMark's block rules (lists, quotes, fences, HTML blocks), GFM tables, autolinks, bare URLs and emails, references, character references; still about a third of marked",
  },
  'chat layer (components/chat + @completions-kit/chat)': {
    // 10.74 KB until the chat stopped recording completions beside the tree (-0.22 KB); 10.53 KB until
    // issue 23 (the thread drawer, every string through labels, focus handling: +0.76 KB) and issue 32
    // (storage faults caught and told, unreadable threads listed, the draft kept: +1.34 KB). 12.63 KB
    // until issue 23's follow-up suggestions, thumbs with feedback written to stored metadata, the
    // locale, and the list's attribute fixed for hydration (+0.83 KB).
    // 13.46 KB until the logprobs and usage views loaded on the click that opens them (+0.09 KB of
    // lazy wrappers here, -12.4 KB in the drop-in <Chat>'s first load).
    ceilingBytes: 13.6 * 1024,
    why: 'thread, composer with attachments and WAV recording, branch picker, tool approval, thread storage that survives faults, the narrow-width drawer, labels for every string, follow-ups and feedback',
  },
  // The outside app's figures (size-apps.ts), first measured 2026-12-04 with esbuild, and since
  // issue 29's last pass with Vite, the bundler the outside app uses (esbuild keeps a lazily loaded
  // module in the first load when a package index re-exports it). On 466b7ca, by Vite: (a) 51.36,
  // (b) 24.49, (c) 37.20, (d) 12.68 KB. The largest sources of each first load print under its row.
  // (a), the drop-in <Chat>, met its 40 KB once marked gave way to the components' own lexer and
  // the logprobs and usage views loaded on the click that opens them: 38.99 KB.
  // Since b15b3e4 the apps are files in scripts/size-apps/, type-checked, mounted, and built with
  // React, whose bare first load is subtracted. The inline sources they replace did not run: (c) and
  // (d) gave the provider a baseURL where it takes a client, so the client was never counted, and
  // (d) passed StoredTable a prop it does not have. With React external, JSX calls were also cheaper
  // than in an app, where they go through the CommonJS runtime's interop.
  'app (b): Message alone': {
    // 24.49 KB (by Vite) until marked (15.5 KB) gave way to the components' own lexer; 14.15 KB
    // until the lexer's bounded look-back (+0.09 KB, above); 14.28 KB until measured with React
    // built in (+0.32 KB: JSX through the CommonJS runtime, as in an app).
    ceilingBytes: 14.65 * 1024,
    why: 'markdown, the lexer and the renderer with code blocks and citations (about 8 KB), loads with every message; the audio player (1.2 KB) could load lazily, but its transcript belongs in the server-rendered HTML',
  },
  'app (c): useCompletionStream with Message': {
    // 37.20 KB (by Vite) until marked gave way to the components' own lexer; 26.82 KB until the
    // lexer's bounded look-back (+0.11 KB, above). 26.95 KB until the app created the client it
    // needs and was built with React (+3.2 KB), and the stream reader loaded lazily (+0.16 KB).
    ceilingBytes: 30.3 * 1024,
    why: 'TanStack Query (about 8 KB), the client with its stream reader (about 7 KB) and Message alone (14.6 KB, above) before the stream hook',
  },
  'app (d): StoredTable with useStoredCompletions': {
    // 13.47 KB by esbuild; 12.68 KB by Vite; 19.89 KB once the app created the client it needs and
    // was built with React; 16.66 KB once the stream reader loaded with the first streamed request.
    ceilingBytes: 16.7 * 1024,
    why: 'TanStack Query with an infinite query is 10.2 KB of it alone, the client (requests, retries, typed errors, the stored endpoints) 3.9 KB alone',
  },
};

let failed = false;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;

/** One row: ok, a known miss (the target stays, the ceiling holds it), or over budget (fails). */
function report(name: string, minified: number, gzip: number, budgetBytes: number) {
  const miss = knownMisses[name];
  const over = gzip > budgetBytes;
  const grown = over && (!miss || gzip > miss.ceilingBytes);
  failed ||= grown;
  const status = !over ? 'ok' : grown ? 'OVER BUDGET' : `MISSED TARGET by ${kb(gzip - budgetBytes)} (${miss?.why})`;
  console.log([name, kb(minified), kb(gzip), kb(budgetBytes), status].join('\t'));
}

console.log(['bundle', 'min', 'min+gzip', 'budget', 'status'].join('\t'));
for (const budget of budgets) {
  const { minified, gzip, openaiBytes } = await measure(budget);
  if (openaiBytes.length > 0) {
    failed = true;
    console.log(`${budget.name}: bundles openai runtime code from ${openaiBytes.join(', ')}`);
  }
  report(budget.name, minified, gzip, budget.gzipBudgetBytes);
}
// What an outside app adds to React for one use of the kit (size-apps.ts), with what weighs most.
for (const use of appUses) {
  const { minified, gzip, largest } = await measureApp(use);
  report(use.name, minified, gzip, use.gzipBudgetBytes);
  if (gzip > use.gzipBudgetBytes) {
    const weights = largest.map(([source, bytes]) => `${source} ${kb(bytes)}`).join(', ');
    console.log(`\tlargest (as rendered into the bundle, before minifying): ${weights}`);
  }
}
// The playground's first load: what index.html fetches before any lazy import (the entry chunk and its
// static imports), from a production Vite build; the lazy views and the highlighter are not counted.
// Before the redesign it was 140.2 KB, one chunk with every view. React + ReactDOM alone cost 67.2 KB
// and with TanStack Query and zustand 74.6 KB (a bare page bundled by esbuild, minified, gzip -9), so
// 110 KB leaves about 35 KB for the kit (core, hooks, the message and markdown parts) and the
// playground's own code. A miss goes into knownMisses under this name, as for the bundles above.
const firstLoad = await playgroundFirstLoad();
report('playground first-load JS (entry + static imports)', firstLoad.minified, firstLoad.gzip, 110 * 1024);
if (failed) process.exit(1);
