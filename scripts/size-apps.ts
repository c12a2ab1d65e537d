// What an outside app pays: the JavaScript a Vite app adds to React when it uses one part of the kit,
// from the packages' own entries, minified and gzipped. Everything the app must install counts
// (TanStack Query, zustand, marked, eventsource-parser); React and ReactDOM do not (a bare page has
// them), nor do chunks loaded on demand (the highlighter), so this is the first-load cost of the use.
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

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

/** The entry chunk and every chunk it imports statically: what loads before any lazy import. */
function firstLoad(metafile: Metafile, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of metafile.outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  visit(entry);
  return [...seen];
}

export interface AppSize {
  minified: number;
  gzip: number;
  /** Source files (under packages/ or node_modules/) by the bytes they put in the first load. */
  largest: [string, number][];
}

export async function measureApp(use: AppUse): Promise<AppSize> {
  const result = await build({
    entryPoints: ['app-entry'],
    plugins: [
      {
        name: 'app-entry',
        setup(plugin) {
          plugin.onResolve({ filter: /^app-entry$/ }, () => ({ path: 'app-entry', namespace: 'app' }));
          plugin.onLoad({ filter: /.*/, namespace: 'app' }, () => ({
            contents: use.source,
            loader: 'tsx',
            resolveDir,
          }));
        },
      },
    ],
    bundle: true,
    splitting: true,
    outdir: path.join(root, '.size-out'),
    // The packages' sources, which the build emits unchanged in shape: no build needed to measure.
    conditions: ['@completions-kit/source'],
    jsx: 'automatic',
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
    external: react,
    metafile: true,
    logLevel: 'silent',
  });
  const entry = Object.keys(result.metafile.outputs).find((file) => result.metafile.outputs[file]?.entryPoint);
  const files = new Set(firstLoad(result.metafile, entry as string).map((file) => path.resolve(root, file)));
  const loaded = result.outputFiles.filter((file) => files.has(file.path));
  const minified = loaded.reduce((sum, file) => sum + file.contents.length, 0);
  const gzip = loaded.reduce((sum, file) => sum + gzipSync(file.contents, { level: 9 }).length, 0);
  const bySource = new Map<string, number>();
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (!files.has(path.resolve(root, file))) continue;
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      // A dependency counts under its package name; the kit under its package and folder.
      const dependency = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
      const group = dependency ?? input.replace(/^packages\/(\w+)\/src\/([\w-]+).*$/, '$1/$2');
      bySource.set(group, (bySource.get(group) ?? 0) + bytesInOutput);
    }
  }
  const largest = [...bySource.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6);
  return { minified, gzip, largest };
}
