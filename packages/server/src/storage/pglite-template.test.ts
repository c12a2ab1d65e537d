import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE } from './data-dir-lock.ts';
import { openSql } from './open-storage.ts';
import { keepTemplate, templateFile } from './pglite-template.ts';

const folder = () => mkdtempSync(path.join(tmpdir(), 'ck-template-'));
const saved = process.env.CK_PGLITE_TEMPLATE;
afterEach(() => {
  if (saved === undefined) delete process.env.CK_PGLITE_TEMPLATE;
  else process.env.CK_PGLITE_TEMPLATE = saved;
});

/** The entry names of a tar archive. */
function entries(tar: Buffer): string[] {
  const names: string[] = [];
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((byte) => byte === 0)) break;
    names.push(header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, ''));
    const size = Number.parseInt(header.subarray(124, 136).toString('ascii').replace(/\0.*$/s, '').trim() || '0', 8);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return names;
}

describe('a new PGlite folder starts from the kept empty cluster (real PGlite)', () => {
  it('keeps the cluster initdb made, without the lock file of the server that made it', async () => {
    process.env.CK_PGLITE_TEMPLATE = path.join(folder(), 'empty.tar');
    const dataDir = folder();
    writeFileSync(path.join(dataDir, LOCK_FILE), 'the first server');
    const sql = await openSql({ dataDir });
    await sql.close();
    const names = entries(readFileSync(templateFile() as string));
    expect(names.some((name) => name.endsWith('/PG_VERSION'))).toBe(true);
    expect(names.filter((name) => name.endsWith(LOCK_FILE))).toEqual([]);
  }, 120_000);

  it("opens a new folder from the kept cluster, leaving that folder's lock file as it was", async () => {
    process.env.CK_PGLITE_TEMPLATE = path.join(folder(), 'empty.tar');
    // A cluster with a table of its own: finding it in the new folder shows the copy was used.
    const source = new PGlite(folder());
    await source.exec('create table came_from_the_template (x int)');
    await keepTemplate(() => source.dumpDataDir('none'));
    await source.close();
    const dataDir = path.join(folder(), 'new');
    mkdirSync(dataDir);
    writeFileSync(path.join(dataDir, LOCK_FILE), 'this server');
    const sql = await openSql({ dataDir });
    const found = await sql.query(
      "select count(*)::int as n from pg_tables where tablename = 'came_from_the_template'",
    );
    expect(found.rows).toEqual([{ n: 1 }]);
    await sql.close();
    expect(readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')).toBe('this server');
  }, 120_000);
});
