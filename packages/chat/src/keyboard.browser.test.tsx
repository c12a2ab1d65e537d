/// <reference types="vite/client" />
// <Chat> by keyboard, in headless Chromium against the local server: focus never drops to the page
// after Stop, an edit or a branch switch, and an edit answers Enter, Shift+Enter and Escape.
import kitStyles from '@completions-kit/components/styles.css?inline';
import { createChatCompletionsClient } from '@completions-kit/core';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, expect, inject, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { Chat } from './chat.tsx';

// Paced (the server's own pace option) and with the end-of-text token banned: the answer runs to the
// token limit, some seconds, long enough to be stopped by a reader.
const client = () =>
  createChatCompletionsClient({ baseURL: inject('serverUrl'), maxRetries: 0, headers: { 'x-ck-fault': 'pace-ms=30' } });
const params = { max_completion_tokens: 200, logit_bias: { '199999': -100 } };

let root: Root | undefined;
const added: Element[] = [];
afterEach(() => {
  root?.unmount();
  root = undefined;
  for (const element of added.splice(0)) element.remove();
});

// vitest's own wait, with a generous ceiling and the thing awaited named in the failure.
const until = (check: () => boolean, what: string) =>
  vi.waitFor(
    () => {
      if (!check()) throw new Error(`still waiting for ${what}`);
    },
    { timeout: 20_000, interval: 20 },
  );

async function mountChat() {
  const style = document.createElement('style');
  style.textContent = kitStyles;
  const box = document.createElement('div');
  box.style.cssText = 'width: 900px; height: 600px';
  document.head.append(style);
  document.body.append(box);
  added.push(box, style);
  root = createRoot(box);
  root.render(<Chat client={client()} model="ck-local-ngram" params={params} storage={false} />);
  await until(() => !!box.querySelector('textarea'), 'the composer');
  return box;
}

const button = (box: HTMLElement, name: string) =>
  [...box.querySelectorAll('button')].find(
    (element) => (element.getAttribute('aria-label') ?? element.textContent?.trim()) === name,
  ) as HTMLButtonElement | undefined;

async function ask(box: HTMLElement, text: string) {
  const input = box.querySelector('[data-slot="composer-input"]') as HTMLTextAreaElement;
  await userEvent.click(input);
  await userEvent.keyboard(text);
  await userEvent.keyboard('{Enter}');
  await until(() => !!button(box, 'Stop'), 'Stop');
}

it('Stop gives the focus to the input, where the reader writes next', async () => {
  const box = await mountChat();
  await ask(box, 'Write me a long story');
  const stop = button(box, 'Stop') as HTMLButtonElement;
  await userEvent.click(stop);
  await until(() => !button(box, 'Stop'), 'the answer to stop');
  expect(document.activeElement).toBe(box.querySelector('[data-slot="composer-input"]'));
});

it('in an edit, Shift+Enter breaks the line, Escape cancels back to Edit, Enter saves as a new version', async () => {
  const box = await mountChat();
  await ask(box, 'First question');
  await userEvent.click(button(box, 'Stop') as HTMLButtonElement);
  await until(() => !!button(box, 'Edit'), 'Edit');
  await userEvent.click(button(box, 'Edit') as HTMLButtonElement);
  const edit = () => box.querySelector('[data-slot="edit-input"]') as HTMLTextAreaElement | null;
  await until(() => document.activeElement === edit(), 'the edit box to take focus');
  await userEvent.keyboard('{Control>}a{/Control}Line one{Shift>}{Enter}{/Shift}line two');
  expect(edit()?.value).toBe('Line one\nline two');
  await userEvent.keyboard('{Escape}');
  await until(() => !edit(), 'the edit to close');
  expect(document.activeElement).toBe(button(box, 'Edit'));
  expect(box.querySelector('[data-slot="message"][data-role="user"]')?.textContent).toContain('First question');

  await userEvent.keyboard('{Enter}');
  await until(() => document.activeElement === edit(), 'the edit box again');
  await userEvent.keyboard('{Control>}a{/Control}Second question{Enter}');
  await until(() => !edit(), 'the edit to be saved');
  await until(() => !!box.querySelector('[data-slot="branch-picker"]'), 'a second version');
  expect(box.querySelector('[data-slot="message"][data-role="user"]')?.textContent).toContain('Second question');
  expect(box.querySelector('[data-slot="branch-position"]')?.textContent).toBe('2/2');
});

it('the branch picker keeps the focus and stays in view when the version changes', async () => {
  const box = await mountChat();
  await ask(box, 'Original question');
  await userEvent.click(button(box, 'Stop') as HTMLButtonElement);
  await until(() => !!button(box, 'Edit'), 'Edit');
  await userEvent.click(button(box, 'Edit') as HTMLButtonElement);
  await userEvent.keyboard('{Control>}a{/Control}Edited question{Enter}');
  await until(() => !!button(box, 'Stop'), 'the answer to the edit');
  await userEvent.click(button(box, 'Stop') as HTMLButtonElement);
  await until(() => !!button(box, 'Previous version'), 'the branch picker');
  const previous = button(box, 'Previous version') as HTMLButtonElement;
  await userEvent.click(previous);
  await until(() => box.querySelector('[data-slot="branch-position"]')?.textContent === '1/2', 'version 1');
  expect(box.querySelector('[data-slot="message"][data-role="user"]')?.textContent).toContain('Original question');
  expect(document.activeElement?.getAttribute('aria-label')).toBe('Previous version');
  expect(box.contains(document.activeElement)).toBe(true);
  await userEvent.keyboard('{Tab}{Enter}');
  await until(() => box.querySelector('[data-slot="branch-position"]')?.textContent === '2/2', 'version 2');
  expect(document.activeElement?.getAttribute('aria-label')).toBe('Next version');
  const viewport = box.querySelector('[data-slot="thread-viewport"]') as HTMLElement;
  const seen = viewport.getBoundingClientRect();
  const focused = (document.activeElement as HTMLElement).getBoundingClientRect();
  expect(focused.top).toBeGreaterThanOrEqual(seen.top);
  expect(focused.bottom).toBeLessThanOrEqual(seen.bottom);
});
