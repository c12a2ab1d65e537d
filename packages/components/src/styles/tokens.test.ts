// The defaults are written twice: tokens.css reads each --ck-* with the kit's default as fallback (the
// page untouched), page.css sets the same defaults on :root for an app that opts its page in.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const read = (name: string) => readFileSync(path.join(import.meta.dirname, name), 'utf8');

it('page.css sets on :root exactly the defaults tokens.css falls back to', () => {
  const fallbacks = Object.fromEntries(
    [...read('tokens.css').matchAll(/--_ck-([\w-]+): var\(--ck-\1, (.+)\);/g)].map((match) => [match[1], match[2]]),
  );
  const page = read('page.css');
  const root = page.slice(page.indexOf(':root {'), page.indexOf('}'));
  const defaults = Object.fromEntries([...root.matchAll(/--ck-([\w-]+): (.+);/g)].map((match) => [match[1], match[2]]));
  // The gap is one exception: the kit's is in its own unit (the page's root font size cannot shrink it).
  expect(fallbacks.gap).toBe('calc(0.5 * var(--ck-rem))');
  expect(defaults.gap).toBe('0.5rem');
  delete fallbacks.gap;
  delete defaults.gap;
  expect(Object.keys(fallbacks).length).toBe(11);
  expect(fallbacks).toEqual(defaults);
});

it('touches no element of the host page: no :root, html, body or bare element rule', () => {
  for (const name of ['tokens.css', 'message.css', 'data.css', 'chat.css', 'chat-controls.css']) {
    const selectors = [
      ...read(name)
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .matchAll(/([^{}]+)\{/g),
    ].map((match) => (match[1] ?? '').trim());
    for (const selector of selectors) {
      if (selector.startsWith('@')) continue;
      expect(selector, `${name}: ${selector}`).toMatch(/^:where\([\s\S]*\[data-slot[\s\S]*\):not\(/);
      expect(selector, `${name}: ${selector}`).not.toMatch(/:root|\bhtml\b|\bbody\b/);
    }
  }
});
