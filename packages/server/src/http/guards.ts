import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from './errors.ts';

export interface GuardOptions {
  /** Extra Host names accepted besides localhost, 127.0.0.1 and [::1] (any port). */
  allowedHosts: string[];
  /** Origins allowed to call from a browser. Default: any localhost origin. `*` allows all. */
  allowedOrigins: string[];
  accessToken: string | undefined;
}

const loopbackHost = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;
const loopbackOrigin = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;

/** A foreign Host means DNS rebinding: a page on another name reaching this loopback server. */
export function checkHost(request: IncomingMessage, options: GuardOptions): void {
  const host = request.headers.host ?? '';
  const name = host.replace(/:\d+$/, '').toLowerCase();
  if (loopbackHost.test(host) || options.allowedHosts.includes(name)) return;
  throw new HttpError(403, 'This host name is not allowed (DNS rebinding protection).', null, 'forbidden_host');
}

/** Allows listed (or local) browser origins and answers preflights; refuses any other origin. */
export function applyCors(request: IncomingMessage, response: ServerResponse, options: GuardOptions): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  const allowed =
    options.allowedOrigins.includes('*') ||
    options.allowedOrigins.includes(origin) ||
    (options.allowedOrigins.length === 0 && loopbackOrigin.test(origin));
  if (!allowed) throw new HttpError(403, `Origin ${origin.slice(0, 100)} is not allowed.`, null, 'forbidden_origin');
  response.setHeader('access-control-allow-origin', origin);
  response.setHeader('vary', 'Origin');
  response.setHeader('access-control-expose-headers', 'x-request-id, retry-after, x-ck-engine');
  if (request.method === 'OPTIONS') {
    response.writeHead(204, {
      'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
      'access-control-allow-headers': 'authorization, api-key, content-type, x-ck-fault',
      'access-control-max-age': '600',
    });
    response.end();
    return true;
  }
  return false;
}

/** When an access token is set, every /v1 request must carry it (Bearer or api-key header). */
export function checkAccessToken(request: IncomingMessage, options: GuardOptions): void {
  const expected = options.accessToken;
  if (!expected) return;
  const header = request.headers.authorization ?? '';
  const given = header.startsWith('Bearer ') ? header.slice(7) : String(request.headers['api-key'] ?? '');
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  if (a.length === b.length && timingSafeEqual(a, b)) return;
  const message = given
    ? 'Incorrect access token provided.'
    : 'Missing access token: send it as Authorization: Bearer <token>.';
  throw new HttpError(401, message, null, 'invalid_api_key');
}

/** A token bucket per client address: `limit` requests per `windowMs`, refilled smoothly. */
export function createRateLimiter(limit: number, windowMs: number) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return (request: IncomingMessage): void => {
    if (limit <= 0) return;
    const key = request.socket.remoteAddress ?? 'unknown';
    const now = Date.now();
    const bucket = buckets.get(key) ?? { tokens: limit, at: now };
    bucket.tokens = Math.min(limit, bucket.tokens + ((now - bucket.at) * limit) / windowMs);
    bucket.at = now;
    buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return;
    }
    const retryAfter = Math.max(1, Math.ceil(((1 - bucket.tokens) * windowMs) / limit / 1000));
    throw new HttpError(
      429,
      `Rate limit reached: ${limit} requests per ${windowMs / 1000} s. Retry after ${retryAfter} s.`,
      null,
      'rate_limit_exceeded',
      'requests',
      {
        'retry-after': String(retryAfter),
      },
    );
  };
}
