import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirBusyError, LOCK_FILE, lockDataDir } from './storage/data-dir-lock.ts';
import { type CliServer, launchCli, stopHard } from './test-support/cli-process.ts';

const folders: string[] = [];
const servers: CliServer[] = [];
afterAll(async () => {
  for (const server of servers) await stopHard(server);
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const created = mkdtempSync(path.join(tmpdir(), 'ck-lock-'));
  folders.push(created);
  return created;
}

async function launch(dataDir: string, env: Record<string, string> = {}): Promise<CliServer> {
  const server = await launchCli(['--data-dir', dataDir, '--pace-ms', '0'], env);
  servers.push(server);
  return server;
}

async function storeTwenty(server: CliServer): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < 20; index++) {
    const response = await fetch(`${server.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'm',
        messages: [{ role: 'user', content: `Note ${index}` }],
        store: true,
        max_tokens: 5,
      }),
    });
    expect(response.status).toBe(200);
    ids.push((await response.json()).id);
  }
  return ids;
}

async function retrievable(server: CliServer, ids: string[]): Promise<number> {
  let found = 0;
  for (const id of ids) if ((await fetch(`${server.url}/chat/completions/${id}`)).status === 200) found++;
  return found;
}

/** A pid that belonged to a process which has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid as number;
}

describe('one server per data folder (real processes)', () => {
  it('a second server on a folder in use refuses, naming the first; nothing the first acknowledged is lost', async () => {
    const dataDir = folder();
    const first = await launch(dataDir);
    const ids = await storeTwenty(first);
    const refused = await launch(dataDir).then(
      () => null,
      (error: Error & { output: string }) => error.output,
    );
    expect(refused).toContain(`in use by another completions-kit-server (pid ${first.child.pid}`);
    expect(refused).toContain('--data-dir');
    expect(first.child.exitCode).toBeNull();
    expect((await fetch(`${first.origin}/health`)).status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
    const reopened = await launch(dataDir);
    expect(await retrievable(reopened, ids)).toBe(20);
    // kill -9 leaves its lock behind: stale, it must not block the next start.
    reopened.child.kill('SIGKILL');
    await reopened.exited;
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(true);
    const restarted = await launch(dataDir);
    expect(await retrievable(restarted, ids)).toBe(20);
  }, 240_000);

  it('`npm start` on a busy folder says how to run a second one', async () => {
    const dataDir = folder();
    const first = await launch(dataDir);
    const refused = await launch(dataDir, { CK_LAUNCHER: 'npm start' }).then(
      () => null,
      (error: Error & { output: string }) => error.output,
    );
    expect(refused).toContain(`kill ${first.child.pid}`);
    expect(refused).toContain('npm start -- --data-dir .data-2');
  }, 240_000);
});

describe('the lock file', () => {
  const lockFile = (dataDir: string) => path.join(dataDir, LOCK_FILE);
  const owner = (pid: number, startTicks: string | null = null) =>
    JSON.stringify({ pid, host: hostname(), startedAt: new Date().toISOString(), startTicks });

  it('held by a live process refuses with that process named', () => {
    const dataDir = folder();
    writeFileSync(lockFile(dataDir), owner(process.ppid));
    expect(() => lockDataDir(dataDir)).toThrow(DataDirBusyError);
    expect(() => lockDataDir(dataDir)).toThrow(`pid ${process.ppid}`);
  });

  it('left by a process that has ended is taken over, and released at close', async () => {
    const dataDir = folder();
    writeFileSync(lockFile(dataDir), owner(await deadPid()));
    const lock = lockDataDir(dataDir);
    expect(JSON.parse(readFileSync(lockFile(dataDir), 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(existsSync(lockFile(dataDir))).toBe(false);
  });

  // Start times come from /proc: elsewhere a reused pid is taken for the owner (refused, never lost).
  it.runIf(existsSync('/proc/self/stat'))(
    'naming a pid now used by a process started later (pid reuse) is taken over',
    () => {
      const dataDir = folder();
      writeFileSync(lockFile(dataDir), owner(process.ppid, '1'));
      const lock = lockDataDir(dataDir);
      lock.release();
    },
  );

  it('unreadable (cut short by a crash) is taken over', () => {
    const dataDir = folder();
    writeFileSync(lockFile(dataDir), '{"pid":');
    lockDataDir(dataDir).release();
  });
});
