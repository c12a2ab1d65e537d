import type { ServerResponse } from 'node:http';
import { type ChatCompletion, ChatCompletionStream, type EndpointOptions, targetFor } from '@completions-kit/core';
import type { ServerContext } from '../../context.ts';
import { HttpError } from '../../http/errors.ts';
import type { UpstreamOptions } from '../../options.ts';
import { storeCompletion } from '../../storage/store-completion.ts';
import type { CreateRequest } from '../../validation/create-params.ts';

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

/** Sends a request to the provider with the key held here. The browser never sees the key. */
export async function forward(
  upstream: UpstreamOptions,
  path: string,
  init: { method: string; body?: unknown; model?: string | undefined; signal: AbortSignal; stream?: boolean },
): Promise<Response> {
  const { url, headers } = targetFor(endpointFor(upstream), path, undefined, init.model);
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.stream) headers.accept = 'text/event-stream';
  try {
    return await fetch(url, {
      method: init.method,
      headers,
      body: init.body === undefined ? null : JSON.stringify(init.body),
      signal: init.signal,
    });
  } catch (error) {
    if (init.signal.aborted) throw error;
    throw new HttpError(
      502,
      `The upstream provider could not be reached: ${(error as Error).message}`,
      null,
      'upstream_unreachable',
      'server_error',
    );
  }
}

export function copyHeaders(from: Response, to: ServerResponse, status = from.status): void {
  const headers: Record<string, string> = {};
  for (const name of forwardedHeaders) {
    const value = from.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  to.writeHead(status, headers);
}

/**
 * Proxies a create request. Streams pass through as they arrive, without buffering; a client that
 * leaves aborts the upstream request; `store: true` completions are recorded here, so the stored
 * endpoints work even for providers without them.
 */
export async function proxyCreate(
  context: ServerContext,
  response: ServerResponse,
  create: CreateRequest,
): Promise<void> {
  const upstream = context.options.upstream as UpstreamOptions;
  const controller = new AbortController();
  response.on('close', () => {
    if (!response.writableFinished) controller.abort();
  });
  const body: Record<string, unknown> = { ...create.body };
  // Only OpenAI itself knows `store` and `metadata`; other providers may refuse them.
  if ((upstream.provider ?? 'openai') !== 'openai') {
    delete body.store;
    delete body.metadata;
  }
  const answer = await forward(upstream, '/chat/completions', {
    method: 'POST',
    body,
    model: create.model,
    signal: controller.signal,
    stream: create.stream,
  });
  if (!answer.ok || !create.stream || !answer.body) {
    const text = await answer.text();
    copyHeaders(answer, response);
    response.end(text);
    if (answer.ok && create.store) await storeParsed(context, create, text);
    return;
  }
  copyHeaders(answer, response);
  response.flushHeaders();
  const [toClient, toRecord] = answer.body.tee();
  const recorded = create.store
    ? new ChatCompletionStream(new Response(toRecord)).finalCompletion()
    : toRecord.cancel();
  const reader = toClient.getReader();
  try {
    while (true) {
      const { value, done } = await reader.read();
      if (done) break;
      if (!response.write(value)) await new Promise((resolve) => response.once('drain', resolve));
    }
  } catch {
    // The client left (and the upstream request was aborted) or the upstream broke off.
    response.destroy();
    return;
  }
  if (create.store) {
    try {
      await storeCompletion(context.store, create, (await recorded) as ChatCompletion);
    } catch {
      // A stream that ended in an error or incomplete is not stored, as the API would not store it.
    }
  }
  response.end();
}

async function storeParsed(context: ServerContext, create: CreateRequest, text: string): Promise<void> {
  try {
    await storeCompletion(context.store, create, JSON.parse(text) as ChatCompletion);
  } catch {
    // A body that is not a completion is passed on but not stored.
  }
}
