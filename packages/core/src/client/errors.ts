/**
 * One error class with a `kind` for every way a request can fail. `type`, `code` and `param` keep
 * the provider's own words (normalized from OpenAI, Azure, vLLM, llama.cpp and Ollama bodies).
 */
export type ErrorKind =
  /** The server answered with an error status. */
  | 'api'
  /** No answer: DNS, refused or reset connection, a socket closed mid-body. */
  | 'connection'
  /** `timeoutMs` passed before the headers, or `idleTimeoutMs` between two chunks. */
  | 'timeout'
  /** The caller aborted (`abort()`, its own signal, or leaving a `for await` loop early). */
  | 'abort'
  /** The body could not be read as the API's JSON or SSE. */
  | 'malformed'
  /** The server sent an error inside a stream (`data: {"error": ...}` or `event: error`). */
  | 'stream'
  /** The stream ended without `[DONE]` and without a finish_reason. */
  | 'incomplete'
  /** The request was refused before sending (bad metadata, a missing option). */
  | 'invalid';

export interface ErrorDetails {
  status?: number;
  type?: string;
  code?: string | null;
  param?: string | null;
  requestId?: string | null;
  headers?: Headers;
  phase?: 'headers' | 'idle';
  cause?: unknown;
}

export class ChatCompletionsError extends Error {
  override name = 'ChatCompletionsError';
  declare readonly kind: ErrorKind;
  declare readonly status: number | undefined;
  /** The provider's error type, e.g. `invalid_request_error`; for other kinds the kind itself. */
  declare readonly type: string;
  declare readonly code: string | null;
  declare readonly param: string | null;
  declare readonly requestId: string | null;
  declare readonly headers: Headers | undefined;
  /** For timeouts: whether the headers never came or the stream went quiet. */
  declare readonly phase: 'headers' | 'idle' | undefined;

  constructor(kind: ErrorKind, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.status = details.status;
    this.type = details.type ?? kind;
    this.code = details.code ?? null;
    this.param = details.param ?? null;
    this.requestId = details.requestId ?? null;
    this.headers = details.headers;
    this.phase = details.phase;
  }
}

/** The request id a server sent: `x-request-id`, or Azure's `apim-request-id`. */
export function requestIdOf(headers: Headers): string | null {
  return headers.get('x-request-id') ?? headers.get('apim-request-id');
}

export function isChatCompletionsError(value: unknown, kind?: ErrorKind): value is ChatCompletionsError {
  return value instanceof ChatCompletionsError && (kind === undefined || value.kind === kind);
}

const statusAdvice: Record<number, string> = {
  400: 'Fix the field it names, then retry.',
  401: 'Check the API key.',
  403: 'Check the key has access.',
  404: 'Check the model, deployment or id.',
  429: 'Wait, then retry.',
};

const kindAdvice: Partial<Record<ErrorKind, string>> = {
  connection: 'Check that the server is running and reachable, then retry.',
  timeout: 'Retry; if the server is slow, allow it more time.',
  abort: 'It was stopped: send it again to retry.',
  invalid: 'Fix the field it names, then retry.',
};

function statusHint(status: number): string {
  return statusAdvice[status] ?? (status >= 500 ? 'Retry later.' : '');
}

/** What to do about an error, in one sentence: by status first, then by kind. */
export function errorAdvice(error: { kind: ErrorKind; status?: number | undefined }): string {
  const hint = error.status === undefined ? '' : statusHint(error.status);
  return hint || (kindAdvice[error.kind] ?? 'Retry; if it keeps failing, the raw response says more.');
}

function asText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return null;
}

/** The fields of an error payload, wherever the provider put them: nested under `error` or flat. */
function errorFields(payload: unknown) {
  const record = (payload && typeof payload === 'object' ? payload : {}) as Record<string, unknown>;
  const inner = record.error;
  const source = (inner && typeof inner === 'object' ? inner : record) as Record<string, unknown>;
  return {
    message: asText(source.message) ?? (typeof inner === 'string' ? inner : null),
    type: asText(source.type),
    code: asText(source.code),
    param: asText(source.param),
  };
}

/**
 * Reads an error body from any provider the kit supports into one shape:
 * OpenAI and Azure `{error: {message, type, param, code}}`, vLLM's flat `{object: "error", message, ...}`,
 * llama.cpp's numeric `code`, Ollama's `{error: "text"}`, or a body that is not JSON at all.
 */
export function apiErrorFromBody(status: number, bodyText: string, headers: Headers): ChatCompletionsError {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    body = undefined;
  }
  const fields = errorFields(body);
  // An HTML error page from a gateway is never shown as markup: only its status and content type.
  const message =
    fields.message ?? `${status} with a non-JSON body (${(headers.get('content-type') ?? 'no type').split(';')[0]})`;
  // A 400's message names its field already; other statuses end with what to do.
  const hint = status === 400 ? '' : statusHint(status);
  return new ChatCompletionsError('api', hint ? `${message} ${hint}` : message, {
    ...fields,
    status,
    type: fields.type ?? (status >= 500 ? 'server_error' : 'invalid_request_error'),
    requestId: requestIdOf(headers),
    headers,
  });
}

/** A mid-stream error payload (`data: {"error": ...}` or `event: error`) as a typed error. */
export function streamErrorFromPayload(payload: unknown, requestId: string | null): ChatCompletionsError {
  const fields = errorFields(payload);
  return new ChatCompletionsError('stream', fields.message ?? 'The server sent an error mid-stream.', {
    ...fields,
    type: fields.type ?? 'stream_error',
    requestId,
  });
}
