import { assertValidMetadata } from '../stored/metadata.ts';
import {
  CursorPage,
  type CursorPageBody,
  listSearchParams,
  type MessagesQuery,
  type StoredListQuery,
} from '../stored/pagination.ts';
import type { ChatCompletionStream } from '../stream/chat-completion-stream.ts';
import type {
  ChatCompletion,
  ChatCompletionCreateParams,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
  ChatCompletionDeleted,
  ChatCompletionStoreMessage,
  Metadata,
} from '../types.ts';
import { ChatCompletionsError } from './errors.ts';
import { parseJson } from './json.ts';
import type { EndpointOptions } from './providers.ts';
import { type RequestSpec, type RetryInfo, rememberInfo, send, type TransportOptions } from './request.ts';

/**
 * The stream reader (SSE parser and chunk accumulator, about 3 KB gzip) loads with the first streamed
 * request, so an app that only lists or edits stored completions never loads it. It loads before the
 * request is sent, not beside it: a body left unread while it loaded would lose the chunks already
 * received if the connection then broke (a stream that errors drops what it had queued).
 */
async function loadStreamReader() {
  try {
    return await import('../stream/open-stream.ts');
  } catch (cause) {
    throw new ChatCompletionsError('connection', 'The stream reader could not be loaded (a chunk of the app).', {
      cause,
    });
  }
}

export interface ChatCompletionsClientOptions extends Partial<Omit<EndpointOptions, 'name'>> {
  /**
   * Endpoints tried in order when one fails with a retryable error or cannot be reached (a fallback
   * list). `responseInfo(result)` tells which answered. Default: the one endpoint these options describe.
   */
  endpoints?: EndpointOptions[];
  /** The fetch to use (a proxy's, a test server's). Default: `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Retries after the first try, for connection errors, timeouts, 408, 409, 429 and 5xx. Default: 2. */
  maxRetries?: number;
  /** Milliseconds to wait for a response (for a stream: its headers). Default: 600000. */
  timeoutMs?: number;
  /** Milliseconds a stream may stay silent between chunks before it fails. Default: no limit. */
  idleTimeoutMs?: number;
  /** Told before each retry or fallback, e.g. to log it. */
  onRetry?: (info: RetryInfo) => void;
}

export interface RequestOptions {
  /** Aborts the request; for a stream, aborts it at any point and keeps the partial snapshot. */
  signal?: AbortSignal;
}

export interface ChatCompletionsResource {
  create(params: ChatCompletionCreateParamsStreaming, options?: RequestOptions): Promise<ChatCompletionStream>;
  create(params: ChatCompletionCreateParamsNonStreaming, options?: RequestOptions): Promise<ChatCompletion>;
  create(params: ChatCompletionCreateParams, options?: RequestOptions): Promise<ChatCompletion | ChatCompletionStream>;
  /** Stored completions, one page at a time (`store: true` ones only). */
  list(query?: StoredListQuery, options?: RequestOptions): Promise<CursorPage<ChatCompletion>>;
  retrieve(id: string, options?: RequestOptions): Promise<ChatCompletion>;
  /** Replaces the metadata of a stored completion, checked against the API's limits before sending. */
  update(id: string, body: { metadata: Metadata | null }, options?: RequestOptions): Promise<ChatCompletion>;
  delete(id: string, options?: RequestOptions): Promise<ChatCompletionDeleted>;
  messages: {
    /** The request messages of a stored completion. */
    list(id: string, query?: MessagesQuery, options?: RequestOptions): Promise<CursorPage<ChatCompletionStoreMessage>>;
  };
}

export interface ChatCompletionsClient {
  /** `chat.completions`: create (JSON or a stream), and the stored completions' list, retrieve, update, delete and messages. */
  chat: { completions: ChatCompletionsResource };
}

/**
 * A lean fetch client for the Chat Completions API and any compatible server.
 *
 * @example
 * const client = createChatCompletionsClient({ baseURL: 'http://127.0.0.1:8787/v1' });
 * const completion = await client.chat.completions.create({ model: 'local', messages: [{ role: 'user', content: 'Hi' }] });
 */
export function createChatCompletionsClient(options: ChatCompletionsClientOptions): ChatCompletionsClient {
  const endpoints = options.endpoints ?? (options.baseURL ? [options as EndpointOptions] : []);
  if (endpoints.length === 0) {
    throw new ChatCompletionsError('invalid', 'createChatCompletionsClient needs a baseURL or a list of endpoints.');
  }
  const transport: TransportOptions = {
    endpoints,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    maxRetries: options.maxRetries ?? 2,
    timeoutMs: options.timeoutMs ?? 600_000,
    onRetry: options.onRetry,
  };

  async function json<T extends object>(spec: RequestSpec): Promise<T> {
    const sent = await send(transport, spec);
    let body: T;
    try {
      body = parseJson(sent.text) as T;
    } catch (cause) {
      const type = sent.response.headers.get('content-type') ?? 'no content type';
      const message = `Expected JSON from ${spec.path} but got ${type.split(';')[0]}.`;
      throw new ChatCompletionsError('malformed', message, { status: sent.response.status, cause });
    }
    return rememberInfo(body, sent.info);
  }

  function path(id: string, suffix = ''): string {
    if (!id) throw new ChatCompletionsError('invalid', 'A completion id is required.', { param: 'completion_id' });
    return `/chat/completions/${encodeURIComponent(id)}${suffix}`;
  }

  async function page<Item extends { id: string }>(spec: RequestSpec): Promise<CursorPage<Item>> {
    const body = await json<CursorPageBody<Item>>(spec);
    const fetchAfter = (after: string) => {
      const query = new URLSearchParams(spec.query);
      query.set('after', after);
      return page<Item>({ ...spec, query });
    };
    return new CursorPage(body, fetchAfter);
  }

  async function create(params: ChatCompletionCreateParams, requestOptions: RequestOptions = {}) {
    const spec: RequestSpec = {
      method: 'POST',
      path: '/chat/completions',
      body: params,
      model: params.model,
      stream: params.stream === true,
      signal: requestOptions.signal,
    };
    if (!spec.stream) return json<ChatCompletion>(spec);
    const { openStream } = await loadStreamReader();
    const sent = await send(transport, spec);
    return openStream(sent, requestOptions.signal, options.idleTimeoutMs);
  }

  const completions: ChatCompletionsResource = {
    create: create as ChatCompletionsResource['create'],
    list: (query, requestOptions = {}) =>
      page({ method: 'GET', path: '/chat/completions', query: listSearchParams(query), signal: requestOptions.signal }),
    retrieve: (id, requestOptions = {}) => json({ method: 'GET', path: path(id), signal: requestOptions.signal }),
    update: async (id, body, requestOptions = {}) => {
      assertValidMetadata(body.metadata);
      return json({ method: 'POST', path: path(id), body: { metadata: body.metadata }, signal: requestOptions.signal });
    },
    delete: (id, requestOptions = {}) => json({ method: 'DELETE', path: path(id), signal: requestOptions.signal }),
    messages: {
      list: (id, query, requestOptions = {}) =>
        page({
          method: 'GET',
          path: path(id, '/messages'),
          query: listSearchParams(query),
          signal: requestOptions.signal,
        }),
    },
  };
  return { chat: { completions } };
}
