// What the hostile-output suite watches in the page while a case renders: dangerous elements and
// attributes at any moment (a MutationObserver sees each one as it is added), long tasks (the Long
// Tasks API), errors, and calls a payload would make if it ever ran.

const forbiddenElements = new Set([
  'script',
  'iframe',
  'object',
  'embed',
  'frame',
  'form',
  'base',
  'meta',
  'link',
  'style',
  'svg',
  'math',
  'template',
]);
const forbiddenAttributes = new Set([
  'srcdoc',
  'formaction',
  'action',
  'srcset',
  'xlink:href',
  'poster',
  'background',
  'ping',
  'data',
]);
const rasterData = /^data:image\/(png|jpeg|gif|webp|avif);base64,/i;

function srcAllowed(element: Element, value: string): boolean {
  if (element.localName === 'img') return rasterData.test(value);
  if (element.localName === 'audio') return /^data:audio\/(wav|mpeg);base64,/.test(value) || value.startsWith('blob:');
  return false;
}

/** Everything dangerous about one element: a script-capable element, a handler, a URL that runs or loads. */
export function dangersOf(element: Element): string[] {
  const found: string[] = [];
  const name = element.localName;
  if (forbiddenElements.has(name)) found.push(`<${name}>`);
  for (const { name: attribute, value } of Array.from(element.attributes)) {
    const key = attribute.toLowerCase();
    if (key.startsWith('on') || forbiddenAttributes.has(key)) found.push(`${name}[${key}]`);
    if (key === 'style' && /url\(|expression|@import/i.test(value)) found.push(`${name}[style=${value}]`);
    if (
      key === 'href' &&
      !/^(https?:|mailto:)/i.test(value) &&
      !(element.hasAttribute('download') && /^(data|blob):/.test(value))
    )
      found.push(`${name}[href=${value.slice(0, 60)}]`);
    if (key === 'src' && !srcAllowed(element, value))
      found.push(`${name}[src=${value.slice(0, 60)}] (loads with no click)`);
  }
  const rel = element.getAttribute('rel') ?? '';
  if (name === 'a' && element.getAttribute('target') === '_blank' && !(/noopener/.test(rel) && /noreferrer/.test(rel)))
    found.push('a[target=_blank] without rel="noopener noreferrer"');
  return found;
}

/** dangersOf for an element and everything inside it. */
export function dangersIn(root: Element): string[] {
  return [root, ...Array.from(root.querySelectorAll('*'))].flatMap(dangersOf);
}

export interface Watch {
  dangers: string[];
  errors: string[];
  /** Durations of long tasks since the watch started. */
  longTasks(): number[];
  stop(): void;
}

const longTasks: PerformanceEntry[] = [];
let observer: PerformanceObserver | undefined;

/** Starts watching a container (and the document head) for danger, errors and long tasks. */
export function watch(container: Element): Watch {
  if (!observer) {
    observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
    observer.observe({ type: 'longtask', buffered: true });
  }
  const since = performance.now();
  const dangers: string[] = [];
  const errors: string[] = [];
  const mutations = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes' && record.target instanceof Element) dangers.push(...dangersOf(record.target));
      for (const node of Array.from(record.addedNodes)) if (node instanceof Element) dangers.push(...dangersIn(node));
    }
  });
  mutations.observe(container, { childList: true, subtree: true, attributes: true });
  mutations.observe(document.head, { childList: true, subtree: true });
  const onError = (event: ErrorEvent | PromiseRejectionEvent) =>
    errors.push(String('reason' in event ? event.reason : event.message));
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onError);
  return {
    dangers,
    errors,
    longTasks: () => {
      // Entries wait for the observer's next callback: taken now, so none is missed.
      longTasks.push(...(observer?.takeRecords() ?? []));
      return longTasks.filter((task) => task.startTime >= since).map((task) => task.duration);
    },
    stop() {
      for (const record of mutations.takeRecords())
        for (const node of Array.from(record.addedNodes)) if (node instanceof Element) dangers.push(...dangersIn(node));
      mutations.disconnect();
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onError);
    },
  };
}

/** Calls a payload would make if it ran: counted instead of shown. */
export const payloadCalls: string[] = [];
export function trapPayloads() {
  for (const name of ['alert', 'confirm', 'prompt', 'print', 'open'] as const) {
    Object.assign(window, { [name]: (...args: unknown[]) => payloadCalls.push(`${name}(${args.join(',')})`) });
  }
}

// Characters that must never reach the reader raw (bidi controls, tag characters outside a flag).
const rawHidden =
  /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|(?<!\u{1F3F4}[\u{E0000}-\u{E007F}]*)[\u{E0000}-\u{E007F}]/u;

/** Where the container shows a hidden character raw: in its text, a title or an aria-label. */
export function rawHiddenIn(container: Element): string[] {
  const places = [['text', container.textContent ?? '']];
  for (const element of Array.from(container.querySelectorAll('[title], [aria-label]'))) {
    places.push([`${element.localName} title`, element.getAttribute('title') ?? '']);
    places.push([`${element.localName} aria-label`, element.getAttribute('aria-label') ?? '']);
  }
  return places.filter(([, text]) => rawHidden.test(text as string)).map(([place]) => place as string);
}
