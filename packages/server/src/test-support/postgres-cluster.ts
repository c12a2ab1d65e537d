import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The newest PostgreSQL's bin folder (Debian's layout, or PG_BIN), or null when none is installed. */
export function postgresBinaries(): string | null {
  if (process.env.PG_BIN && existsSync(path.join(process.env.PG_BIN, 'pg_ctl'))) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  const found = versions.map((version) => path.join(root, version, 'bin')).find((bin) => existsSync(`${bin}/pg_ctl`));
  return found ?? null;
}

/** A PostgreSQL server of the test's own, which it may restart and stop without disturbing anyone else. */
export interface PostgresCluster {
  /** Connection string for the `postgres` database as a superuser, over TCP on 127.0.0.1. */
  url: string;
  restart(): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and removes its files. */
  destroy(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** initdb + pg_ctl start in a temporary folder, on a free port; as the postgres user when run as root. */
export async function startPostgresCluster(bin: string): Promise<PostgresCluster> {
  const folder = mkdtempSync(path.join(tmpdir(), 'ck-pg-cluster-'));
  const asRoot = process.getuid?.() === 0;
  // PostgreSQL refuses to run as root: hand the folder to its own user.
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: group } = await run('id', ['-g', 'postgres']);
    chownSync(folder, Number(stdout), Number(group));
  }
  const command = (tool: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]) : run(path.join(bin, tool), args);
  const data = path.join(folder, 'data');
  await command('initdb', ['-D', data, '-U', 'ck', '--auth=trust', '--no-sync', '--encoding=UTF8']);
  const port = await freePort();
  const settings = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1`;
  const control = (action: string, ...extra: string[]) =>
    command('pg_ctl', [action, '-D', data, '-w', '-t', '120', ...extra]).then(() => undefined);
  // The server's output goes to a file: an inherited pipe would keep pg_ctl's caller waiting.
  const logFile = path.join(folder, 'server.log');
  const start = () => control('start', '-l', logFile, '-o', settings);
  await start();
  return {
    url: `postgresql://ck@127.0.0.1:${port}/postgres`,
    restart: () => control('restart', '-m', 'fast', '-l', logFile, '-o', settings),
    stop: () => control('stop', '-m', 'fast'),
    start,
    async destroy() {
      await control('stop', '-m', 'immediate').catch(() => undefined);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
