// Every hostile case rendered in Chromium, streamed and then final, through Message (or the data
// view it targets). Checked at every moment: no script ran, no request left, no dangerous element
// or attribute appeared, nothing threw. Checked at the end: what the reader sees. How long the
// main thread was held is no pass or fail here (two shared cores time the load, not the code): every
// case's longest task is held to 200 ms by `pnpm bench:hostile`, which renders this same corpus.
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { type HostileCase, hostileCases } from './corpus.ts';
import { steps } from './steps.tsx';
import { dangersIn, payloadCalls, rawHiddenIn, trapPayloads, watch } from './watch.ts';

declare module 'vitest/browser' {
  interface BrowserCommands {
    startRequestLog: () => Promise<void>;
    takeRequestLog: () => Promise<string[]>;
  }
}

const LONG_TASK_LIMIT_MS = 200;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Outcome {
  name: string;
  longestTask: number;
  wall: number;
}
const outcomes: Outcome[] = [];

async function render(hostile: HostileCase) {
  const container = document.createElement('div');
  document.body.append(container);
  const seen = watch(container);
  const reactErrors: string[] = [];
  const onError = (error: unknown) => reactErrors.push(String(error));
  const root = createRoot(container, { onUncaughtError: onError, onCaughtError: onError, onRecoverableError: onError });
  const started = performance.now();
  for (const element of steps(hostile)) {
    flushSync(() => root.render(element));
    await pause(0);
  }
  if (hostile.kind === 'logprobs' && hostile.open) {
    container.querySelector<HTMLButtonElement>('[data-slot="token"]')?.click();
  }
  // Long texts are laid out over several tasks: wait for the last.
  for (let waited = 0; container.querySelector('[data-pending]') && waited < 30_000; waited += 10) await pause(10);
  // Two frames on: effects and late observer entries of the last render are in.
  for (let frame = 0; frame < 2; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
  const wall = performance.now() - started;
  const tasks = seen.longTasks();
  seen.stop();
  return { container, root, seen, reactErrors, tasks, wall };
}

beforeAll(async () => {
  trapPayloads();
  // The highlighter loads on first use: loaded here, so its module request is not counted in a case.
  await import('lowlight');
});

afterAll(() => {
  const slowest = [...outcomes].sort((a, b) => b.wall - a.wall)[0];
  const longest = [...outcomes].sort((a, b) => b.longestTask - a.longestTask)[0];
  console.log(
    `hostile suite: ${outcomes.length} cases; slowest: ${slowest?.name} (${slowest?.wall.toFixed(0)} ms); ` +
      `longest task: ${longest?.name} (${longest?.longestTask.toFixed(0)} ms; the 200 ms target: pnpm bench:hostile)`,
  );
});

describe('the watch itself', () => {
  it('sees a long task', async () => {
    const seen = watch(document.body);
    // Chromium times a task only if an observer was there when it began.
    await pause(0);
    const until = performance.now() + 250;
    while (performance.now() < until) {
      // Busy: one 250 ms task.
    }
    // Entries come after the task: waited for, not slept on.
    await expect.poll(() => Math.max(0, ...seen.longTasks())).toBeGreaterThan(LONG_TASK_LIMIT_MS);
    seen.stop();
  });

  it('sees a request and a dangerous attribute', async () => {
    await commands.startRequestLog();
    const image = document.createElement('img');
    image.setAttribute('onerror', 'void 0');
    image.src = 'http://attacker.example/exfil-self-test.png';
    expect(dangersIn(image).length).toBeGreaterThanOrEqual(2);
    await expect
      .poll(() => commands.takeRequestLog(), { timeout: 10_000 })
      .toContain('http://attacker.example/exfil-self-test.png');
  });
});

describe('hostile model output', () => {
  it.each(hostileCases.map((hostile) => [`${hostile.family}: ${hostile.name}`, hostile] as const))(
    '%s',
    async (name, hostile) => {
      await commands.startRequestLog();
      const { container, root, seen, reactErrors, tasks, wall } = await render(hostile);
      const longestTask = Math.max(0, ...tasks);
      outcomes.push({ name, longestTask, wall });
      const requests = (await commands.takeRequestLog()).filter(
        (url) => !url.startsWith('data:') && (new URL(url).origin !== location.origin || /exfil|attacker/.test(url)),
      );
      // biome-ignore lint/performance/useDomNodeTextContent: what the reader sees is the rendered text.
      const text = (container.innerText ?? '').replace(/\s+/g, ' ');
      const absentHit = (hostile.absent ?? []).filter((selector) => container.querySelector(selector));
      const presentMiss = (hostile.present ?? []).filter((selector) => !container.querySelector(selector));
      const hidden = rawHiddenIn(container);
      const fallback = !!container.querySelector('[data-slot="message-error"]');
      root.unmount();
      container.remove();

      expect({ payloads: payloadCalls, pwned: (window as { __ckPwned?: unknown }).__ckPwned }).toEqual({
        payloads: [],
        pwned: undefined,
      });
      expect(requests, 'requests made').toEqual([]);
      expect([...new Set(seen.dangers)], 'dangerous elements or attributes').toEqual([]);
      expect([...seen.errors, ...reactErrors], 'errors').toEqual([]);
      expect(fallback, 'the error boundary showed').toBe(false);
      expect(hidden, 'hidden characters shown raw').toEqual([]);
      for (const shown of hostile.sees ?? []) expect(text, 'what the reader sees').toContain(shown);
      for (const shown of hostile.hides ?? []) expect(text, 'what the reader must not see').not.toContain(shown);
      expect(absentHit, 'selectors that must not match').toEqual([]);
      expect(presentMiss, 'selectors that must match').toEqual([]);
    },
  );
});
