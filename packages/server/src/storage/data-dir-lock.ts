import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/**
 * One server per PGlite folder. PGlite does not guard its folder itself: two servers on one folder
 * both start, and whichever writes last wins, losing what the other acknowledged. So the server
 * takes a lock file at open, as PostgreSQL's postmaster.pid does, and removes it at exit. A lock
 * whose process has gone (a crash, kill -9) is stale and taken over.
 */
export const LOCK_FILE = 'completions-kit-server.lock';

interface Owner {
  pid: number;
  host: string;
  startedAt: string;
  /** The process's start time in clock ticks (Linux), so a reused pid is not taken for the owner. */
  startTicks: string | null;
}

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: Owner,
  ) {
    super(
      `The data folder ${dataDir} is in use by another completions-kit-server (pid ${owner.pid} on ${owner.host}, started ${owner.startedAt}).`,
    );
    this.name = 'DataDirBusyError';
  }
}

export interface DataDirLock {
  /** Removes the lock if it is still this process's. Safe to call more than once. */
  release(): void;
}

export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const mine: Owner = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    startTicks: startTicksOf(process.pid),
  };
  // Written whole to a file of our own, then linked into place: link fails if a lock exists, and
  // nobody can read a half-written one.
  const draft = `${file}.${process.pid}`;
  writeFileSync(draft, `${JSON.stringify(mine)}\n`);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(draft, file);
        return lockFor(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = readOwner(file);
      if (owner && isAlive(owner)) throw new DataDirBusyError(dataDir, owner);
      removeQuietly(file);
    }
    throw new Error(`Could not take the lock ${file}: it came back each time it was removed.`);
  } finally {
    removeQuietly(draft);
  }
}

function lockFor(file: string): DataDirLock {
  const release = () => {
    if (readOwner(file)?.pid === process.pid) removeQuietly(file);
    process.off('exit', release);
  };
  // Covers an exit that skips close (process.exit after an error, a second Ctrl-C).
  process.on('exit', release);
  return { release };
}

function readOwner(file: string): Owner | null {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as Owner;
    return typeof owner.pid === 'number' ? owner : null;
  } catch {
    return null;
  }
}

function isAlive(owner: Owner): boolean {
  // Another machine's process cannot be checked from here: held, as PostgreSQL holds it.
  if (owner.host !== hostname()) return true;
  // Our own pid in an old lock: a restarted container that reused it.
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const ticks = startTicksOf(owner.pid);
  return !(ticks && owner.startTicks && ticks !== owner.startTicks);
}

/** Field 22 of /proc/<pid>/stat: when the process started. Null where there is no /proc. */
function startTicksOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {}
}
