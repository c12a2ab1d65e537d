import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { migrate } from './migrations.ts';
import type { Sql } from './sql.ts';

export interface StorageOptions {
  /** A PostgreSQL connection string. When set, PGlite is not used. */
  databaseUrl?: string | undefined;
  /** Where PGlite keeps its files. Null: in memory, gone when the server stops. */
  dataDir?: string | null | undefined;
  /** A PGlite data directory dump to start from (tests use it to skip initdb). */
  loadDataDir?: Blob | undefined;
}

/** Opens the database the options name and brings its schema up to date. */
export async function openSql(options: StorageOptions): Promise<Sql> {
  const sql = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openPglite(options);
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
  const db = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS.flatMap((setting) => ['-c', setting])],
  });
  return {
    kind: 'pglite',
    query: async (text, params) => ({ rows: (await db.query(text, params)).rows as never[] }),
    exec: async (text) => {
      await db.exec(text);
    },
    close: () => db.close(),
  };
}

async function openPostgres(connectionString: string): Promise<Sql> {
  // bigint columns come back as strings by default; every bigint here (created, seq) fits a number.
  const types = {
    getTypeParser: (oid: number, format?: string) =>
      oid === 20 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text'),
  };
  const pool = new pg.Pool({ connectionString, max: 10, types });
  await pool.query('select 1');
  return {
    kind: 'postgres',
    query: async (text, params) => ({ rows: (await pool.query(text, params)).rows }),
    exec: async (text) => {
      await pool.query(text);
    },
    close: () => pool.end(),
  };
}
