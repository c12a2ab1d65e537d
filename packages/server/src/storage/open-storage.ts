import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { ConnectionMonitor } from './connection-monitor.ts';
import { migrate } from './migrations.ts';
import { keepTemplate, templateFor } from './pglite-template.ts';
import type { Sql, StorageHealth } from './sql.ts';

export interface StorageOptions {
  /** A PostgreSQL connection string. When set, PGlite is not used. */
  databaseUrl?: string | undefined;
  /** Where PGlite keeps its files. Null: in memory, gone when the server stops. */
  dataDir?: string | null | undefined;
  /** A PGlite data directory dump to start from (tests use it to skip initdb). */
  loadDataDir?: Blob | undefined;
  /** Where connection losses and recoveries are told. */
  log?: ((line: string) => void) | undefined;
}

// How long /health waits for the database before calling it unreachable.
const HEALTH_PROBE_MS = 2_000;

/** Opens the database the options name and brings its schema up to date. */
export async function openSql(options: StorageOptions): Promise<Sql> {
  const sql = options.databaseUrl ? await openPostgres(options.databaseUrl, options.log) : await openPglite(options);
  await migrate(sql);
  return sql;
}

/**
 * PostgreSQL's memory settings sized for one local user: its default 128 MB of shared buffers (and
 * the rest) made PGlite hold about 270 MB resident at idle; with these, about 90 MB.
 */
const PGLITE_SETTINGS = ['shared_buffers=8MB', 'work_mem=2MB', 'temp_buffers=1MB', 'wal_buffers=256kB'];

async function openPglite(options: StorageOptions): Promise<Sql> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const fresh = !!options.dataDir && !existsSync(path.join(options.dataDir, 'PG_VERSION'));
  const loadDataDir = options.loadDataDir ?? (fresh && options.dataDir ? templateFor(options.dataDir) : undefined);
  const db = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS.flatMap((setting) => ['-c', setting])],
  });
  // initdb ran: its empty cluster is kept, before any table, so the next new folder skips it.
  if (fresh && !loadDataDir) await keepTemplate(() => db.dumpDataDir('none'));
  return {
    kind: 'pglite',
    query: async (text, params) => ({ rows: (await db.query(text, params)).rows as never[] }),
    exec: async (text) => {
      await db.exec(text);
    },
    // In-process: it is there as long as the server is.
    assertAvailable: () => {},
    health: async () => ({ available: true }),
    close: () => db.close(),
  };
}

async function openPostgres(connectionString: string, log?: (line: string) => void): Promise<Sql> {
  // bigint columns come back as strings by default; every bigint here (created, seq) fits a number.
  const types = {
    getTypeParser: (oid: number, format?: string) =>
      oid === 20 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text'),
  };
  const pool = new pg.Pool({ connectionString, max: 10, types });
  const monitor = new ConnectionMonitor({
    probe: async () => {
      await pool.query('select 1');
    },
    log,
  });
  // An idle connection that the server closes (restart, shutdown) is reported here; without a listener
  // the pool's 'error' event would end the process.
  pool.on('error', (error) => monitor.lost(error));
  await pool.query('select 1');
  return {
    kind: 'postgres',
    query: (text, params) => monitor.run(async () => ({ rows: (await pool.query(text, params)).rows })),
    exec: (text) =>
      monitor.run(async () => {
        await pool.query(text);
      }),
    assertAvailable: () => monitor.assertAvailable(),
    health: postgresHealth(monitor, pool),
    close: async () => {
      monitor.close();
      await pool.end();
    },
  };
}

function postgresHealth(monitor: ConnectionMonitor, pool: pg.Pool): () => Promise<StorageHealth> {
  // One probe at a time: during a freeze, health checks must not queue up for the pool's connections.
  let inFlight: Promise<boolean> | null = null;
  return async () => {
    const away = () => ({ available: false, retryAfterSeconds: monitor.retryAfterSeconds() });
    if (!monitor.available) return away();
    inFlight ??= monitor
      .run(() => pool.query('select 1'))
      .then(
        () => true,
        () => false,
      )
      .finally(() => {
        inFlight = null;
      });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), HEALTH_PROBE_MS);
    });
    const answered = await Promise.race([inFlight, timeout]);
    clearTimeout(timer);
    // A database that is slow (frozen, overloaded) but connected is reported, not declared lost.
    return answered ? { available: true } : away();
  };
}
