import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { LOCK_FILE } from './data-dir-lock.ts';

/**
 * A new data folder starts from a copy of an empty cluster rather than from initdb (about 3 s of a
 * 3.5 s first start). The copy is made the first time this machine runs initdb with this PGlite,
 * and kept beside the system's temporary files, per user and PGlite version (CK_PGLITE_TEMPLATE
 * names another file).
 */
export function templateFile(): string | null {
  if (process.env.CK_PGLITE_TEMPLATE) return process.env.CK_PGLITE_TEMPLATE;
  try {
    const main = createRequire(import.meta.url).resolve('@electric-sql/pglite');
    const manifest = JSON.parse(readFileSync(path.join(path.dirname(main), '..', 'package.json'), 'utf8'));
    const user = (() => {
      try {
        return userInfo().username;
      } catch {
        return 'user';
      }
    })();
    return path.join(tmpdir(), `completions-kit-${user}`, `pglite-${manifest.version}-empty.tar`);
  } catch {
    return null;
  }
}

/** The empty cluster to start `dataDir` from, when the folder holds no database yet and a copy exists. */
export function templateFor(dataDir: string): Blob | undefined {
  const file = templateFile();
  if (!file || existsSync(path.join(dataDir, 'PG_VERSION')) || !existsSync(file)) return undefined;
  try {
    return new Blob([readFileSync(file)]);
  } catch {
    return undefined;
  }
}

/** Keeps the cluster initdb just made, for the next new folder. Never fails the start. */
export async function keepTemplate(dump: () => Promise<Blob | File>): Promise<void> {
  const file = templateFile();
  if (!file || existsSync(file)) return;
  try {
    // The dump holds this server's lock file: a copy of it would hand the next server a stale owner.
    const bytes = withoutEntry(Buffer.from(await (await dump()).arrayBuffer()), LOCK_FILE);
    mkdirSync(path.dirname(file), { recursive: true });
    // Written aside and renamed: a server starting meanwhile never reads half a copy.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, bytes);
    renameSync(partial, file);
  } catch {
    // A read-only temporary folder: every new folder runs initdb, as before.
  }
}

/** A tar archive without the entries whose last path part is `name` (512-byte headers, data padded to 512). */
export function withoutEntry(tar: Buffer, name: string): Buffer {
  const kept: Buffer[] = [];
  let at = 0;
  while (at + 512 <= tar.length) {
    const header = tar.subarray(at, at + 512);
    if (header.every((byte) => byte === 0)) break;
    const entryName = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const size = Number.parseInt(header.subarray(124, 136).toString('ascii').replace(/\0.*$/s, '').trim() || '0', 8);
    const end = at + 512 + Math.ceil(size / 512) * 512;
    if (path.posix.basename(entryName) !== name) kept.push(tar.subarray(at, end));
    at = end;
  }
  kept.push(Buffer.alloc(1024));
  return Buffer.concat(kept);
}
