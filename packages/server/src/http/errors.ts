import type { ServerResponse } from 'node:http';

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
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const body = JSON.stringify({
    error: { message: error.message, type: error.type, param: error.param, code: error.code },
  });
  response.writeHead(error.status, { 'content-type': 'application/json', ...headers, ...error.headers });
  response.end(body);
}
