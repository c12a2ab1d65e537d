// What a reader of a docs page sees, checked in the page itself: Markdown that did not render (a raw
// table row), a demo in the browser's default serif, a button with the browser's default look, and
// the tasks that froze the tab while the page opened.
import type { BrowserContext, Page } from 'playwright-core';

/** A task this long freezes the tab: the page fails. */
export const freezeMs = 1000;
/** A task this long is felt as a hitch: reported, not failed. */
export const reportMs = 200;

/** Records every long task (50 ms or more, the browser's own threshold) of each page the context opens. */
export async function recordLongTasks(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const tasks: number[] = [];
    (window as unknown as { __ckLongTasks: number[] }).__ckLongTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** The long tasks since the page opened, in milliseconds. */
export function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => [...((window as unknown as { __ckLongTasks?: number[] }).__ckLongTasks ?? [])]);
}

export interface ReaderFindings {
  rawTableRows: string[];
  serifText: string[];
  defaultButtons: string[];
}

/** Reads the docs page as a reader would; each list names up to three offending places. */
export async function readPage(page: Page): Promise<ReaderFindings> {
  // tsx keeps function names with a __name helper that the page does not have: give it one.
  await page.evaluate('window.__name ??= (target) => target');
  return page.evaluate(() => {
    const docs = document.querySelector('#storybook-docs') as HTMLElement;
    const visible = (element: Element) => (element as HTMLElement).offsetParent !== null;
    const describe = (element: Element) => {
      const slot = element.closest('[data-slot]')?.getAttribute('data-slot');
      const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${element.tagName.toLowerCase()}${slot ? ` in [data-slot=${slot}]` : ''} "${text}"`;
    };
    // Text a reader reads: every text node outside code listings (a listing may show Markdown source).
    const walker = document.createTreeWalker(docs, NodeFilter.SHOW_TEXT);
    const rawTableRows: string[] = [];
    const serif = new Set<Element>();
    const defaultSerif = /^"?(times new roman|times|serif|tinos|liberation serif|dejavu serif|nimbus roman)"?$/i;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim() || parent.closest('pre, textarea, script, style')) continue;
      if (/\|\s*:?-{3,}:?\s*\|/.test(node.textContent)) rawTableRows.push(node.textContent.trim().slice(0, 60));
      const first = getComputedStyle(parent).fontFamily.split(',')[0]?.trim() ?? '';
      if (defaultSerif.test(first) && visible(parent)) serif.add(parent);
    }
    // The browser's own button: its outset border, or the system ButtonFace behind it.
    const probe = document.createElement('span');
    probe.style.background = 'ButtonFace';
    docs.append(probe);
    const buttonFace = getComputedStyle(probe).backgroundColor;
    probe.remove();
    const defaultButtons = [...docs.querySelectorAll('button, input[type="button"], input[type="submit"]')]
      .filter((button) => {
        if (!visible(button)) return false;
        const style = getComputedStyle(button);
        return style.borderTopStyle === 'outset' || style.backgroundColor === buttonFace;
      })
      .map(describe);
    return {
      rawTableRows: rawTableRows.slice(0, 3),
      serifText: [...serif].slice(0, 3).map(describe),
      defaultButtons: defaultButtons.slice(0, 3),
    };
  });
}

/** The problems a reader would notice, as lines for the report. */
export function readerProblems(findings: ReaderFindings, tasks: readonly number[]): string[] {
  const problems: string[] = [];
  for (const row of findings.rawTableRows) problems.push(`raw Markdown table row in the text: ${row}`);
  for (const place of findings.serifText) problems.push(`text in the browser's default serif: ${place}`);
  for (const place of findings.defaultButtons) problems.push(`a button with the browser's default look: ${place}`);
  for (const task of tasks.filter((duration) => duration >= freezeMs))
    problems.push(`a task of ${task} ms froze the tab (limit: under ${freezeMs} ms)`);
  return problems;
}
