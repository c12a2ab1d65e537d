// Runs once before the server tests: one PGlite initdb + migration, dumped to a file that every
// test server starts from (0.7 s instead of 2.6 s each). The data itself is real PGlite.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { migrate } from '../storage/migrations.ts';

export default async function setup({ provide }: { provide: (key: string, value: string) => void }) {
  const folder = mkdtempSync(path.join(tmpdir(), 'ck-pglite-template-'));
  const db = await PGlite.create();
  await migrate({
    kind: 'pglite',
    query: async (text, params) => ({ rows: (await db.query(text, params)).rows as never[] }),
    exec: async (text) => {
      await db.exec(text);
    },
    assertAvailable: () => {},
    health: async () => ({ available: true }),
    close: () => db.close(),
  });
  const dump = await db.dumpDataDir('none');
  const file = path.join(folder, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await db.close();
  provide('pgliteTemplate', file);
  return () => rmSync(folder, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
