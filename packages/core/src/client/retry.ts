/** Retry policy as the official SDKs promise it. */

const INITIAL_DELAY_MS = 500;
const MAX_DELAY_MS = 8000;
const MAX_HINT_MS = 60_000;

/** Whether an error status may be retried. A server's `x-should-retry` overrides the status rule. */
export function isRetryableStatus(status: number, headers: Headers): boolean {
  const shouldRetry = headers.get('x-should-retry');
  if (shouldRetry === 'true') return true;
  if (shouldRetry === 'false') return false;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** The server's requested wait, from `retry-after-ms`, else `retry-after` (seconds or an HTTP date). */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | null {
  if (!headers) return null;
  let wait: number | null = null;
  const milliseconds = headers.get('retry-after-ms');
  if (milliseconds !== null && milliseconds.trim() !== '') wait = Number(milliseconds);
  const after = headers.get('retry-after');
  if ((wait === null || Number.isNaN(wait)) && after !== null && after.trim() !== '') {
    const seconds = Number(after);
    wait = Number.isNaN(seconds) ? Date.parse(after) - now : seconds * 1000;
  }
  // Hints outside 0-60 s are ignored (as the SDKs do): a bad header must not stall a client.
  if (wait === null || Number.isNaN(wait) || wait < 0 || wait > MAX_HINT_MS) return null;
  return wait;
}

/**
 * The wait before retry number `retry` (0 for the first): the server's hint when it gives a sane one,
 * else exponential backoff from 0.5 s to 8 s, less up to 25 % jitter so clients spread out.
 */
export function retryDelayMs(retry: number, headers?: Headers, random: () => number = Math.random): number {
  const hinted = retryAfterMs(headers);
  if (hinted !== null) return hinted;
  const base = Math.min(INITIAL_DELAY_MS * 2 ** retry, MAX_DELAY_MS);
  return base * (1 - random() * 0.25);
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
