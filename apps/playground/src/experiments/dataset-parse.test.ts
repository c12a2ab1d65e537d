import { describe, expect, it } from 'vitest';
import { DatasetParseError, decodeBytes, parseDataset, parseDatasetBytes } from './dataset-parse.ts';
import { toCsv, toJsonl } from './table-export.ts';

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetParseError);
    const { line, column, message } = error as DatasetParseError;
    return { line, column, message };
  }
  throw new Error('the file was accepted');
}

describe('CSV', () => {
  it('reads quoted values with commas, doubled quotes and line breaks, CRLF or LF', () => {
    const table = parseDataset('city,note\r\nParis,"a, b"\r\n"Oslo","say ""hi""\nthere"\n', 'csv');
    expect(table).toEqual({
      columns: ['city', 'note'],
      rows: [
        ['Paris', 'a, b'],
        ['Oslo', 'say "hi"\nthere'],
      ],
    });
  });

  it('refuses a quote that is never closed, where it opens', () => {
    expect(refusal(() => parseDataset('a,b\n1,"open\n2,3\n', 'csv'))).toMatchObject({ line: 2, column: 3 });
  });

  it('refuses text after a closing quote and a quote inside an unquoted value', () => {
    expect(refusal(() => parseDataset('a,b\n"x"y,2\n', 'csv'))).toMatchObject({ line: 2, column: 4 });
    expect(refusal(() => parseDataset('a,b\n1,2\nab"c,3\n', 'csv'))).toMatchObject({ line: 3, column: 3 });
  });

  it('refuses a row with the wrong number of values, naming its line', () => {
    const problem = refusal(() => parseDataset('a,b\n1,2\n"multi\nline",2\n3,4,5\n', 'csv'));
    expect(problem).toMatchObject({ line: 5, column: 1 });
    expect(problem.message).toContain('3 values where the header has 2 columns');
  });

  it('refuses an empty file and a header with a blank or repeated name', () => {
    expect(refusal(() => parseDataset('', 'csv'))).toMatchObject({ line: 1, column: 1 });
    expect(refusal(() => parseDataset(' \n\n', 'csv')).message).toContain('empty');
    expect(refusal(() => parseDataset('a,,b\n1,2,3', 'csv')).message).toContain('column 2 has no name');
    expect(refusal(() => parseDataset('a,a\n1,2', 'csv')).message).toContain('named twice');
  });

  it('takes 10,000 rows and refuses 10,001 at the extra row', () => {
    const rows = (count: number) => `q\n${Array.from({ length: count }, (_, index) => `row ${index}`).join('\n')}\n`;
    expect(parseDataset(rows(10_000), 'csv').rows).toHaveLength(10_000);
    const problem = refusal(() => parseDataset(rows(10_001), 'csv'));
    expect(problem).toMatchObject({ line: 10_002, column: 1 });
    expect(problem.message).toContain('more than 10,000 rows');
  });
});

describe('TSV', () => {
  it('reads tab-separated values with quotes kept as text', () => {
    expect(parseDataset('a\tb\n"x"\ty z\n', 'tsv')).toEqual({ columns: ['a', 'b'], rows: [['"x"', 'y z']] });
  });

  it('refuses a wrong column count and an empty file', () => {
    expect(refusal(() => parseDataset('a\tb\n1\t2\n1\n', 'tsv'))).toMatchObject({ line: 3, column: 1 });
    expect(refusal(() => parseDataset('\n', 'tsv')).message).toContain('empty');
  });

  it('refuses 10,001 rows', () => {
    const text = `q\n${Array.from({ length: 10_001 }, () => 'x').join('\n')}`;
    expect(refusal(() => parseDataset(text, 'tsv')).line).toBe(10_002);
  });
});

describe('JSONL', () => {
  it('reads one object per line, keys in order of first appearance, non-strings as JSON', () => {
    const table = parseDataset('{"q":"a","n":1}\n\n{"q":"b","extra":{"x":true}}\n', 'jsonl');
    expect(table).toEqual({
      columns: ['q', 'n', 'extra'],
      rows: [
        ['a', '1', ''],
        ['b', '', '{"x":true}'],
      ],
    });
  });

  it('refuses a line that is not JSON, or not an object, with its line', () => {
    const broken = refusal(() => parseDataset('{"q":"a"}\n{"q": oops}\n', 'jsonl'));
    expect(broken.line).toBe(2);
    expect(broken.column).toBe(7);
    expect(refusal(() => parseDataset('{"q":"a"}\n[1,2]\n', 'jsonl'))).toMatchObject({ line: 2, column: 1 });
  });

  it('refuses an empty file and 10,001 rows', () => {
    expect(refusal(() => parseDataset('   ', 'jsonl')).message).toContain('empty');
    const text = Array.from({ length: 10_001 }, (_, index) => JSON.stringify({ q: index })).join('\n');
    expect(refusal(() => parseDataset(text, 'jsonl')).line).toBe(10_001);
  });
});

describe('bytes', () => {
  const encode = (text: string) => new TextEncoder().encode(text);

  it('refuses bad UTF-8 at its line and column, and reads good UTF-8 without the BOM', () => {
    const good = encode('\uFEFFcity\nZürich\n');
    expect(decodeBytes(good)).toBe('city\nZürich\n');
    const bad = new Uint8Array([...encode('city\nZü'), 0xff, ...encode('rich\n')]);
    expect(refusal(() => parseDatasetBytes(bad, 'csv'))).toMatchObject({ line: 2, column: 3 });
    const truncated = new Uint8Array([...encode('a\n'), 0xe2, 0x82]);
    expect(refusal(() => parseDatasetBytes(truncated, 'tsv'))).toMatchObject({ line: 2, column: 1 });
    const surrogate = new Uint8Array([...encode('{"a":"'), 0xed, 0xa0, 0x80, ...encode('"}')]);
    expect(refusal(() => parseDatasetBytes(surrogate, 'jsonl')).message).toContain('not UTF-8');
  });
});

describe('export', () => {
  it('writes CSV that reads back the same, and JSONL keyed by column', () => {
    const table = {
      columns: ['q', 'answer'],
      rows: [
        ['a, "b"', 'line\nbreak'],
        [' pad', '=1+1'],
      ],
    };
    expect(parseDataset(toCsv(table), 'csv')).toEqual(table);
    expect(
      toJsonl(table)
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual([
      { q: 'a, "b"', answer: 'line\nbreak' },
      { q: ' pad', answer: '=1+1' },
    ]);
  });
});
