import type { ServerResponse } from 'node:http';
import { type EndpointOptions, targetFor } from '@completions-kit/core';
import { HttpError } from '../../http/errors.ts';
import type { UpstreamOptions } from '../../options.ts';
import { createScrubber, type Scrubber, secretsOf } from './scrub.ts';

export const upstreamDefaults = {
  firstByteTimeoutMs: 120_000,
  idleTimeoutMs: 60_000,
  bodyLimitBytes: 64 * 1024 * 1024,
};

// Headers worth passing back to the browser; never cookies or anything naming the key.
const forwardedHeaders = [
  'content-type',
  'x-request-id',
  'apim-request-id',
  'retry-after',
  'retry-after-ms',
  'x-should-retry',
  'openai-processing-ms',
];

/** One request to the provider, under its time limits, with what must never be passed on. */
export interface UpstreamCall {
  response: Response;
  scrubber: Scrubber;
  /** The body's pieces as they arrive; a pause longer than the idle limit throws a 504. */
  chunks(): AsyncGenerator<Uint8Array>;
  /** The whole body as text, scrubbed; over the size limit, a 502 and the request is aborted. */
  text(): Promise<string>;
}

function endpointFor(upstream: UpstreamOptions): EndpointOptions {
  const apiKey = upstream.keyEnv ? process.env[upstream.keyEnv] : undefined;
  return {
    baseURL: upstream.url,
    provider: upstream.provider ?? 'openai',
    ...(apiKey ? { apiKey } : {}),
    ...(upstream.apiVersion ? { apiVersion: upstream.apiVersion } : {}),
    ...(upstream.deployment ? { deployment: upstream.deployment } : {}),
  };
}

const timeout = (code: string, message: string) => new HttpError(504, message, null, code, 'server_error');

/**
 * Sends a request to the provider with the key held here. `controller` aborts it (the client
 * left); the first-byte limit aborts it too, answered as a 504.
 */
export async function callUpstream(
  upstream: UpstreamOptions,
  path: string,
  init: { method: string; body?: unknown; model?: string | undefined; stream?: boolean; controller: AbortController },
): Promise<UpstreamCall> {
  const endpoint = endpointFor(upstream);
  const { url, headers } = targetFor(endpoint, path, undefined, init.model);
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.stream) headers.accept = 'text/event-stream';
  const { controller } = init;
  const limits = { ...upstreamDefaults, ...definedOnly(upstream) };
  const timer = setTimeout(
    () =>
      controller.abort(
        timeout(
          'upstream_timeout',
          `The upstream provider sent nothing within ${limits.firstByteTimeoutMs} ms. Try again later.`,
        ),
      ),
    limits.firstByteTimeoutMs,
  );
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method,
      headers,
      body: init.body === undefined ? null : JSON.stringify(init.body),
      signal: controller.signal,
    });
  } catch (error) {
    throw failure(controller, error, 'upstream_unreachable');
  } finally {
    clearTimeout(timer);
  }
  const scrubber = createScrubber(secretsOf(endpoint.apiKey, headers));
  const chunks = () => readChunks(response, controller, limits.idleTimeoutMs);
  return {
    response,
    scrubber,
    chunks,
    text: () => readCapped(response, chunks(), controller, limits.bodyLimitBytes, scrubber),
  };
}

function definedOnly(upstream: UpstreamOptions): Partial<typeof upstreamDefaults> {
  return Object.fromEntries(
    Object.keys(upstreamDefaults)
      .map((key) => [key, upstream[key as keyof typeof upstreamDefaults]])
      .filter(([, value]) => value !== undefined),
  );
}

/** Our own limit (an HttpError as the abort reason), the client leaving, or the provider failing. */
function failure(controller: AbortController, error: unknown, code: string): unknown {
  if (controller.signal.reason instanceof HttpError) return controller.signal.reason;
  if (controller.signal.aborted) return error;
  return new HttpError(
    502,
    `The upstream provider could not be reached: ${(error as Error).message}`,
    null,
    code,
    'server_error',
  );
}

async function* readChunks(response: Response, controller: AbortController, idleMs: number) {
  if (!response.body) return;
  const reader = response.body.getReader();
  while (true) {
    const timer = setTimeout(
      () =>
        controller.abort(
          timeout('upstream_idle_timeout', `The upstream provider stopped sending for ${idleMs} ms. Try again.`),
        ),
      idleMs,
    );
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await reader.read();
    } catch (error) {
      throw failure(controller, error, 'upstream_broke_off');
    } finally {
      clearTimeout(timer);
    }
    if (result.done) return;
    yield result.value;
  }
}

async function readCapped(
  response: Response,
  chunks: AsyncGenerator<Uint8Array>,
  controller: AbortController,
  limit: number,
  scrubber: Scrubber,
): Promise<string> {
  const tooLarge = new HttpError(
    502,
    `The upstream provider's answer is larger than ${limit} bytes, the proxy's limit (--upstream-body-limit).`,
    null,
    'upstream_response_too_large',
    'server_error',
  );
  if (Number(response.headers.get('content-length')) > limit) {
    controller.abort(tooLarge);
    throw tooLarge;
  }
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > limit) {
      controller.abort(tooLarge);
      throw tooLarge;
    }
    parts.push(chunk);
  }
  return scrubber.text(Buffer.concat(parts).toString('utf8'));
}

/** Passes the provider's status and the few headers worth having, scrubbed. */
export function copyHeaders(call: UpstreamCall, to: ServerResponse, status = call.response.status): void {
  const headers: Record<string, string> = {};
  for (const name of forwardedHeaders) {
    const value = call.response.headers.get(name);
    if (value !== null) headers[name] = call.scrubber.text(value);
  }
  to.writeHead(status, headers);
}
