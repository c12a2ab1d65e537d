// The page the components benchmark drives: the kit's virtualized views against naive renderings of
// the same data (every token, every row in the page), in production React.
import type { CSSProperties, ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { storedRows } from '../../packages/components/src/fixtures/stored-rows.ts';
import { syntheticLogprobs } from '../../packages/components/src/fixtures/synthetic-logprobs.ts';
import {
  mergeByBytes,
  StoredTable,
  summarize,
  TokenLogprobs,
  tokenBlocks,
} from '../../packages/components/src/index.ts';

const tokens = syntheticLogprobs(8000, 20);
const rows = storedRows(10_000);
const box: CSSProperties = { maxHeight: '24rem', overflowY: 'auto' };

/** What a view without virtualization renders: a button per token with its label and colour. */
function NaiveLogprobs() {
  return (
    <div data-scroll style={box}>
      {tokens.map((token, index) => (
        <button
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list that never reorders
          key={index}
          type="button"
          aria-label={`“${token.token}”, ${(Math.exp(token.logprob) * 100).toFixed(1)}%`}
          style={{ '--ck-token-probability': Math.exp(token.logprob) } as CSSProperties}
        >
          {token.token}
        </button>
      ))}
    </div>
  );
}

function NaiveTable() {
  return (
    <div data-scroll style={box}>
      <table>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} style={{ height: 40 }}>
              <td>
                <button type="button">{row.id}</button>
              </td>
              <td>{row.model}</td>
              <td>{new Date(row.created * 1000).toISOString()}</td>
              <td>
                {Object.entries(row.metadata)
                  .map(([key, value]) => `${key}=${value}`)
                  .join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const views: Record<string, () => ReactNode> = {
  'logprobs naive': () => <NaiveLogprobs />,
  'logprobs kit': () => <TokenLogprobs tokens={tokens} />,
  'table naive': () => <NaiveTable />,
  'table kit': () => <StoredTable items={rows} />,
};

const container = document.getElementById('root') as HTMLElement;
const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Mount to the first frame after it: render, layout and paint of the first view. */
async function paint(name: string): Promise<number> {
  const root = createRoot(container);
  await frame();
  const start = performance.now();
  flushSync(() => root.render(views[name]?.()));
  await frame();
  // The frame after the commit has been painted once this macrotask runs.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const elapsed = performance.now() - start;
  root.unmount();
  return elapsed;
}

/** Mounts, then scrolls through in 120 frames; frame times and long tasks during the scroll. */
async function scroll(name: string) {
  const root = createRoot(container);
  flushSync(() => root.render(views[name]?.()));
  await frame();
  const scroller = container.querySelector<HTMLElement>(
    '[data-scroll], [data-slot="token-heatmap"], [data-slot="stored-table-scroll"]',
  );
  if (!scroller) throw new Error(`no scroll container in ${name}`);
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  const step = (scroller.scrollHeight - scroller.clientHeight) / 120;
  const frames: number[] = [];
  let last = await frame();
  for (let index = 0; index < 120; index++) {
    scroller.scrollTop += step;
    const now = await frame();
    frames.push(now - last);
    last = now;
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  root.unmount();
  frames.sort((a, b) => a - b);
  return {
    p50: frames[Math.floor(frames.length / 2)] ?? 0,
    p95: frames[Math.floor(frames.length * 0.95)] ?? 0,
    worst: frames[frames.length - 1] ?? 0,
    longTasks: longTasks.length,
    longestTask: Math.max(0, ...longTasks),
  };
}

/** Where the logprobs view's first paint goes before React: merging, the summary, the blocks. */
function parts() {
  const start = performance.now();
  const display = mergeByBytes(tokens);
  const merged = performance.now();
  summarize(display, 3);
  const summarized = performance.now();
  tokenBlocks(display);
  return { merge: merged - start, summary: summarized - merged, blocks: performance.now() - summarized };
}

Object.assign(window, { bench: { paint, scroll, parts, names: Object.keys(views) } });
