// The page the hostile-output benchmark drives: the worst inputs from issue 14 rendered through
// Message in production React, with the longest main-thread task of each (Long Tasks API).
import { createRoot } from 'react-dom/client';
import { Message } from '../../packages/components/src/index.ts';
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

/** Each case: the content at each step (the last one final), rendered in turn. */
type Case = { steps: string[]; streamed: boolean; tool?: boolean };
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
};

const tasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => tasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function run(name: string): Promise<Result> {
  const { steps, streamed, tool } = (cases[name] as () => Case)();
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
    root.render(<Message message={message(content)} status={status} />);
    await pause(0);
  }
  root.render(<Message message={message(steps.at(-1) as string)} status="done" />);
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

Object.assign(window, { bench: { names: Object.keys(cases), run } });
