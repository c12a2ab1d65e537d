import { cpSync, rmSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';

let t = performance.now();
rmSync('/tmp/pgl2', { recursive: true, force: true });
cpSync('/tmp/pgl', '/tmp/pgl2', { recursive: true });
const db = await PGlite.create('/tmp/pgl2');
console.log('copy+open', (performance.now() - t).toFixed(0), (await db.query('select count(*) from t')).rows);
t = performance.now();
const blob = await db.dumpDataDir('none');
console.log('dump', (performance.now() - t).toFixed(0), blob.size);
t = performance.now();
const mem = await PGlite.create({ loadDataDir: blob });
console.log('memory from dump', (performance.now() - t).toFixed(0), (await mem.query('select count(*) from t')).rows);
