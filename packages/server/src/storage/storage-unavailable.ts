/**
 * The database cannot be reached just now (restarting, stopped, network gone). Nothing was written by
 * the statement that met it; the request may be sent again after `retryAfterSeconds`.
 */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
  constructor(
    readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super(
      'The database is unavailable; the server is reconnecting. Retry after the time given in Retry-After.',
      options,
    );
  }
}

// SQLSTATE classes and codes that mean "the connection or the server went away", not "bad statement":
// 08 connection exceptions, 57P01-57P03 (shutdown, crash restart, starting up), 53300 too many connections.
const lostConnectionStates = /^(08|57P0[1-3]$|53300$)/;
const lostConnectionCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH']);
// node-postgres reports a socket closed under it with these messages and no code.
const lostConnectionMessages = /Connection terminated|connection timeout|Client has encountered a connection error/i;

/** Whether an error from the PostgreSQL driver means the database is out of reach (worth retrying later). */
export function isLostConnection(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (lostConnectionCodes.has(code) || lostConnectionStates.test(code))) return true;
  if (error instanceof AggregateError) return error.errors.some(isLostConnection);
  return lostConnectionMessages.test(error.message);
}
