// What an outside app pays: the JavaScript a Vite app adds to React when it uses one part of the kit,
// from the packages' own entries, built by Vite, minified and gzipped. Each app is built whole, React
// included, and a bare React app's first load is subtracted: what the bundler shares with React (its
// runtime helpers) is not charged to the kit, and what the kit makes it add is. Everything the app
// must install counts (TanStack Query, zustand, eventsource-parser); chunks loaded on demand (the
// highlighter) do not, so this is the first-load cost of the use.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';

export interface AppUse {
  name: string;
  /**
   * The app's module in `scripts/size-apps/`, exporting `App`: imports from the packages as an app
   * would write them, type-checked with the rest of the scripts, so it measures code that would run.
   */
  file: string;
  gzipBudgetBytes: number;
}

const root = path.resolve(import.meta.dirname, '..');
// The chat package depends on every browser package, so its folder resolves them all as an app would.
const resolveDir = path.join(root, 'packages/chat');
const appsDir = path.join(root, 'scripts/size-apps');

export const appUses: AppUse[] = [
  { name: 'app (a): the drop-in <Chat>', file: 'a-chat.tsx', gzipBudgetBytes: 40 * 1024 },
  { name: 'app (b): Message alone', file: 'b-message.tsx', gzipBudgetBytes: 12 * 1024 },
  { name: 'app (c): useCompletionStream with Message', file: 'c-stream.tsx', gzipBudgetBytes: 16 * 1024 },
  { name: 'app (d): StoredTable with useStoredCompletions', file: 'd-stored.tsx', gzipBudgetBytes: 12 * 1024 },
];

export interface AppSize {
  minified: number;
  gzip: number;
  /** Source files (under packages/ or node_modules/) by the bytes they put in the first load. */
  largest: [string, number][];
}

// The app's module, as if it were a file beside the chat package's sources (so the packages resolve
// as an app's would), given to Vite by a plugin rather than written to disk, and mounted as an app is.
const entryPath = path.join(resolveDir, '__size-app__.tsx');
const mount = `import { createRoot } from 'react-dom/client';
createRoot(document.getElementById('root')!).render(<App />);`;
const bareApp = `const App = () => <main />;\n${mount}`;
const notCharged = new Set(['react', 'react-dom', 'scheduler']);

/**
 * What the app adds to a bare React app's first load: from Vite production builds (the bundler the
 * outside app uses, and the one whose chunking decides what a lazy import saves) of both.
 */
export async function measureApp(use: AppUse): Promise<AppSize> {
  const app = await firstLoad(`${readFileSync(path.join(appsDir, use.file), 'utf8')}\n${mount}`);
  bare ??= firstLoad(bareApp);
  const base = await bare;
  return { minified: app.minified - base.minified, gzip: app.gzip - base.gzip, largest: app.largest };
}
let bare: Promise<AppSize> | undefined;

/** The entry chunk and every chunk it imports statically, each gzipped as it is served. */
async function firstLoad(source: string): Promise<AppSize> {
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
        load: (id) => (id === entryPath ? source : undefined),
      },
    ],
    build: { write: false, minify: true, target: 'es2022', rollupOptions: { input: entryPath } },
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
      if (dependency && notCharged.has(dependency)) continue;
      const group = dependency ?? relative.replace(/^packages\/(\w+)\/src\/([\w-]+).*$/, '$1/$2');
      bySource.set(group, (bySource.get(group) ?? 0) + renderedLength);
    }
  }
  const largest = [...bySource.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.CK_SIZE_TOP ?? 6));
  return { minified, gzip, largest };
}
