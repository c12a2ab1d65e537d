// The page the hostile-output benchmark drives: the worst inputs from issue 14 rendered through
// Message in production React, then every case of the hostile suite's corpus rendered through its
// steps, with the longest main-thread task of each (Long Tasks API).
import type { ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { hostileCases } from '../../packages/components/src/hostile/corpus.ts';
import { steps as hostileSteps } from '../../packages/components/src/hostile/steps.tsx';
import { Message, StoredTable } from '../../packages/components/src/index.ts';
import type { RunStatus } from '../../packages/core/src/index.ts';

interface Result {
  longestTask: number;
  tasks: number;
  wall: number;
  errors: string[];
  highlighted: boolean;
}

const codeLine = 'const value = compute(item, 42); // a comment with "a string"\n';
const fence = (body: string) => `\`\`\`js\n${body}\`\`\`\n`;
const oneMegabyte = fence(codeLine.repeat(Math.ceil(1_000_000 / codeLine.length)));
const fiveThousandLines = fence(codeLine.repeat(5000));

/** Each case: the content at each step (the last one final), rendered in turn; `view` for other parts. */
type Case = { steps: string[]; streamed: boolean; tool?: boolean; view?: (status: RunStatus) => ReactElement };

const citation = (url: string, title: string, start: number, end: number) => ({
  type: 'url_citation' as const,
  url_citation: { url, title, start_index: start, end_index: end },
});
// Issue 29's hostile outputs, each cut or sliced by the kit: the longest task is what is left.
const storedRows = () =>
  Array.from({ length: 1000 }, (_, index) => ({
    id: `row_${index}`,
    model: 'gpt-4o',
    created: 1_700_000_000 + index,
    metadata: Object.fromEntries(Array.from({ length: 16 }, (_, key) => [`key${key}`, `${key}`.repeat(10_000)])),
  }));
const sixtyMegabytes = () => 'UklG'.repeat(15_000_000);
const cases: Record<string, () => Case> = {
  '1 MB code block': () => ({ steps: [oneMegabyte], streamed: false }),
  '5,000-line code block, 250 pieces': () => {
    const size = Math.ceil(fiveThousandLines.length / 250);
    const steps: string[] = [];
    for (let end = size; end < fiveThousandLines.length + size; end += size)
      steps.push(fiveThousandLines.slice(0, end));
    return { steps, streamed: true };
  },
  '10,000-deep quote': () => ({ steps: [`${'>'.repeat(10_000)} a`], streamed: false }),
  '"*a_" x 4000': () => ({ steps: ['*a_'.repeat(4000)], streamed: false }),
  '"- " x 2000': () => ({ steps: [`${'- '.repeat(2000)}a`], streamed: false }),
  '2 MB tool-call arguments, 256 pieces': () => {
    const piece = `{"k":"${'x'.repeat(54)}"},`.slice(0, 64).repeat(128);
    const steps: string[] = [];
    for (let index = 1; index <= 256; index++) steps.push(`{"items":[${piece.repeat(index)}{}]}`);
    return { steps, streamed: true, tool: true };
  },
  '1,000 stored rows, 16 metadata values of 10,000 characters': () => {
    const rows = storedRows();
    return { steps: [''], streamed: false, view: () => <StoredTable items={rows} /> };
  },
  '60 MB base64 audio part': () => {
    const audio = { id: 'a', data: sixtyMegabytes(), transcript: 'sixty megabytes' };
    return {
      steps: ['', ''],
      streamed: true,
      view: (status) => <Message message={{ role: 'assistant', content: null, audio }} status={status} />,
    };
  },
  '500 citations (372 left out, counted)': () => {
    const content = 'word '.repeat(500);
    const annotations = Array.from({ length: 500 }, (_, index) =>
      citation(`https://s${index}.example/`, `S${index}`, index * 5, index * 5 + 4),
    );
    return {
      steps: [''],
      streamed: false,
      view: () => <Message message={{ role: 'assistant', content, annotations }} />,
    };
  },
  'mailto citation with malformed percent-encoding': () => {
    const annotations = [citation('mailto:%ZZ@example.com', 'Mail', 0, 11)];
    const message = { role: 'assistant', content: 'Write to us.', annotations } as const;
    return { steps: [''], streamed: false, view: () => <Message message={message} /> };
  },
};

const tasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => tasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const frames = async (count: number) => {
  for (let frame = 0; frame < count; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
};
const corpus = new Map(hostileCases.map((hostile) => [`corpus ${hostile.family}: ${hostile.name}`, hostile]));

/** A case of the hostile suite, rendered as the suite renders it (each step flushed, then settled). */
async function runCorpus(name: string): Promise<Result> {
  const host = document.createElement('div');
  document.body.append(host);
  const errors: string[] = [];
  const onError = (error: unknown) => errors.push(String((error as Error)?.message ?? error).slice(0, 120));
  const root = createRoot(host, { onUncaughtError: onError, onCaughtError: onError });
  await pause(50);
  const begin = performance.now();
  tasks.length = 0;
  for (const element of hostileSteps(corpus.get(name) as (typeof hostileCases)[number])) {
    flushSync(() => root.render(element));
    await pause(0);
  }
  for (let waited = 0; host.querySelector('[data-pending]') && waited < 30_000; waited += 10) await pause(10);
  const wall = performance.now() - begin;
  await frames(2);
  await pause(300);
  const highlighted = !!host.querySelector('[data-highlighted="true"]');
  const durations = tasks.filter((task) => task.startTime >= begin).map((task) => task.duration);
  root.unmount();
  host.remove();
  return { longestTask: Math.max(0, ...durations), tasks: durations.length, wall, errors, highlighted };
}

async function run(name: string): Promise<Result> {
  if (corpus.has(name)) return runCorpus(name);
  const { steps, streamed, tool, view } = (cases[name] as () => Case)();
  const message = (text: string) =>
    tool
      ? ({
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: text } }],
        } as const)
      : ({ role: 'assistant', content: text } as const);
  const host = document.createElement('div');
  document.body.append(host);
  const errors: string[] = [];
  const onError = (error: unknown) => errors.push(String((error as Error)?.message ?? error).slice(0, 120));
  const root = createRoot(host, { onUncaughtError: onError, onCaughtError: onError });
  await pause(50);
  const begin = performance.now();
  tasks.length = 0;
  for (const [index, content] of steps.entries()) {
    const status: RunStatus = streamed && index < steps.length - 1 ? 'streaming' : 'done';
    root.render(view ? view(status) : <Message message={message(content)} status={status} />);
    await pause(0);
  }
  root.render(view ? view('done') : <Message message={message(steps.at(-1) as string)} status="done" />);
  // Work sliced over several tasks (a long audio part decoding) is done when its mark goes.
  for (let waited = 0; host.querySelector('[data-pending]') && waited < 30_000; waited += 20) await pause(20);
  // Wait for highlighting (or for it to be skipped) and for late long-task entries.
  const deadline = performance.now() + 2000;
  while (!host.querySelector('[data-highlighted="true"]') && performance.now() < deadline) await pause(50);
  const wall = performance.now() - begin;
  await pause(300);
  const highlighted = !!host.querySelector('[data-highlighted="true"]');
  const durations = tasks.filter((task) => task.startTime >= begin).map((task) => task.duration);
  root.unmount();
  host.remove();
  return { longestTask: Math.max(0, ...durations), tasks: durations.length, wall, errors, highlighted };
}

Object.assign(window, { bench: { names: [...Object.keys(cases), ...corpus.keys()], run } });
