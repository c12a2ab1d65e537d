/// <reference types="vite/client" />
// <Chat> at the widths people use, in headless Chromium: it fills the page, nothing scrolls sideways,
// the input and Send stay on screen, and on a narrow chat the thread list is a drawer reached by a
// button (focus kept inside while open, Escape closes it and gives focus back).
import kitStyles from '@completions-kit/components/styles.css?inline';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { Chat } from './chat.tsx';

let root: Root | undefined;
const added: Element[] = [];
afterEach(() => {
  root?.unmount();
  root = undefined;
  for (const element of added.splice(0)) element.remove();
});

const until = async (check: () => boolean, what: string) => {
  const deadline = performance.now() + 15_000;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
};

async function mountChat(boxStyle: string) {
  const style = document.createElement('style');
  style.textContent = `${kitStyles} body { margin: 0 }`;
  document.head.append(style);
  const box = document.createElement('div');
  box.style.cssText = boxStyle;
  document.body.append(box, style);
  added.push(box, style);
  root = createRoot(box);
  root.render(<Chat baseURL="http://127.0.0.1:9/v1" model="any" storageKey={`ck-narrow-${Math.random()}`} />);
  await until(() => !!box.querySelector('[data-slot="thread-list"]'), 'the chat and its thread list');
  return box.querySelector('[data-slot="chat"]') as HTMLElement;
}

const part = (chat: HTMLElement, slot: string) => chat.querySelector(`[data-slot="${slot}"]`) as HTMLElement;
const shown = (element: HTMLElement) => element.getClientRects().length > 0;

function expectOnScreen(element: HTMLElement) {
  const box = element.getBoundingClientRect();
  expect(box.left).toBeGreaterThanOrEqual(0);
  expect(box.right).toBeLessThanOrEqual(window.innerWidth);
  expect(box.top).toBeGreaterThanOrEqual(0);
  expect(box.bottom).toBeLessThanOrEqual(window.innerHeight);
}

for (const width of [320, 390, 768, 1280]) {
  it(`at ${width} px: fills the page, no sideways scroll, input and Send on screen`, async () => {
    await page.viewport(width, 700);
    const chat = await mountChat('height: 100dvh');
    expect(chat.getBoundingClientRect().width).toBe(width);
    expect(chat.getBoundingClientRect().height).toBe(700);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
    const right = chat.getBoundingClientRect().right;
    const over = [...chat.querySelectorAll('*')]
      .filter((element) => element.getBoundingClientRect().right > right + 0.5)
      .map(
        (element) => `${element.tagName} ${element.getAttribute('data-slot')} ${element.getBoundingClientRect().right}`,
      );
    expect(over).toEqual([]);
    expect(chat.scrollWidth).toBeLessThanOrEqual(chat.clientWidth);
    expectOnScreen(part(chat, 'composer-submit'));
    expectOnScreen(part(chat, 'composer-input'));
    expect(part(chat, 'composer-input').getBoundingClientRect().width).toBeGreaterThan(100);
    const narrow = width < 640;
    expect(shown(part(chat, 'thread-list'))).toBe(!narrow);
    expect(shown(part(chat, 'chat-threads-toggle'))).toBe(narrow);
  });
}

it('on a narrow chat, the thread list opens as a drawer that keeps focus until Escape gives it back', async () => {
  await page.viewport(390, 700);
  const chat = await mountChat('height: 100dvh');
  const toggle = part(chat, 'chat-threads-toggle');
  const list = part(chat, 'thread-list');
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  // The kit's look, not the browser's default button.
  expect(getComputedStyle(toggle).borderRadius).toBe('8px');
  await userEvent.click(toggle);
  await until(() => shown(list), 'the drawer');
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  expect(list.contains(document.activeElement)).toBe(true);
  expectOnScreen(list);
  // Tab and Shift+Tab go round inside the drawer: the conversation behind it is out of reach.
  for (let step = 0; step < 4; step++) {
    await userEvent.keyboard(step % 2 ? '{Shift>}{Tab}{/Shift}' : '{Tab}');
    expect(list.contains(document.activeElement)).toBe(true);
  }
  expect(part(chat, 'chat-main').inert).toBe(true);
  await userEvent.keyboard('{Escape}');
  await until(() => !shown(list), 'the drawer to close');
  expect(document.activeElement).toBe(toggle);
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  // Picking "New conversation" in the drawer closes it too.
  await userEvent.click(toggle);
  await until(() => shown(list), 'the drawer again');
  await userEvent.click(part(chat, 'thread-new'));
  await until(() => !shown(list), 'the drawer to close after a pick');
  expect(document.activeElement).toBe(toggle);
});

it('keeps a usable height in a container that gives it none (the README snippet)', async () => {
  await page.viewport(1024, 800);
  const chat = await mountChat('');
  expect(chat.getBoundingClientRect().height).toBeGreaterThanOrEqual(28 * 16);
  expectOnScreen(part(chat, 'composer-submit'));
});
