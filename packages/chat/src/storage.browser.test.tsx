import { createChatCompletionsClient } from '@completions-kit/core';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, expect, inject, it } from 'vitest';
import legacyThread from '../../core/src/test-support/saved-thread-0.1.json';
import { Chat } from './chat.tsx';
import { indexedDbThreads } from './storage.ts';

// In headless Chromium, whose IndexedDB is the real one, against the local server.
const client = () => createChatCompletionsClient({ baseURL: inject('serverUrl'), maxRetries: 0 });
const params = { max_completion_tokens: 12, logit_bias: { '199999': -100 } };
const until = async (check: () => boolean, what: string) => {
  const deadline = performance.now() + 15_000;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

let root: Root | undefined;
let host: HTMLElement | undefined;
afterEach(() => {
  root?.unmount();
  host?.remove();
});

it('keeps, reads back and deletes a value, also through a second connection to the same database', async () => {
  const name = `ck-chat-test-${Date.now()}`;
  const first = indexedDbThreads(name);
  expect(await first.get('missing')).toBeNull();
  await first.set('thread', '{"title":"kept"}');
  expect(await indexedDbThreads(name).get('thread')).toBe('{"title":"kept"}');
  await first.delete('thread');
  expect(await indexedDbThreads(name).get('thread')).toBeNull();
});

function mount(storage: ReturnType<typeof indexedDbThreads>) {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  root.render(<Chat client={client()} model="ck-local-ngram" params={params} storage={storage} />);
}

it('<Chat> on IndexedDB finds its thread again after a remount', async () => {
  const name = `ck-chat-remount-${Date.now()}`;
  mount(indexedDbThreads(name));
  const input = () => host?.querySelector('textarea') as HTMLTextAreaElement;
  await until(() => !!input(), 'the composer');
  const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
  setValue?.call(input(), 'Kept in IndexedDB');
  input().dispatchEvent(new Event('input', { bubbles: true }));
  await until(() => input().value === 'Kept in IndexedDB', 'the typed text');
  input().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  const articles = () => host?.querySelectorAll('[role="log"] article') ?? [];
  await until(() => articles().length >= 2 && (articles()[1]?.textContent?.length ?? 0) > 9, 'the answer');
  const stopShown = () =>
    [...(host?.querySelectorAll('button') ?? [])].some(
      (button) => (button.getAttribute('aria-label') ?? button.textContent?.trim()) === 'Stop',
    );
  await until(() => !stopShown(), 'the end of the answer');
  root?.unmount();
  host?.remove();
  mount(indexedDbThreads(name));
  // The list of threads comes first, then the open thread's turns, both read back from IndexedDB.
  const log = () => host?.querySelector('[role="log"]')?.textContent ?? '';
  await until(() => articles().length >= 2 && log().includes('Kept in IndexedDB'), 'the thread after a remount');
  expect(host?.querySelector('[aria-current="page"]')?.textContent).toBe('Kept in IndexedDB');
});

it('<Chat> reads a thread IndexedDB kept from 0.1, with its branches and its answer’s usage', async () => {
  const name = `ck-chat-legacy-${Date.now()}`;
  const storage = indexedDbThreads(name);
  // Exactly what the 0.1 chat wrote: its list of threads and the thread as { tree, facts }.
  await storage.set(
    'ck-chat:threads',
    JSON.stringify({ threads: [{ id: 'thread-old', title: 'Old thread', updatedAt: 1 }], activeId: 'thread-old' }),
  );
  await storage.set('ck-chat:thread:thread-old', JSON.stringify(legacyThread));
  mount(storage);
  const log = () => host?.querySelector('[role="log"]')?.textContent ?? '';
  await until(() => log().includes('It is 21 degrees in Oslo.'), 'the migrated thread');
  expect(log()).toContain('What is the weather in Oslo?');
  // The answer had usage in 0.1's facts: it is offered under the answer now.
  expect(host?.querySelector('[data-slot="chat-usage-toggle"]')?.textContent).toBe('39 tokens');
  // Its regenerated sibling is still there: the picker says 1 of 2.
  expect(log()).toContain('1 of 2');
});
