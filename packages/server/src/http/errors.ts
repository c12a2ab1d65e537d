import type { ServerResponse } from 'node:http';
import { endStreamWithError } from './sse.ts';

/** An error answered in the OpenAI shape: `{"error": {"message", "type", "param", "code"}}`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly param: string | null = null,
    readonly code: string | null = null,
    readonly type = status >= 500 ? 'server_error' : 'invalid_request_error',
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function invalid(param: string | null, message: string, code: string | null = null): HttpError {
  return new HttpError(400, message, param, code);
}

/** The database is away: a 503 the client may retry after the reconnection attempt Retry-After names. */
export function storageUnavailable(error: { message: string; retryAfterSeconds: number }): HttpError {
  return new HttpError(503, error.message, null, 'storage_unavailable', 'server_error', {
    'retry-after': String(error.retryAfterSeconds),
  });
}

export function sendError(response: ServerResponse, error: HttpError, headers: Record<string, string> = {}): void {
  const shape = { message: error.message, type: error.type, param: error.param, code: error.code };
  if (response.headersSent) {
    // A stream already under way ends with the error as its last event; anything else can only be cut.
    if (String(response.getHeader('content-type') ?? '').startsWith('text/event-stream'))
      endStreamWithError(response, shape);
    else response.destroy();
    return;
  }
  const body = JSON.stringify({ error: shape });
  const all: Record<string, string> = { 'content-type': 'application/json', ...headers, ...error.headers };
  response.writeHead(error.status, all);
  response.end(body);
  // A connection we refuse to keep (a body that never finished) is closed, not left to the client.
  if (all.connection === 'close') {
    const socket = response.socket;
    response.once('finish', () => {
      socket?.end();
      socket?.once('finish', () => socket.destroy());
    });
  }
}
