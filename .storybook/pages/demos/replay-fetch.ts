// A fetch for the docs pages: it answers the Chat Completions endpoints with recorded traffic of the
// real API (see ../../recorded-fixtures.ts), so the hooks run end to end in a static page with no
// server. Named for what it is: a replay, used only where no server can exist.

import { responses, streams } from 'virtual:ck-recorded';
import { createChatCompletionsClient } from '../../../packages/core/src/index.ts';
import { inPageCompletion } from './in-page-model.ts';

/** The recordings carry no timing; events are spaced this far apart so the stream can be watched. */
export const EVENT_SPACING_MS = 60;

export const hasRecordings = Object.keys(streams).length > 0 && Object.keys(responses).length > 0;

function sseBody(text: string, signal: AbortSignal | null | undefined): ReadableStream<Uint8Array> {
  const events = text.split(/(?<=\n\n)/);
  const encoder = new TextEncoder();
  let index = 0;
  return new ReadableStream({
    async pull(controller) {
      if (signal?.aborted) return controller.error(new DOMException('Aborted', 'AbortError'));
      if (index >= events.length) return controller.close();
      await new Promise((resolve) => setTimeout(resolve, EVENT_SPACING_MS));
      controller.enqueue(encoder.encode(events[index++]));
    },
  });
}

const json = (body: string | undefined, status = 200) =>
  new Response(body ?? '{"error":{"message":"not recorded","type":"invalid_request_error"}}', {
    status: body ? status : 404,
    headers: { 'content-type': 'application/json' },
  });

// The recorded list holds whole completions: a row opened from it answers with itself (re-serialized,
// so a seed past 2^53 loses digits here only), any other id with the recorded GET.
function storedById(id: string): string | undefined {
  const list = responses['dotnet-stored-list-order-desc'];
  const found = list ? (JSON.parse(list) as { data: { id: string }[] }).data.find((item) => item.id === id) : undefined;
  return found ? JSON.stringify(found) : responses['dotnet-stored-get'];
}

// The recording is one page of five with has_more: true. Pages are cut from it by `after` and
// `limit` (re-serialized, so a seed past 2^53 loses digits here only), the last saying has_more:
// false, so loading more never shows a row twice.
function storedPage(url: URL): string | undefined {
  const text = responses['dotnet-stored-list-order-desc'];
  if (!text) return undefined;
  const items = (JSON.parse(text) as { data: { id: string }[] }).data;
  const after = url.searchParams.get('after');
  const limit = Number(url.searchParams.get('limit') ?? 20);
  const found = after ? items.findIndex((item) => item.id === after) : -1;
  const start = after ? (found < 0 ? items.length : found + 1) : 0;
  const data = items.slice(start, start + limit);
  const page = { object: 'list', data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null };
  return JSON.stringify({ ...page, has_more: start + limit < items.length });
}

/** A fetch replaying `stream` for every create, and the recorded stored-completions answers. */
export function replayFetch(stream: string): typeof fetch {
  return async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = init?.method ?? 'GET';
    const rest = url.pathname.replace(/^.*\/chat\/completions/, '');
    if (method === 'POST' && rest === '') {
      const body = streams[stream];
      if (!body) return json(undefined);
      return new Response(sseBody(body, init?.signal), { headers: { 'content-type': 'text/event-stream' } });
    }
    if (method === 'GET' && rest === '') return json(storedPage(url));
    if (method === 'GET' && rest.endsWith('/messages')) return json(responses['dotnet-stored-messages-page1']);
    if (method === 'GET') return json(storedById(rest.slice(1)));
    if (method === 'POST') return json(responses['dotnet-stored-update-metadata']);
    if (method === 'DELETE') return json(responses['dotnet-stored-delete']);
    return json(undefined);
  };
}

/** A real client of the kit whose creates the in-page model answers, by what was typed. */
export function inPageClient() {
  const replay = replayFetch('py-plain-content');
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if ((init?.method ?? 'GET') !== 'POST' || !/\/chat\/completions$/.test(url)) return replay(input, init);
    return inPageCompletion(JSON.parse(String(init?.body ?? '{}')), init?.signal, EVENT_SPACING_MS / 2);
  };
  return createChatCompletionsClient({ baseURL: 'https://api.example.invalid/v1', fetch });
}

/** A real client of the kit, whose requests the recordings answer. */
export function replayClient(stream = 'py-plain-content') {
  return createChatCompletionsClient({ baseURL: 'https://api.example.invalid/v1', fetch: replayFetch(stream) });
}
