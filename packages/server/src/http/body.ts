import type { IncomingMessage } from 'node:http';
import { HttpError, invalid } from './errors.ts';

/**
 * Reads a JSON body, refusing a non-JSON content type (415) and anything over `limitBytes` (413),
 * counted as it arrives so a chunked body without Content-Length cannot slip past the limit.
 */
export async function readJsonBody(request: IncomingMessage, limitBytes: number): Promise<unknown> {
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
  if (declared > limitBytes) {
    request.resume();
    throw tooLarge(limitBytes);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) {
      request.resume();
      throw tooLarge(limitBytes);
    }
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    throw invalid(null, 'We could not parse the JSON body of your request. Send valid JSON.', 'invalid_json');
  }
}

function tooLarge(limitBytes: number): HttpError {
  return new HttpError(413, `The request body is larger than ${limitBytes} bytes.`, null, 'request_too_large');
}
