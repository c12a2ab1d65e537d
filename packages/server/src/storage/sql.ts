/** Whether the database answers now; `retryAfterSeconds` is set while it does not. */
export interface StorageHealth {
  available: boolean;
  retryAfterSeconds?: number;
}

/** The one query function both backends provide: PGlite in-process, or a PostgreSQL server. */
export interface Sql {
  /** Rejects with a StorageUnavailableError when the database is out of reach; nothing was written then. */
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  /** Runs statements that take no parameters (migrations). */
  exec(text: string): Promise<void>;
  /** Throws a StorageUnavailableError at once while the database is known to be away. */
  assertAvailable(): void;
  /** Asks the database (briefly) whether it answers; never throws. */
  health(): Promise<StorageHealth>;
  close(): Promise<void>;
  readonly kind: 'pglite' | 'postgres';
}
