/**
 * Dataset files read as tables: CSV (RFC 4180 quoting), TSV (no quoting: a tab or a newline cannot be
 * inside a value) and JSONL (one object per line). A bad file is refused whole with the line and
 * column of its first problem: nothing is imported in part.
 */

export interface Table {
  columns: string[];
  rows: string[][];
}

export type DatasetFormat = 'csv' | 'tsv' | 'jsonl';

/** Most rows in one dataset. */
export const MAX_ROWS = 10_000;

/** A file refused, with where (1-based line and column, in characters) its first problem is. */
export class DatasetParseError extends Error {
  readonly type = 'dataset_parse';
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`Line ${line}, column ${column}: ${message}`);
    this.name = 'DatasetParseError';
  }
}

/** The format a file name says, or null. */
export function formatOf(fileName: string): DatasetFormat | null {
  const extension = fileName.toLowerCase().split('.').at(-1);
  if (extension === 'csv' || extension === 'tsv' || extension === 'jsonl') return extension;
  if (extension === 'ndjson') return 'jsonl';
  return null;
}

/** Where byte `offset` of valid UTF-8 `bytes` sits, as a line and column of characters. */
function positionOfByte(bytes: Uint8Array, offset: number) {
  const before = new TextDecoder().decode(bytes.subarray(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, column: [...(lines.at(-1) ?? '')].length + 1 };
}

/** The byte offset of the first sequence that is not well-formed UTF-8, or -1. */
export function firstBadUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] as number;
    const length =
      lead < 0x80
        ? 1
        : lead >= 0xc2 && lead <= 0xdf
          ? 2
          : lead >= 0xe0 && lead <= 0xef
            ? 3
            : lead >= 0xf0 && lead <= 0xf4
              ? 4
              : 0;
    if (length === 0 || index + length > bytes.length) return index;
    for (let next = 1; next < length; next++) if (((bytes[index + next] as number) & 0xc0) !== 0x80) return index;
    const second = bytes[index + 1] as number;
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF.
    if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f)) return index;
    if ((lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) return index;
    index += length;
  }
  return -1;
}

/** File bytes as text; refused at the first byte that is not UTF-8. A leading BOM is dropped. */
export function decodeBytes(bytes: Uint8Array): string {
  const bad = firstBadUtf8(bytes);
  if (bad >= 0) {
    const { line, column } = positionOfByte(bytes, bad);
    throw new DatasetParseError(
      `not UTF-8 (byte 0x${(bytes[bad] as number).toString(16).padStart(2, '0')}); save the file as UTF-8.`,
      line,
      column,
    );
  }
  return new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
}

export function parseDataset(text: string, format: DatasetFormat): Table {
  if (text.trim() === '') throw new DatasetParseError('the file is empty.', 1, 1);
  if (format === 'jsonl') return parseJsonl(text);
  const records = format === 'csv' ? csvRecords(text) : tsvRecords(text);
  return tableOf(records);
}

export function parseDatasetBytes(bytes: Uint8Array, format: DatasetFormat): Table {
  return parseDataset(decodeBytes(bytes), format);
}

interface RawRecord {
  line: number;
  fields: string[];
}

function tableOf(records: RawRecord[]): Table {
  const [header, ...body] = records;
  if (!header) throw new DatasetParseError('the file is empty.', 1, 1);
  const columns = header.fields.map((name) => name.trim());
  checkColumns(columns, header.line);
  if (body.length > MAX_ROWS)
    throw new DatasetParseError(
      `more than ${MAX_ROWS.toLocaleString('en')} rows.`,
      (body[MAX_ROWS] as RawRecord).line,
      1,
    );
  for (const record of body)
    if (record.fields.length !== columns.length)
      throw new DatasetParseError(
        `${record.fields.length} values where the header has ${columns.length} columns.`,
        record.line,
        1,
      );
  return { columns, rows: body.map((record) => record.fields) };
}

function checkColumns(columns: string[], line: number) {
  const seen = new Set<string>();
  for (const [index, name] of columns.entries()) {
    if (name === '') throw new DatasetParseError(`column ${index + 1} has no name in the header.`, line, 1);
    if (seen.has(name)) throw new DatasetParseError(`the column “${name}” is named twice.`, line, 1);
    seen.add(name);
  }
}

/** RFC 4180 records; CRLF or LF line ends; blank lines are skipped. */
function csvRecords(text: string): RawRecord[] {
  const records: RawRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let column = 0;
  let recordLine = 1;
  let quotedFrom: { line: number; column: number } | null = null;
  let afterQuote = false;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    column++;
    if (quotedFrom) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
        column++;
      } else if (char === '"') {
        quotedFrom = null;
        afterQuote = true;
      } else {
        field += char;
        if (char === '\n') {
          line++;
          column = 0;
        }
      }
      continue;
    }
    if (char === ',') {
      fields.push(field);
      field = '';
      afterQuote = false;
    } else if (char === '\n' || (char === '\r' && text[index + 1] === '\n')) {
      if (char === '\r') index++;
      endRecord();
      afterQuote = false;
      line++;
      column = 0;
      recordLine = line;
    } else if (afterQuote) {
      throw new DatasetParseError(
        'text after a closing quote; a quote inside a quoted value is written "".',
        line,
        column,
      );
    } else if (char === '"') {
      if (field !== '')
        throw new DatasetParseError('a quote inside an unquoted value; quote the whole value.', line, column);
      quotedFrom = { line, column };
    } else field += char;
  }
  if (quotedFrom) throw new DatasetParseError('a quoted value is never closed.', quotedFrom.line, quotedFrom.column);
  endRecord();
  return records;
}

function tsvRecords(text: string): RawRecord[] {
  return text
    .split(/\r?\n/)
    .map((content, index) => ({ line: index + 1, fields: content.split('\t') }))
    .filter((record) => !(record.fields.length === 1 && record.fields[0] === ''));
}

/** Whether `text` is valid JSON or could become so with more text after it. */
function jsonPrefixOk(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch (error) {
    return /end of (json input|data)|unterminated|unexpected end/i.test((error as Error).message);
  }
}

/**
 * The column of the first character that makes a line invalid JSON. Engines word (and place) their
 * errors differently, so it is found by search: a prefix that is fine stays fine until that character.
 */
function jsonErrorColumn(line: string): number {
  let low = 0;
  let high = line.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (jsonPrefixOk(line.slice(0, middle + 1))) low = middle + 1;
    else high = middle;
  }
  return Math.min(low, line.length - 1) + 1;
}

const cellText = (value: unknown): string =>
  typeof value === 'string' ? value : value === null || value === undefined ? '' : JSON.stringify(value);

/** One object per line; the columns are every key, in order of first appearance; a missing key is empty. */
function parseJsonl(text: string): Table {
  const objects: Record<string, unknown>[] = [];
  const columns: string[] = [];
  for (const [index, content] of text.split(/\r?\n/).entries()) {
    if (content.trim() === '') continue;
    if (objects.length === MAX_ROWS)
      throw new DatasetParseError(`more than ${MAX_ROWS.toLocaleString('en')} rows.`, index + 1, 1);
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch (error) {
      throw new DatasetParseError(`not valid JSON (${(error as Error).message}).`, index + 1, jsonErrorColumn(content));
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new DatasetParseError('each line must be a JSON object.', index + 1, 1);
    for (const key of Object.keys(value)) if (!columns.includes(key)) columns.push(key);
    objects.push(value as Record<string, unknown>);
  }
  checkColumns(columns, 1);
  return {
    columns,
    rows: objects.map((object) => columns.map((name) => cellText(Object.hasOwn(object, name) ? object[name] : ''))),
  };
}
