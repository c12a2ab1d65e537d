import type { Table } from './dataset-parse.ts';

// Quoted when it must be (RFC 4180), so the file reads back as written; CRLF line ends as the RFC says.
const csvField = (value: string) => (/[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** A table as CSV, header first. */
export function toCsv(table: Table): string {
  return `${[table.columns, ...table.rows].map((fields) => fields.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** A table as JSONL: one object per row, keyed by column. */
export function toJsonl(table: Table): string {
  return table.rows
    .map((row) => JSON.stringify(Object.fromEntries(table.columns.map((name, index) => [name, row[index] ?? '']))))
    .map((line) => `${line}\n`)
    .join('');
}

/** Offers text as a file download. */
export function download(fileName: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
