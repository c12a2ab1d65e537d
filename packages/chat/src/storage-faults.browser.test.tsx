import { createChatCompletionsClient } from '@completions-kit/core';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { Chat } from './chat.tsx';
import { localStorageThreads, type ThreadStorage } from './storage.ts';

// Headless Chromium with its real localStorage, against the local server. Only the adapters that throw
// or reject are stand-ins (named below): a browser gives no way to make its own store fail on demand.
const client = () => createChatCompletionsClient({ baseURL: inject('serverUrl'), maxRetries: 0 });
const params = { max_completion_tokens: 12, logit_bias: { '199999': -100 } };
const wait = { timeout: 20_000 };
const mountChat = (storage?: ThreadStorage) =>
  render(<Chat client={client()} model="ck-local-ngram" params={params} storage={storage} />);

const input = () => screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
const log = () => screen.getByRole('log', { name: 'Conversation' });
const notices = () => document.querySelectorAll('[data-slot="chat-storage-notice"]');

async function ask(text: string) {
  const before = within(log()).queryAllByRole('article').length;
  fireEvent.change(input(), { target: { value: text } });
  fireEvent.keyDown(input(), { key: 'Enter' });
  await waitFor(() => expect(within(log()).getAllByRole('article').length).toBe(before + 2), wait);
  await waitFor(() => expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull(), wait);
  // Answered by the server: the answer holds text.
  const answer = within(log()).getAllByRole('article').at(-1);
  await waitFor(() => expect(answer?.textContent?.length ?? 0).toBeGreaterThan(9), wait);
}

/** Counts how many times a notice is put on the page: told once means one insertion. */
function countNoticeInsertions() {
  const counter = { added: 0 };
  const observer = new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes)
        if (node instanceof HTMLElement && node.matches('[data-slot="chat-storage-notice"]')) counter.added += 1;
  });
  observer.observe(document.body, { childList: true, subtree: true });
  return { counter, stop: () => observer.disconnect() };
}

/** Fills the origin's localStorage to its real quota, as another part of the same site might. */
function fillLocalStorage(): string[] {
  const keys: string[] = [];
  for (let size = 1 << 20; size >= 1; ) {
    const key = `filler-${keys.length}`;
    try {
      localStorage.setItem(key, 'x'.repeat(size));
      keys.push(key);
    } catch {
      size = Math.floor(size / 2);
    }
  }
  return keys;
}

const savedText = () =>
  Object.keys(localStorage)
    .filter((key) => key.startsWith('ck-chat:'))
    .map((key) => localStorage.getItem(key))
    .join('\n');

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('<Chat> when its storage fails', () => {
  it('with localStorage full: sends and answers, says once it is not saving, then saves once room is freed', async () => {
    const filler = fillLocalStorage();
    expect(() => localStorage.setItem('probe', 'x'.repeat(64))).toThrow();
    const insertions = countNoticeInsertions();
    mountChat();
    await ask('First question while full');
    await waitFor(() => expect(notices()).toHaveLength(1), wait);
    expect(notices()[0]?.textContent).toContain('storage for this site is full');
    expect(screen.getByRole('button', { name: 'Export this conversation' })).toBeTruthy();
    await ask('Second question while full');
    expect(within(log()).getByText('First question while full')).toBeTruthy();
    expect(within(log()).getByText('Second question while full')).toBeTruthy();
    expect(insertions.counter.added).toBe(1);
    // Typed and not sent, while nothing can be written: still there.
    fireEvent.change(input(), { target: { value: 'typed while full' } });
    expect(input().value).toBe('typed while full');
    expect(savedText()).not.toContain('First question while full');
    for (const key of filler) localStorage.removeItem(key);
    fireEvent.change(input(), { target: { value: '' } });
    await ask('Third question after freeing space');
    await waitFor(() => expect(notices()).toHaveLength(0), wait);
    insertions.stop();
    // The whole conversation is saved with the next answer, the questions asked while full included.
    expect(savedText()).toContain('First question while full');
    expect(savedText()).toContain('Third question after freeing space');
  });

  const failingStores: Array<[string, () => ThreadStorage, string]> = [
    [
      'a store that throws on write (a stand-in for a refused store)',
      () => ({
        ...localStorageThreads(),
        set: () => {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      }),
      'does not allow this site to store data',
    ],
    [
      'an async store whose writes reject (a stand-in for a failing database)',
      () => ({ ...localStorageThreads(), set: () => Promise.reject(new Error('disk gone')) }),
      'storage failed',
    ],
    [
      'a store that throws on read (a stand-in for an unreadable store)',
      () => ({
        ...localStorageThreads(),
        get: () => {
          throw new Error('cannot read');
        },
      }),
      'could not be read',
    ],
  ];

  it.each(failingStores)(
    'with %s: the question is sent and answered, the notice shows once',
    async (_name, store, says) => {
      const insertions = countNoticeInsertions();
      mountChat(store());
      await ask('Asked on a failing store');
      await ask('Asked again on a failing store');
      await waitFor(() => expect(notices()).toHaveLength(1), wait);
      expect(notices()[0]?.textContent).toContain(says);
      expect(insertions.counter.added).toBe(1);
      insertions.stop();
      expect(within(log()).getByText('Asked on a failing store')).toBeTruthy();
      expect(within(log()).getByText('Asked again on a failing store')).toBeTruthy();
    },
  );

  it('keeps the composer’s draft across a reload', async () => {
    const first = mountChat();
    await waitFor(() => expect(input()).toBeTruthy(), wait);
    fireEvent.change(input(), { target: { value: 'half a thought' } });
    first.unmount();
    mountChat();
    await waitFor(() => expect(input().value).toBe('half a thought'), wait);
  });
});
