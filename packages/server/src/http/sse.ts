import type { ServerResponse } from 'node:http';

export function startEventStream(response: ServerResponse): void {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  response.flushHeaders();
}

/** Writes one event; waits for the socket to drain rather than buffer without bound. */
export async function writeEvent(response: ServerResponse, data: string): Promise<boolean> {
  if (response.destroyed || response.writableEnded) return false;
  if (response.write(`data: ${data}\n\n`)) return true;
  await new Promise<void>((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
  return !response.destroyed;
}

export function pause(ms: number, response: ServerResponse): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      response.off('close', done);
      resolve();
    }
    response.on('close', done);
  });
}

/**
 * Ends a stream that cannot go on with an error event in the API's shape, then `[DONE]`, so a
 * client sees why it ended instead of a bare reset.
 */
export function endStreamWithError(
  response: ServerResponse,
  error: { message: string; type: string; param: string | null; code: string | null },
): void {
  if (response.destroyed || response.writableEnded) return;
  response.end(`data: ${JSON.stringify({ error })}\n\ndata: [DONE]\n\n`);
}
