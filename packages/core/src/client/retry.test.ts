import { describe, expect, it } from 'vitest';
import { isRetryableStatus, retryAfterMs, retryDelayMs } from './retry.ts';

describe('retry policy', () => {
  it('retries 408, 409, 429 and 5xx, and obeys x-should-retry', () => {
    const none = new Headers();
    expect(
      [400, 401, 403, 404, 408, 409, 422, 429, 500, 502, 503].filter((status) => isRetryableStatus(status, none)),
    ).toEqual([408, 409, 429, 500, 502, 503]);
    expect(isRetryableStatus(503, new Headers({ 'x-should-retry': 'false' }))).toBe(false);
    expect(isRetryableStatus(400, new Headers({ 'x-should-retry': 'true' }))).toBe(true);
  });

  it('reads retry-after-ms before retry-after, as seconds or an HTTP date', () => {
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }))).toBe(250);
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }))).toBe(2000);
    const now = Date.parse('2026-11-22T12:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after': 'Sun, 22 Nov 2026 12:00:03 GMT' }), now)).toBe(3000);
  });

  it('ignores hints outside 0-60 s and nonsense', () => {
    expect(retryAfterMs(new Headers({ 'retry-after': '61' }))).toBeNull();
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '-5' }))).toBeNull();
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }))).toBeNull();
    expect(retryAfterMs(new Headers({ 'retry-after-ms': 'x', 'retry-after': '1' }))).toBe(1000);
  });

  it('backs off exponentially from 0.5 s to 8 s with up to 25 % jitter', () => {
    const none = new Headers();
    expect([0, 1, 2, 3, 4, 5, 9].map((retry) => retryDelayMs(retry, none, () => 0))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
    expect(retryDelayMs(0, none, () => 1)).toBe(375);
    expect(retryDelayMs(3, new Headers({ 'retry-after': '120' }), () => 0)).toBe(4000);
  });
});
