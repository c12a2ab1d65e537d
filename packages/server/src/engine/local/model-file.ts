import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CodeBlock } from './corpus.ts';
import type { CountTable, NgramTables } from './ngram-model.ts';

/** Bump when the tables' meaning or the corpus' reading changes: an older file is then ignored and made again. */
export const MODEL_FORMAT = 'ck-ngram-8';

export interface ModelStats {
  paragraphs: number;
  tokens: number;
  vocabulary: number;
  trainingMs: number;
}

type ArrayName = keyof CountTable;
const ARRAYS: ArrayName[] = ['keys', 'offsets', 'tokens', 'counts', 'sorted'];
const TABLES: (keyof NgramTables)[] = ['trigrams', 'bigrams', 'unigrams'];

interface Header {
  format: string;
  stats: ModelStats;
  /** Byte offset and length (in elements) of each array, table by table. */
  arrays: { table: keyof NgramTables; name: ArrayName; offset: number; length: number }[];
  /** Byte offset and length of the passages and code blocks, as UTF-8 JSON. */
  texts: { offset: number; length: number };
}

/** What a model file holds: the tables to sample from, and the passages and code answers are grounded in. */
export interface ModelContents {
  tables: NgramTables;
  passages: string[];
  /** Indices of the passages from own documents (see isOwnDocument). */
  own: number[];
  code: CodeBlock[];
  stats: ModelStats;
}

/**
 * The model as one file: a JSON header line, then the tables' typed arrays, each at an offset
 * aligned for its element size, so loading is a read and a few views (no parsing, no training),
 * then the passages' text.
 */
export function writeModelFile(file: string, { tables, passages, own, code, stats }: ModelContents): void {
  const parts: Buffer[] = [];
  const arrays: Header['arrays'] = [];
  let offset = 0;
  for (const table of TABLES) {
    for (const name of ARRAYS) {
      const array = tables[table][name];
      arrays.push({ table, name, offset, length: array.length });
      const bytes = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
      const padded = Buffer.alloc(Math.ceil(bytes.length / 8) * 8);
      bytes.copy(padded);
      parts.push(padded);
      offset += padded.length;
    }
  }
  const text = Buffer.from(JSON.stringify({ passages, own, code }));
  parts.push(text);
  const header = Buffer.from(
    `${JSON.stringify({ format: MODEL_FORMAT, stats, arrays, texts: { offset, length: text.length } } satisfies Header)}\n`,
  );
  const headerLength = Buffer.alloc(8);
  headerLength.writeUInt32LE(Math.ceil(header.length / 8) * 8);
  const paddedHeader = Buffer.alloc(Math.ceil(header.length / 8) * 8, 0x20);
  header.copy(paddedHeader);
  mkdirSync(path.dirname(file), { recursive: true });
  // Written aside and renamed: a server starting meanwhile never reads half a file.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.concat([headerLength, paddedHeader, ...parts]));
  renameSync(partial, file);
}

/** The model in `file`, or null when there is none or it is of another format. */
export function readModelFile(file: string): ModelContents | null {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return null;
  }
  const headerLength = data.readUInt32LE(0);
  let header: Header;
  try {
    header = JSON.parse(data.subarray(8, 8 + headerLength).toString('utf8'));
  } catch {
    return null;
  }
  if (header.format !== MODEL_FORMAT) return null;
  // One aligned copy of the arrays' bytes: a file buffer's offset need not suit an 8-byte view.
  const body = new Uint8Array(data.length - 8 - headerLength);
  body.set(data.subarray(8 + headerLength));
  const tables = {} as Record<keyof NgramTables, Partial<CountTable>>;
  for (const { table, name, offset, length } of header.arrays) {
    tables[table] ??= {};
    const View = name === 'keys' ? Float64Array : name === 'tokens' ? Int32Array : Uint32Array;
    (tables[table] as Record<ArrayName, unknown>)[name] = new View(body.buffer, offset, length);
  }
  const { offset, length } = header.texts;
  const { passages, own, code } = JSON.parse(Buffer.from(body.buffer, offset, length).toString('utf8'));
  return { tables: tables as unknown as NgramTables, passages, own, code, stats: header.stats };
}
