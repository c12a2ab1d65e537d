import type { Server, ServerResponse } from 'node:http';
import { HttpError, sendError } from './errors.ts';

/** The responses still being written, so a shutdown can wait for them and then end what remains. */
export class InFlight {
  readonly responses = new Set<ServerResponse>();
  /** Set once the server stops accepting: responses still to come close their connection after them. */
  closing = false;
  #idle: (() => void) | null = null;

  track(response: ServerResponse): void {
    if (this.closing) response.setHeader('connection', 'close');
    this.responses.add(response);
    response.once('close', () => {
      this.responses.delete(response);
      if (this.responses.size === 0) this.#idle?.();
    });
  }

  /** Resolves once no response is in flight, or after `graceMs`, whichever comes first. */
  settled(graceMs: number): Promise<void> {
    if (this.responses.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, graceMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.#idle = done;
    });
  }
}

const FLUSH_MS = 2_000;

const shuttingDown = () =>
  new HttpError(
    503,
    'The server is shutting down and could not finish this response in time. Send the request again.',
    null,
    'server_shutting_down',
  );

/**
 * Stops accepting, lets the requests in flight finish for `graceMs`, then ends each remaining
 * one: a stream with an error event in the API's shape and `[DONE]`, an unanswered request with a
 * 503. Nothing is cut without a word.
 */
export async function drain(server: Server, inFlight: InFlight, graceMs: number): Promise<void> {
  inFlight.closing = true;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  await inFlight.settled(graceMs);
  for (const response of inFlight.responses) sendError(response, shuttingDown());
  // Let what was just written reach the clients before the sockets go; a client that stopped
  // reading gets a moment, not a veto.
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.all([...inFlight.responses].map((response) => finished(response))),
    new Promise((resolve) => {
      timer = setTimeout(resolve, FLUSH_MS);
    }),
  ]);
  clearTimeout(timer);
  server.closeAllConnections();
  await closed;
}

function finished(response: ServerResponse): Promise<void> {
  if (response.writableFinished || response.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    response.once('finish', () => resolve());
    response.once('close', () => resolve());
  });
}
