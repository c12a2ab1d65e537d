// The page the chat benchmark drives: the kit's Thread against a naive list (every message in the
// page) and @tanstack/react-virtual, all rendering the same <Message> parts, in production React.

// First, so that React finds the commit counter when it loads.
import './hook.ts';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type CSSProperties, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { Thread } from '../../packages/components/src/chat/index.ts';
import { type AnyMessage, Message } from '../../packages/components/src/index.ts';
import { commits as commitCount } from './commits.ts';

const words =
  'streams deliver an answer in pieces so that a reader can start before the end arrives and every piece is folded into what is shown'.split(
    ' ',
  );
const thread = (count: number): AnyMessage[] =>
  Array.from({ length: count }, (_, index) => ({
    role: index % 2 ? 'assistant' : 'user',
    content: `${index % 2 ? 'Answer' : 'Question'} ${index}: ${words.slice(0, 6 + (index % 17)).join(' ')}.`,
  }));
const box: CSSProperties = { height: 700, overflowY: 'auto' };
type ListProps = { messages: AnyMessage[]; streaming: boolean };
const item = (messages: AnyMessage[], index: number, streaming: boolean) => (
  <Message
    message={messages[index] as AnyMessage}
    status={streaming && index === messages.length - 1 ? 'streaming' : 'done'}
  />
);

function Naive({ messages, streaming }: ListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && following.current) element.scrollTop = element.scrollHeight;
  });
  return (
    <div
      data-scroll
      ref={scroller}
      style={box}
      onWheel={() => {
        following.current = false;
      }}
    >
      {messages.map((_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a list that only grows at the end
        <div key={index}>{item(messages, index, streaming)}</div>
      ))}
    </div>
  );
}

function ReactVirtual({ messages, streaming }: ListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 120,
    overscan: 3,
  });
  useLayoutEffect(() => {
    if (following.current) virtualizer.scrollToIndex(messages.length - 1, { align: 'end' });
  });
  return (
    <div
      data-scroll
      ref={scroller}
      style={box}
      onWheel={() => {
        following.current = false;
      }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div
            key={row.key}
            data-index={row.index}
            ref={virtualizer.measureElement}
            style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${row.start}px)` }}
          >
            {item(messages, row.index, streaming)}
          </div>
        ))}
      </div>
    </div>
  );
}

function Kit({ messages, streaming }: ListProps) {
  return (
    // Without the stylesheet, nothing bounds the thread: the app gives the viewport its height, as
    // the naive and react-virtual views get theirs.
    <div>
      <Thread.Root count={messages.length} status={streaming ? 'streaming' : 'done'}>
        <Thread.Viewport data-scroll style={box} renderItem={(index) => item(messages, index, streaming)} />
      </Thread.Root>
    </div>
  );
}

const views: Record<string, (props: ListProps) => React.ReactNode> = {
  naive: Naive,
  'react-virtual': ReactVirtual,
  kit: Kit,
};
const container = document.getElementById('root') as HTMLElement;
const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const gc = () => (window as unknown as { gc?: () => void }).gc?.();
const heap = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;

/** Mount a 5,000-message thread to the first frame after it; heap growth and elements while it stays mounted. */
async function paint(name: string) {
  const messages = thread(5000);
  const View = views[name] as (props: ListProps) => React.ReactNode;
  const root = createRoot(container);
  gc();
  await frame();
  const before = heap();
  const start = performance.now();
  flushSync(() => root.render(<View messages={messages} streaming={false} />));
  await frame();
  await new Promise((resolve) => setTimeout(resolve, 0));
  const elapsed = performance.now() - start;
  gc();
  const growth = heap() - before;
  // The JS heap does not hold every byte of the DOM: the element count says how much DOM there is.
  const nodes = container.getElementsByTagName('*').length;
  root.unmount();
  return { elapsed, growth, nodes };
}

let push: (text: string, streaming: boolean) => void = () => undefined;
function Host({ View, base }: { View: (props: ListProps) => React.ReactNode; base: AnyMessage[] }) {
  const [state, setState] = useState({ text: '', streaming: true });
  push = (text, streaming) => setState({ text, streaming });
  const messages = [...base, { role: 'assistant', content: state.text }];
  return <View messages={messages} streaming={state.streaming} />;
}

/**
 * Counts commits in every frame from now until `stop()`, on a requestAnimationFrame loop of its own:
 * the stream loop below sleeps across several frames while the reader scrolls up, and counting only
 * where it wakes lumped those frames' commits into one.
 */
function commitsPerFrame() {
  commitCount.value = 0;
  const counted = { frames: 0, max: 0, over: 0 };
  let running = true;
  const sample = () => {
    if (!running) return;
    counted.frames++;
    counted.max = Math.max(counted.max, commitCount.value);
    if (commitCount.value > 1) counted.over++;
    commitCount.value = 0;
    requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
  return () => {
    running = false;
    return counted;
  };
}

/**
 * A 2,000-token answer at 500 tokens/s after 1,000 messages. Each frame: commits since the last
 * frame and the distance from the bottom; after 1.5 s the reader scrolls up, and from then on the
 * view must not move. The answer is handed over at most once per frame, as the conversation store does.
 */
async function stream(name: string) {
  const base = thread(1000);
  const View = views[name] as (props: ListProps) => React.ReactNode;
  const root = createRoot(container);
  flushSync(() => root.render(<Host View={View} base={base} />));
  await frame();
  await frame();
  const scroller = container.querySelector<HTMLElement>('[data-scroll]') as HTMLElement;
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  // Mounting and its first measurements are not the stream's: count from here.
  const stopCounting = commitsPerFrame();
  const start = performance.now();
  let worstFollowing = 0;
  let moved = 0;
  let released: number | null = null;
  let anchor: HTMLElement | null = null;
  for (;;) {
    const now = await frame();
    const distance = scroller.scrollHeight - scroller.clientHeight - scroller.scrollTop;
    if (released === null) worstFollowing = Math.max(worstFollowing, distance);
    else if (anchor) moved = Math.max(moved, Math.abs(anchor.getBoundingClientRect().top - released));
    const tokens = Math.min(2000, Math.floor(((now - start) / 1000) * 500));
    push(
      Array.from({ length: tokens }, (_, index) =>
        index % 40 === 39 ? `${words[index % words.length]}.\n\n` : words[index % words.length],
      ).join(' '),
      tokens < 2000,
    );
    if (released === null && now - start > 1500) {
      scroller.dispatchEvent(new WheelEvent('wheel', { deltaY: -400, bubbles: true }));
      scroller.scrollTop -= 400;
      await new Promise((resolve) => setTimeout(resolve, 50));
      // What the reader looks at (the message mid-view) must stay where it is on screen.
      const box = scroller.getBoundingClientRect();
      const middle = box.top + box.height / 2;
      const shown = [...scroller.querySelectorAll('article')];
      anchor =
        shown.find((article) => {
          const rect = article.getBoundingClientRect();
          return rect.top <= middle && rect.bottom >= middle;
        }) ??
        shown[0] ??
        null;
      released = anchor?.getBoundingClientRect().top ?? 0;
    }
    if (tokens >= 2000) break;
  }
  await frame();
  const counted = stopCounting();
  observer.disconnect();
  root.unmount();
  return {
    frames: counted.frames,
    maxCommitsPerFrame: counted.max,
    overFrames: counted.over,
    longTasks: longTasks.length,
    longestTask: Math.max(0, ...longTasks),
    worstFollowing,
    moved,
  };
}

Object.assign(window, { bench: { paint, stream, names: Object.keys(views) } });
