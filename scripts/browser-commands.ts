// Vitest browser commands that watch the page from outside (Playwright), where a page under test
// cannot hide from them: every request any frame makes.
import type { BrowserCommand } from 'vitest/node';

const requests = new Map<string, string[]>();
const watched = new Set<string>();

/** Starts (or restarts) recording the URLs of the session's requests. */
export const startRequestLog: BrowserCommand<[]> = (context) => {
  requests.set(context.sessionId, []);
  if (watched.has(context.sessionId)) return;
  watched.add(context.sessionId);
  const page = (
    context as unknown as { page: { on(event: 'request', call: (request: { url(): string }) => void): void } }
  ).page;
  page.on('request', (request) => requests.get(context.sessionId)?.push(request.url()));
};

/** The URLs requested since startRequestLog. */
export const takeRequestLog: BrowserCommand<[], string[]> = (context) => requests.get(context.sessionId) ?? [];

/** Emulates the system's light or dark preference (prefers-color-scheme) for the session's page. */
export const emulateColorScheme: BrowserCommand<['light' | 'dark']> = async (context, colorScheme) => {
  const page = (context as unknown as { page: { emulateMedia(options: { colorScheme: string }): Promise<void> } }).page;
  await page.emulateMedia({ colorScheme });
};
