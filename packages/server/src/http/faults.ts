import type { IncomingMessage } from 'node:http';
import { HttpError } from './errors.ts';

/**
 * Faults a test can ask for with an `x-ck-fault` header, when the server was started with faults
 * on (never in proxy mode). Example: `x-ck-fault: close-after=3` or
 * `x-ck-fault: status=429; retry-after=1; times=1; key=retry-test`.
 */
export interface Fault {
  /** Destroy the socket after this many chunks (a reset mid-stream). */
  closeAfter?: number;
  /** End the body cleanly after this many chunks, without [DONE] (an incomplete stream). */
  endAfter?: number;
  /** Send an error event after this many chunks. */
  errorAfter?: number;
  /** Pause this long after the first chunk. */
  stallMs?: number;
  /** Pace this stream's chunks this many ms apart, whatever the server's pace. */
  paceMs?: number;
  /** Wait this long before handling the request at all (any endpoint): a slow server. */
  delayMs?: number;
  /** Answer with this status instead (with `retry-after` and `should-retry` headers if given). */
  status?: number;
  retryAfter?: string;
  shouldRetry?: string;
}

const failures = new Map<string, number>();
const parsed = new WeakMap<IncomingMessage, Fault | null>();

/** The request's fault, read once: a `times` budget must not be spent twice by one request. */
export function parseFault(request: IncomingMessage, enabled: boolean): Fault | null {
  if (parsed.has(request)) return parsed.get(request) ?? null;
  const fault = readFault(request, enabled);
  parsed.set(request, fault);
  return fault;
}

function readFault(request: IncomingMessage, enabled: boolean): Fault | null {
  const header = request.headers['x-ck-fault'];
  if (typeof header !== 'string' || header === '') return null;
  if (!enabled) throw new HttpError(400, 'Fault injection is off on this server.', null, 'faults_disabled');
  const fields = new Map(
    header.split(';').map((pair) => {
      const [key = '', value = ''] = pair.split('=').map((part) => part.trim());
      return [key, value] as const;
    }),
  );
  const number = (key: string) => (fields.has(key) ? Number(fields.get(key)) : undefined);
  const fault: Fault = {};
  const assign = <K extends keyof Fault>(key: K, value: Fault[K] | undefined) => {
    if (value !== undefined && !(typeof value === 'number' && Number.isNaN(value))) fault[key] = value;
  };
  assign('closeAfter', number('close-after'));
  assign('endAfter', number('end-after'));
  assign('errorAfter', number('error-after'));
  assign('stallMs', number('stall-ms'));
  assign('paceMs', number('pace-ms'));
  assign('delayMs', number('delay-ms'));
  assign('retryAfter', fields.get('retry-after'));
  assign('shouldRetry', fields.get('should-retry'));
  const status = number('status');
  // `times=N; key=K`: only the first N requests carrying key K fail, so a retry can then succeed.
  const times = number('times');
  const key = fields.get('key');
  if (status !== undefined) {
    const used = key ? (failures.get(key) ?? 0) : 0;
    if (times === undefined || used < times) {
      if (key) failures.set(key, used + 1);
      fault.status = status;
    }
  }
  return fault;
}

export function faultStatusError(fault: Fault): HttpError | null {
  if (fault.status === undefined) return null;
  const headers: Record<string, string> = {};
  if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter;
  if (fault.shouldRetry !== undefined) headers['x-should-retry'] = fault.shouldRetry;
  const rateLimited = fault.status === 429;
  return new HttpError(
    fault.status,
    rateLimited ? 'Rate limit reached (injected fault).' : `Injected fault: status ${fault.status}.`,
    null,
    rateLimited ? 'rate_limit_exceeded' : 'injected_fault',
    rateLimited ? 'requests' : fault.status >= 500 ? 'server_error' : 'invalid_request_error',
    headers,
  );
}
