/// <reference types="vite/client" />
// <Chat> inside host pages with styles of their own, in headless Chromium: the kit's stylesheet must
// leave the page's colours alone, follow the page's colour scheme, and keep its own layout whatever
// the page's global rules are.
import kitStyles from '@completions-kit/components/styles.css?inline';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { Chat } from './chat.tsx';

declare module 'vitest/browser' {
  interface BrowserCommands {
    emulateColorScheme: (scheme: 'light' | 'dark') => Promise<void>;
  }
}

const light = { fg: 'rgb(27, 31, 36)', bg: 'rgb(255, 255, 255)' };
const dark = { fg: 'rgb(230, 237, 243)', bg: 'rgb(13, 17, 23)' };

let root: Root | undefined;
const added: Element[] = [];
afterEach(async () => {
  root?.unmount();
  root = undefined;
  for (const element of added.splice(0)) element.remove();
  await commands.emulateColorScheme('light');
});

function addStyle(css: string) {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  added.push(style);
}

const until = async (check: () => boolean, what: string) => {
  const deadline = performance.now() + 15_000;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
};

/** Mounts <Chat> (no request is made until the reader sends) in a 900 x 600 box of the host page. */
async function mountChat(props: Record<string, string> = {}) {
  const box = document.createElement('div');
  box.style.cssText = 'width: 900px; height: 600px';
  document.body.append(box);
  added.push(box);
  root = createRoot(box);
  root.render(<Chat baseURL="http://127.0.0.1:9/v1" model="any" storageKey={`ck-host-${Math.random()}`} {...props} />);
  await until(() => !!box.querySelector('[data-slot="composer-submit"]'), 'the composer');
  return box.querySelector('[data-slot="chat"]') as HTMLElement;
}

/** What the host page's own elements look like. */
function hostLook() {
  const parts = ['html', 'body', '#host-text', '#host-button', '#host-input'];
  return parts.map((selector) => {
    const style = getComputedStyle(document.querySelector(selector) as Element);
    return { selector, color: style.color, background: style.backgroundColor, scheme: style.colorScheme };
  });
}

function addHostPage() {
  const main = document.createElement('main');
  main.innerHTML = '<p id="host-text">The host page</p><button id="host-button">Host</button><input id="host-input">';
  document.body.append(main);
  added.push(main);
}

it('leaves a light-only host page light in a dark OS, and its chat follows the page (light)', async () => {
  await commands.emulateColorScheme('dark');
  expect(matchMedia('(prefers-color-scheme: dark)').matches).toBe(true);
  addHostPage();
  const before = hostLook();
  addStyle(kitStyles);
  const chat = await mountChat();
  expect(hostLook()).toEqual(before);
  expect(getComputedStyle(document.documentElement).colorScheme).toBe('normal');
  expect(getComputedStyle(document.querySelector('#host-text') as Element).color).toBe('rgb(0, 0, 0)');
  expect(getComputedStyle(chat).color).toBe(light.fg);
  expect(getComputedStyle(chat).backgroundColor).toBe(light.bg);
});

it('follows a host page that declares light and dark, unless data-theme says otherwise', async () => {
  await commands.emulateColorScheme('dark');
  addStyle(':root { color-scheme: light dark }');
  addStyle(kitStyles);
  const chat = await mountChat();
  expect(getComputedStyle(chat).color).toBe(dark.fg);
  expect(getComputedStyle(chat).backgroundColor).toBe(dark.bg);
  chat.setAttribute('data-theme', 'light');
  expect(getComputedStyle(chat).color).toBe(light.fg);
});

it('is dark on a light-only page when data-theme="dark" is on the chat, and the page stays as it was', async () => {
  addHostPage();
  const before = hostLook();
  addStyle(kitStyles);
  const chat = await mountChat({ 'data-theme': 'dark' });
  expect(getComputedStyle(chat).backgroundColor).toBe(dark.bg);
  expect(getComputedStyle(chat.querySelector('[data-slot="composer-input"]') as Element).color).toBe(dark.fg);
  expect(hostLook()).toEqual(before);
});

/** Sizes of the chat's key parts, in CSS pixels. */
function layout(chat: HTMLElement) {
  const size = (selector: string) => {
    const element = chat.querySelector(selector) as HTMLElement;
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return {
      selector,
      width: Math.round(box.width),
      height: Math.round(box.height),
      fontSize: style.fontSize,
      padding: style.padding,
    };
  };
  return [
    size('[data-slot="thread-list"]'),
    size('[data-slot="thread-new"]'),
    size('[data-slot="composer"]'),
    size('[data-slot="composer-input"]'),
    size('[data-slot="composer-submit"]'),
    size('[data-slot="composer-attach"]'),
  ];
}

const hostileHosts = {
  'content-box, a global button rule and a 10 px root': `
    * { box-sizing: content-box }
    button { padding: 20px 30px; border: 6px solid red; font-size: 30px; background: yellow; min-height: 80px }
    html { font-size: 10px }`,
  'border-box everywhere and a reset of buttons and fields': `
    *, ::before, ::after { box-sizing: border-box }
    button, input, textarea { padding: 0; border: 0; font: 12px serif; background: none }
`,
};

for (const [name, hostile] of Object.entries(hostileHosts)) {
  it(`lays out as designed in a host with ${name}`, async () => {
    addStyle(kitStyles);
    const designed = layout(await mountChat());
    expect(designed.find((part) => part.selector.includes('composer-submit'))?.fontSize).toBe('13.6px');
    root?.unmount();
    addStyle(hostile);
    const chat = await mountChat();
    expect(layout(chat)).toEqual(designed);
    const submit = getComputedStyle(chat.querySelector('[data-slot="composer-submit"]') as Element);
    expect(submit.backgroundColor).not.toBe('rgb(255, 255, 0)');
  });
}
