import { isLostConnection, StorageUnavailableError } from './storage-unavailable.ts';

export interface ConnectionMonitorOptions {
  /** One round trip to the database; resolves when it answered. */
  probe: () => Promise<void>;
  log?: ((line: string) => void) | undefined;
  /** First wait before trying to reconnect; doubles after each failure. Default 100 ms. */
  initialDelayMs?: number | undefined;
  /** The longest wait between two attempts. Default 2,000 ms. */
  maxDelayMs?: number | undefined;
}

/**
 * Knows whether the database is reachable. Once a statement meets a lost connection, statements fail at
 * once with a StorageUnavailableError (no pile of connection attempts, a quick 503 for the client) while
 * a single probe retries with exponential backoff; its first success lets statements through again.
 */
export class ConnectionMonitor {
  #available = true;
  #closed = false;
  #delayMs: number;
  #nextAttemptAt = 0;
  #timer: NodeJS.Timeout | undefined;
  readonly #initialDelayMs: number;
  readonly #maxDelayMs: number;

  constructor(private readonly options: ConnectionMonitorOptions) {
    this.#initialDelayMs = options.initialDelayMs ?? 100;
    this.#maxDelayMs = options.maxDelayMs ?? 2_000;
    this.#delayMs = this.#initialDelayMs;
  }

  get available(): boolean {
    return this.#available;
  }

  /** Whole seconds until the next reconnection attempt, at least 1: what Retry-After says. */
  retryAfterSeconds(): number {
    return Math.max(1, Math.ceil((this.#nextAttemptAt - Date.now()) / 1000));
  }

  /** Throws a StorageUnavailableError while the database is known to be away. */
  assertAvailable(): void {
    if (!this.#available) throw new StorageUnavailableError(this.retryAfterSeconds());
  }

  /** Runs a statement; a lost connection becomes a StorageUnavailableError and starts reconnecting. */
  async run<T>(operation: () => Promise<T>): Promise<T> {
    this.assertAvailable();
    try {
      return await operation();
    } catch (error) {
      if (!isLostConnection(error)) throw error;
      this.lost(error);
      throw new StorageUnavailableError(this.retryAfterSeconds(), { cause: error });
    }
  }

  /** Called for any sign that the connection is gone, including errors on idle connections. */
  lost(cause: unknown): void {
    if (!this.#available || this.#closed) return;
    this.#available = false;
    this.options.log?.(`storage: database connection lost (${(cause as Error)?.message ?? cause}); reconnecting`);
    this.#schedule(this.#initialDelayMs);
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
  }

  #schedule(delayMs: number): void {
    this.#delayMs = delayMs;
    this.#nextAttemptAt = Date.now() + delayMs;
    this.#timer = setTimeout(() => this.#attempt(), delayMs);
    // A reconnect loop alone must not keep the process alive.
    this.#timer.unref();
  }

  async #attempt(): Promise<void> {
    if (this.#closed) return;
    try {
      await this.options.probe();
    } catch {
      if (!this.#closed) this.#schedule(Math.min(this.#delayMs * 2, this.#maxDelayMs));
      return;
    }
    this.#available = true;
    this.#delayMs = this.#initialDelayMs;
    this.options.log?.('storage: database connection re-established');
  }
}
