import { apiErrorFromBody, ChatCompletionsError, requestIdOf } from './errors.ts';
import { type EndpointOptions, targetFor } from './providers.ts';
import { isRetryableStatus, retryDelayMs, sleep } from './retry.ts';

export interface TransportOptions {
  endpoints: EndpointOptions[];
  fetch: typeof fetch;
  maxRetries: number;
  timeoutMs: number;
  onRetry: ((info: RetryInfo) => void) | undefined;
}

/** Told to `onRetry` before each new try: which failure, how long the wait, which endpoint is next. */
export interface RetryInfo {
  error: ChatCompletionsError;
  /** Tries made so far. */
  attempt: number;
  delayMs: number;
  endpointIndex: number;
}

/** Which endpoint answered and how: kept beside results (see `responseInfo`), never inside them. */
export interface ResponseInfo {
  endpointIndex: number;
  endpointName: string;
  baseURL: string;
  status: number;
  requestId: string | null;
  /** Tries it took, counting every endpoint tried. */
  attempts: number;
  headers: Headers;
}

export interface RequestSpec {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  query?: URLSearchParams;
  body?: unknown;
  model?: string;
  stream?: boolean;
  signal?: AbortSignal | undefined;
}

export interface Sent {
  response: Response;
  controller: AbortController;
  info: ResponseInfo;
  startedAt: number;
  /** The whole body, read inside the retry loop, for requests that do not stream. */
  text: string;
}

const infos = new WeakMap<object, ResponseInfo>();

/** Which endpoint answered a result of the client (a completion, a page, a stream), with status and request id. */
export function responseInfo(result: object): ResponseInfo | undefined {
  return infos.get(result);
}

export function rememberInfo<T extends object>(result: T, info: ResponseInfo): T {
  infos.set(result, info);
  return result;
}

function abortError(): ChatCompletionsError {
  return new ChatCompletionsError('abort', 'The request was aborted.');
}

function isRetryable(error: ChatCompletionsError): boolean {
  if (error.kind === 'connection' || error.kind === 'timeout') return true;
  return (
    error.kind === 'api' && error.status !== undefined && isRetryableStatus(error.status, error.headers as Headers)
  );
}

/**
 * Sends one request with retries and fallback. A retryable failure (connection, timeout, 408, 409,
 * 429, 5xx, or `x-should-retry: true`) moves to the next endpoint at once; when the last one fails,
 * the list is tried again after a backoff, up to `maxRetries` more rounds. Nothing is retried after
 * an abort, and a stream is never retried once its body has started: this resolves at its headers.
 */
export async function send(transport: TransportOptions, spec: RequestSpec): Promise<Sent> {
  const { endpoints, maxRetries } = transport;
  let attempts = 0;
  for (let round = 0; ; round++) {
    for (let index = 0; index < endpoints.length; index++) {
      attempts++;
      try {
        return await attempt(transport, spec, index, attempts);
      } catch (caught) {
        const error = caught as ChatCompletionsError;
        const lastOfRound = index === endpoints.length - 1;
        if (!isRetryable(error) || (lastOfRound && round >= maxRetries)) throw error;
        const delayMs = lastOfRound ? retryDelayMs(round, error.headers) : 0;
        transport.onRetry?.({ error, attempt: attempts, delayMs, endpointIndex: lastOfRound ? 0 : index + 1 });
        if (delayMs > 0) await sleep(delayMs, spec.signal).catch(() => Promise.reject(abortError()));
      }
    }
  }
}

async function attempt(transport: TransportOptions, spec: RequestSpec, index: number, attempts: number): Promise<Sent> {
  const endpoint = transport.endpoints[index] as EndpointOptions;
  const { url, headers } = targetFor(endpoint, spec.path, spec.query, spec.model);
  if (spec.body !== undefined) headers['content-type'] = 'application/json';
  if (spec.stream) headers.accept = 'text/event-stream';
  const userSignal = spec.signal;
  if (userSignal?.aborted) throw abortError();
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  userSignal?.addEventListener('abort', onAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, transport.timeoutMs);
  const startedAt = performance.now();
  try {
    const response = await transport.fetch(url, {
      method: spec.method,
      headers,
      body: spec.body === undefined ? null : JSON.stringify(spec.body),
      signal: controller.signal,
    });
    if (!response.ok) throw apiErrorFromBody(response.status, await response.text(), response.headers);
    const info: ResponseInfo = {
      endpointIndex: index,
      endpointName: endpoint.name ?? String(index),
      baseURL: endpoint.baseURL,
      status: response.status,
      requestId: requestIdOf(response.headers),
      attempts,
      headers: response.headers,
    };
    // A body that breaks off while being read counts as a connection error, so it is retried.
    const text = spec.stream ? await checkEventStream(response) : await response.text();
    return { response, controller, info, startedAt, text };
  } catch (error) {
    if (userSignal?.aborted) throw abortError();
    if (error instanceof ChatCompletionsError) throw error;
    if (timedOut) {
      throw new ChatCompletionsError('timeout', `No response within ${transport.timeoutMs} ms.`, { phase: 'headers' });
    }
    const message = `Could not reach ${endpoint.baseURL}: ${(error as Error).message ?? error}`;
    throw new ChatCompletionsError('connection', message, { cause: error });
  } finally {
    clearTimeout(timer);
    userSignal?.removeEventListener('abort', onAbort);
  }
}

/** A stream request answered with JSON or HTML instead of events: say so rather than parse it. */
async function checkEventStream(response: Response): Promise<string> {
  const type = response.headers.get('content-type') ?? '';
  if (!/json|html/i.test(type)) return '';
  const text = await response.text();
  if (/json/i.test(type) && text.includes('"error"')) throw apiErrorFromBody(response.status, text, response.headers);
  throw new ChatCompletionsError('malformed', `Expected an event stream but got ${type.split(';')[0]}.`, {
    status: response.status,
    headers: response.headers,
  });
}
