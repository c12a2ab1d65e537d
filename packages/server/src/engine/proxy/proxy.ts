import type { ServerResponse } from 'node:http';
import { type ChatCompletion, ChatCompletionStream } from '@completions-kit/core';
import type { ServerContext } from '../../context.ts';
import { HttpError } from '../../http/errors.ts';
import { endStreamWithError } from '../../http/sse.ts';
import type { UpstreamOptions } from '../../options.ts';
import { storeCompletion } from '../../storage/store-completion.ts';
import type { CreateRequest } from '../../validation/create-params.ts';
import { callUpstream, copyHeaders, type UpstreamCall } from './upstream.ts';

/**
 * Proxies a create request. Streams pass through as they arrive, without buffering, scrubbed of
 * the key; a client that leaves aborts the upstream request, unless it asked to be stored: then
 * the answer is read to its end (or a time limit) and recorded here, so the stored endpoints work
 * even for providers without them.
 */
export async function proxyCreate(
  context: ServerContext,
  response: ServerResponse,
  create: CreateRequest,
): Promise<void> {
  const upstream = context.options.upstream as UpstreamOptions;
  const controller = new AbortController();
  response.on('close', () => {
    if (!response.writableFinished && !create.store) controller.abort();
  });
  const body: Record<string, unknown> = { ...create.body };
  // Only OpenAI itself knows `store` and `metadata`; other providers may refuse them.
  if ((upstream.provider ?? 'openai') !== 'openai') {
    delete body.store;
    delete body.metadata;
  }
  const call = await callUpstream(upstream, '/chat/completions', {
    method: 'POST',
    body,
    model: create.model,
    controller,
    stream: create.stream,
  });
  const { response: answer } = call;
  const isStream = (answer.headers.get('content-type') ?? '').startsWith('text/event-stream');
  if (!answer.ok || !create.stream || !answer.body || !isStream) {
    const text = await call.text();
    if (answer.ok && create.store) await storeParsed(context, create, text);
    if (response.destroyed) return;
    copyHeaders(call, response);
    response.end(text);
    return;
  }
  copyHeaders(call, response);
  response.flushHeaders();
  await relayStream(context, call, response, create);
}

/** The stream to the client (while it stays) and to the recorder (with `store: true`). */
async function relayStream(
  context: ServerContext,
  call: UpstreamCall,
  response: ServerResponse,
  create: CreateRequest,
): Promise<void> {
  const recorder = create.store ? recordStream() : null;
  const scrub = call.scrubber.stream();
  const decoder = new TextDecoder();
  const pass = async (text: string) => {
    recorder?.push(text);
    if (text && !response.destroyed && !response.writableEnded && !response.write(text)) await drained(response);
  };
  try {
    for await (const chunk of call.chunks()) await pass(scrub.push(decoder.decode(chunk, { stream: true })));
    await pass(scrub.push(decoder.decode()) + scrub.flush());
  } catch (error) {
    recorder?.fail(error as Error);
    // Our own limit, or the provider breaking off: the client is told, in the stream.
    if (error instanceof HttpError) endStreamWithError(response, shapeOf(error));
    else response.destroy();
    return;
  }
  if (recorder) {
    try {
      await storeCompletion(context.store, create, await recorder.done());
    } catch {
      // A stream that ended in an error or incomplete is not stored, as the API would not store it.
    }
  }
  if (!response.destroyed) response.end();
}

const shapeOf = (error: HttpError) => ({
  message: error.message,
  type: error.type,
  param: error.param,
  code: error.code,
});

/** Folds the (scrubbed) stream into the completion it describes, with the kit's own accumulator. */
function recordStream() {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start: (created) => {
      controller = created;
    },
  });
  const final = new ChatCompletionStream(new Response(body)).finalCompletion();
  final.catch(() => undefined);
  // The accumulator stops reading at [DONE]; what comes after (nothing, normally) is not its business.
  const quietly = (action: () => void) => {
    try {
      action();
    } catch {}
  };
  return {
    push: (text: string) => text && quietly(() => controller.enqueue(encoder.encode(text))),
    fail: (error: Error) => quietly(() => controller.error(error)),
    done: (): Promise<ChatCompletion> => {
      quietly(() => controller.close());
      return final as Promise<ChatCompletion>;
    },
  };
}

function drained(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}

async function storeParsed(context: ServerContext, create: CreateRequest, text: string): Promise<void> {
  try {
    await storeCompletion(context.store, create, JSON.parse(text) as ChatCompletion);
  } catch {
    // A body that is not a completion is passed on but not stored.
  }
}
