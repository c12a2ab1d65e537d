// What an outside app pays: the JavaScript a Vite app adds to React when it uses one part of the kit,
// from the packages' own entries, built by Vite, minified and gzipped. Everything the app must
// install counts (TanStack Query, zustand, eventsource-parser); React and ReactDOM do not (a bare page has
// them), nor do chunks loaded on demand (the highlighter), so this is the first-load cost of the use.
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';

export interface AppUse {
  name: string;
  /** The app's module: imports from the packages, as an app would write them. */
  source: string;
  gzipBudgetBytes: number;
}

const root = path.resolve(import.meta.dirname, '..');
// The chat package depends on every browser package, so its folder resolves them all as an app would.
const resolveDir = path.join(root, 'packages/chat');
const react = ['react', 'react/jsx-runtime', 'react-dom', 'react-dom/client', 'scheduler'];

export const appUses: AppUse[] = [
  {
    name: 'app (a): the drop-in <Chat>',
    source: `import { Chat } from '@completions-kit/chat';
export const app = () => <Chat baseURL="/v1" model="gpt-4o-mini" />;`,
    gzipBudgetBytes: 40 * 1024,
  },
  {
    name: 'app (b): Message alone',
    source: `import { Message } from '@completions-kit/components';
export const app = (message) => <Message message={message} />;`,
    gzipBudgetBytes: 12 * 1024,
  },
  {
    name: 'app (c): useCompletionStream with Message',
    source: `import { Message } from '@completions-kit/components';
import { ChatCompletionsProvider, useCompletionStream } from '@completions-kit/hooks';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
function Answer() {
  const stream = useCompletionStream();
  const message = stream.snapshot?.choices[0]?.message;
  return message ? <Message message={message} status={stream.status} /> : null;
}
const queryClient = new QueryClient();
export const app = () => (
  <QueryClientProvider client={queryClient}>
    <ChatCompletionsProvider baseURL="/v1"><Answer /></ChatCompletionsProvider>
  </QueryClientProvider>
);`,
    gzipBudgetBytes: 16 * 1024,
  },
  {
    name: 'app (d): StoredTable with useStoredCompletions',
    source: `import { StoredTable } from '@completions-kit/components';
import { ChatCompletionsProvider, useStoredCompletions } from '@completions-kit/hooks';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
function List() {
  const list = useStoredCompletions({});
  const rows = list.data?.pages.flatMap((page) => page.data) ?? [];
  return <StoredTable rows={rows} />;
}
const queryClient = new QueryClient();
export const app = () => (
  <QueryClientProvider client={queryClient}>
    <ChatCompletionsProvider baseURL="/v1"><List /></ChatCompletionsProvider>
  </QueryClientProvider>
);`,
    gzipBudgetBytes: 12 * 1024,
  },
];

export interface AppSize {
  minified: number;
  gzip: number;
  /** Source files (under packages/ or node_modules/) by the bytes they put in the first load. */
  largest: [string, number][];
}

// The app's module, as if it were a file beside the chat package's sources (so the packages resolve
// as an app's would), given to Vite by a plugin rather than written to disk.
const entryPath = path.join(resolveDir, '__size-app__.tsx');

/**
 * The JavaScript the app's first load fetches, from a Vite production build (the bundler the outside
 * app uses, and the one whose chunking decides what a lazy import saves): the entry chunk and every
 * chunk it imports statically, each gzipped as it is served.
 */
export async function measureApp(use: AppUse): Promise<AppSize> {
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    root: resolveDir,
    // The packages' sources, which the build emits unchanged in shape: no build needed to measure.
    resolve: { conditions: ['@completions-kit/source', 'module', 'browser', 'production', 'default'] },
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [
      {
        name: 'size-app-entry',
        resolveId: (id) => (id === entryPath ? id : undefined),
        load: (id) => (id === entryPath ? use.source : undefined),
      },
    ],
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      rollupOptions: { input: entryPath, external: react, preserveEntrySignatures: 'strict' },
    },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const chunks = (Array.isArray(output) ? output : [output])
    .flatMap((result) => result.output)
    .filter((file): file is Rolldown.OutputChunk => file.type === 'chunk');
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const loaded = new Set<Rolldown.OutputChunk>();
  const visit = (chunk: Rolldown.OutputChunk | undefined) => {
    if (!chunk || loaded.has(chunk)) return;
    loaded.add(chunk);
    for (const imported of chunk.imports) visit(byName.get(imported));
  };
  visit(chunks.find((chunk) => chunk.isEntry));
  let minified = 0;
  let gzip = 0;
  const bySource = new Map<string, number>();
  for (const chunk of loaded) {
    minified += Buffer.byteLength(chunk.code);
    gzip += gzipSync(chunk.code, { level: 9 }).length;
    for (const [input, { renderedLength }] of Object.entries(chunk.modules)) {
      // A dependency counts under its package name; the kit under its package and folder.
      const relative = path.relative(root, input);
      const dependency = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(relative)?.[1];
      const group = dependency ?? relative.replace(/^packages\/(\w+)\/src\/([\w-]+).*$/, '$1/$2');
      bySource.set(group, (bySource.get(group) ?? 0) + renderedLength);
    }
  }
  const largest = [...bySource.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.CK_SIZE_TOP ?? 6));
  return { minified, gzip, largest };
}
