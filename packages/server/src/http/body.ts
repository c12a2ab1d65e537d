import type { IncomingMessage } from 'node:http';
import { refuseDeepJson } from '../validation/json-depth.ts';
import { HttpError, invalid } from './errors.ts';

export interface BodyLimits {
  /** Bytes, counted as they arrive. */
  limitBytes: number;
  /** Time for the whole body to arrive once the headers have. */
  timeoutMs: number;
}

/**
 * Reads a JSON body, refusing a non-JSON content type (415), anything over `limitBytes` (413),
 * counted as it arrives so a chunked body without Content-Length cannot slip past the limit, a body
 * that has not arrived within `timeoutMs` (408, and the connection is closed) and JSON nested too
 * deeply to walk safely (400).
 */
export async function readJsonBody(request: IncomingMessage, limits: BodyLimits): Promise<unknown> {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    request.resume();
    throw new HttpError(
      415,
      `Content-Type must be application/json, not ${type ? JSON.stringify(type.slice(0, 60)) : 'missing'}.`,
      null,
      'unsupported_media_type',
    );
  }
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (declared > limits.limitBytes) {
    request.resume();
    throw tooLarge(limits.limitBytes);
  }
  const text = await readText(request, limits);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalid(null, 'We could not parse the JSON body of your request. Send valid JSON.', 'invalid_json');
  }
  refuseDeepJson(body);
  return body;
}

function readText(request: IncomingMessage, limits: BodyLimits): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (error: HttpError) => {
      clearTimeout(timer);
      request.off('data', onData);
      request.resume();
      reject(error);
    };
    // A body still arriving at the limit holds a connection for nothing: answered 408 and closed.
    const timer = setTimeout(() => stop(timedOut(limits.timeoutMs)), limits.timeoutMs);
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.limitBytes) stop(tooLarge(limits.limitBytes));
      else chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.once('close', () => {
      clearTimeout(timer);
      if (!request.complete) reject(Object.assign(new Error('The client left.'), { name: 'AbortError' }));
    });
  });
}

function tooLarge(limitBytes: number): HttpError {
  return new HttpError(413, `The request body is larger than ${limitBytes} bytes.`, null, 'request_too_large');
}

function timedOut(timeoutMs: number): HttpError {
  return new HttpError(
    408,
    `The request body did not arrive within ${timeoutMs} ms. Send the whole body at once.`,
    null,
    'request_timeout',
    'invalid_request_error',
    { connection: 'close' },
  );
}
