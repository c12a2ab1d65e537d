import { htmlStart } from './html-block.ts';
import { withoutEscapes } from './inline-lexer.ts';
import { MAX_NESTING, MAX_TABLE_COLUMNS } from './limits.ts';
import type { BlockToken, InlineToken, ListItem, TableBlock, TableCell } from './tokens.ts';

// Block markdown (CommonMark with GFM tables, task items and strikethrough), line by line. Each
// top-level token's raw is its exact source, blank lines included as `space` tokens, so the raws
// join back into the text. Quotes and list items lex their inner text again, one level deeper.

type Inline = (text: string) => InlineToken[];

const blank = /^[ \t]*$/;
const fence = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const heading = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const rule = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const quote = /^ {0,3}>/;
const listMark = /^( {0,3})([-*+]|(\d{1,9})[.)])([ \t]+|$)/;
const setext = /^ {0,3}(=+|-+)[ \t]*$/;
const definition = /^ {0,3}\[[^\]\n]{1,999}\]:[ \t]*<?[^\s>]+>?(?:[ \t]+["'(][^\n]*["')])?[ \t]*$/;

class Lines {
  /** The lines without their line ends (a `\r` before the `\n` too). */
  readonly lines: string[] = [];
  /** Where each line starts in the source. */
  readonly starts: number[] = [];
  constructor(readonly src: string) {
    // A text ending in a newline has no line after it.
    for (let at = 0; at < src.length; ) {
      const newline = src.indexOf('\n', at);
      const end = newline < 0 ? src.length : newline;
      this.starts.push(at);
      this.lines.push(src.slice(at, src[end - 1] === '\r' ? end - 1 : end));
      at = end + 1;
    }
  }
  get length() {
    return this.lines.length;
  }
  at(index: number): string {
    return this.lines[index] ?? '';
  }
  /** The source of lines [from, to), line ends included. */
  raw(from: number, to: number): string {
    return this.src.slice(this.starts[from], this.starts[to] ?? this.src.length);
  }
  /** The text of lines [from, to), trimmed: a part of the source, so positions in it hold. */
  text(from: number, to: number): string {
    return this.raw(from, to).trim();
  }
}

function columns(line: string): number {
  let width = 0;
  for (const char of line) {
    if (char === ' ') width++;
    else if (char === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

/** The line without its first `count` columns of indentation (a tab that overshoots leaves spaces). */
function outdent(line: string, count: number): string {
  let width = 0;
  let index = 0;
  while (width < count && (line[index] === ' ' || line[index] === '\t')) {
    width += line[index] === '\t' ? 4 - (width % 4) : 1;
    index++;
  }
  return ' '.repeat(Math.max(0, width - count)) + line.slice(index);
}

interface Mark {
  ordered: boolean;
  /** `-`, `*`, `+`, `.` or `)`: items of one list share it. */
  kind: string;
  start: number;
  /** Where the item's content starts, in columns. */
  content: number;
  /** The first line's content, after the marker. */
  first: string;
  empty: boolean;
}

function listMarkOf(line: string): Mark | undefined {
  const match = listMark.exec(line);
  if (!match || rule.test(line)) return undefined;
  const [whole, indent = '', marker = '', number, spaces = ''] = match;
  const empty = blank.test(line.slice(whole.length));
  const width = columns(`${indent}${' '.repeat(marker.length)}${spaces}`) - indent.length - marker.length;
  // Past four spaces, the content is indented code: one space belongs to the marker.
  const gap = empty || width > 4 ? 1 : width;
  return {
    ordered: number !== undefined,
    kind: marker.slice(-1),
    start: number === undefined ? 1 : Number(number),
    content: indent.length + marker.length + gap,
    first: gap === width ? line.slice(whole.length) : line.slice(indent.length + marker.length + 1),
    empty,
  };
}

function splitRow(line: string): string[] {
  let row = line.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1);
  const cells: string[] = [];
  let cell = '';
  for (let index = 0; index < row.length; index++) {
    const char = row[index];
    if (char === '\\' && row[index + 1] === '|') {
      cell += '|';
      index++;
    } else if (char === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += char;
  }
  cells.push(cell.trim());
  return cells;
}

/** The columns' alignment if `line` is a table's delimiter row for a header of `count` cells. */
function delimiterRow(line: string, count: number): TableBlock['align'] | undefined {
  if (!line.includes('-') || count > MAX_TABLE_COLUMNS || (!line.includes('|') && count > 1)) return undefined;
  const cells = splitRow(line);
  if (cells.length !== count || !cells.every((cell) => /^:?-+:?$/.test(cell))) return undefined;
  return cells.map((cell) =>
    cell.startsWith(':') && cell.endsWith(':')
      ? 'center'
      : cell.endsWith(':')
        ? 'right'
        : cell.startsWith(':')
          ? 'left'
          : null,
  );
}

function tableStart(lines: Lines, index: number): boolean {
  const line = lines.at(index);
  return (
    line.includes('|') &&
    line.split('|').length <= MAX_TABLE_COLUMNS + 2 &&
    !!delimiterRow(lines.at(index + 1), splitRow(line).length)
  );
}

/** Whether a line starts a block that ends a paragraph (or a lazy line of a quote or list item). */
function interrupts(line: string): boolean {
  if (fence.test(line) || heading.test(line) || rule.test(line) || quote.test(line) || htmlStart(line, true))
    return true;
  const mark = listMarkOf(line);
  return !!mark && !mark.empty && (!mark.ordered || mark.start === 1);
}

export function lexBlocksOf(src: string, inline: Inline, depth = 0): BlockToken[] {
  const lines = new Lines(src);
  const tokens: BlockToken[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines.at(index);
    const from = index;
    if ((quote.test(line) || listMarkOf(line)) && depth >= MAX_NESTING) {
      // At the limit a quote or list takes all that is left at its level, shown as one block.
      const rest = lines.raw(from, lines.length);
      tokens.push({ type: 'too-deep', raw: rest, text: rest });
      break;
    }
    index = nextBlock(lines, index, inline, depth, tokens);
    const token = tokens.at(-1);
    if (token) token.raw = lines.raw(from, index);
    if (token?.type === 'html') token.text = token.raw;
  }
  return tokens;
}

/** Lexes the block starting at line `index` onto `tokens`; gives the line after it. */
function nextBlock(lines: Lines, index: number, inline: Inline, depth: number, tokens: BlockToken[]): number {
  const line = lines.at(index);
  let end = index + 1;
  if (blank.test(line)) {
    while (end < lines.length && blank.test(lines.at(end))) end++;
    tokens.push({ type: 'space', raw: '' });
    return end;
  }
  const fenced = fence.exec(line);
  if (fenced && !(fenced[2]?.startsWith('`') && fenced[3]?.includes('`')))
    return codeFence(lines, index, fenced, tokens);
  if (columns(line) >= 4) {
    for (let next = end; next < lines.length; next++) {
      const text = lines.at(next);
      if (!blank.test(text) && columns(text) < 4) break;
      if (!blank.test(text)) end = next + 1;
    }
    const code = Array.from({ length: end - index }, (_, at) => outdent(lines.at(index + at), 4)).join('\n');
    tokens.push({ type: 'code', raw: '', text: code, lang: undefined });
    return end;
  }
  const atx = heading.exec(line);
  if (atx) {
    const text = line
      .slice(atx[0].length)
      .replace(/(?:^|[ \t]+)#+[ \t]*$/, '')
      .trim();
    tokens.push({ type: 'heading', raw: '', depth: atx[1]?.length ?? 1, text, tokens: inline(text) });
    return end;
  }
  if (rule.test(line)) {
    tokens.push({ type: 'hr', raw: '' });
    return end;
  }
  if (quote.test(line)) return blockquote(lines, index, inline, depth, tokens);
  const mark = listMarkOf(line);
  if (mark) return list(lines, index, mark, inline, depth, tokens);
  const htmlEnd = htmlStart(line, false);
  if (htmlEnd) {
    if (htmlEnd === 'blank') while (end < lines.length && !blank.test(lines.at(end))) end++;
    else if (!htmlEnd.test(line.slice(line.indexOf('<') + 2))) {
      while (end < lines.length && !htmlEnd.test(lines.at(end))) end++;
      end = Math.min(end + 1, lines.length);
    }
    tokens.push({ type: 'html', raw: '', text: '' });
    return end;
  }
  if (definition.test(line)) {
    tokens.push({ type: 'def', raw: '' });
    return end;
  }
  if (tableStart(lines, index)) return table(lines, index, inline, tokens);
  return paragraph(lines, index, inline, tokens);
}

function codeFence(lines: Lines, index: number, fenced: RegExpExecArray, tokens: BlockToken[]): number {
  const [, indent = '', marker = '', info = ''] = fenced;
  const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
  let end = index + 1;
  while (end < lines.length && !closing.test(lines.at(end))) end++;
  const body: string[] = [];
  for (let at = index + 1; at < end; at++) body.push(outdent(lines.at(at), indent.length));
  const lang = withoutEscapes(info.trim().split(/\s/)[0] ?? '');
  tokens.push({ type: 'code', raw: '', text: body.join('\n'), lang: lang || undefined });
  return Math.min(end + 1, lines.length);
}

function paragraph(lines: Lines, index: number, inline: Inline, tokens: BlockToken[]): number {
  let end = index + 1;
  for (; end < lines.length; end++) {
    const line = lines.at(end);
    const underline = setext.exec(line);
    if (underline) {
      const text = lines.text(index, end);
      const depth = underline[1]?.startsWith('=') ? 1 : 2;
      tokens.push({ type: 'heading', raw: '', depth, text, tokens: inline(text) });
      return end + 1;
    }
    if (blank.test(line) || interrupts(line) || tableStart(lines, end)) break;
  }
  const text = lines.text(index, end);
  tokens.push({ type: 'paragraph', raw: '', text, tokens: inline(text) });
  return end;
}

function blockquote(lines: Lines, index: number, inline: Inline, depth: number, tokens: BlockToken[]): number {
  const inner: string[] = [];
  let end = index;
  let lazy = false;
  for (; end < lines.length; end++) {
    const line = lines.at(end);
    if (quote.test(line)) {
      const text = line.replace(/^ {0,3}> ?/, '');
      inner.push(text);
      // Only a paragraph goes on into a line without `>`.
      lazy = !blank.test(text) && !fence.test(text) && columns(text) < 4;
    } else if (lazy && !blank.test(line) && !interrupts(line) && !setext.test(line)) inner.push(line);
    else break;
  }
  const text = inner.join('\n');
  tokens.push({ type: 'blockquote', raw: '', text, tokens: lexBlocksOf(text, inline, depth + 1) });
  return end;
}

function sameList(a: Mark, b: Mark): boolean {
  return a.ordered === b.ordered && a.kind === b.kind;
}

function list(lines: Lines, index: number, first: Mark, inline: Inline, depth: number, tokens: BlockToken[]): number {
  const items: ListItem[] = [];
  let loose = false;
  let at = index;
  for (;;) {
    const mark = listMarkOf(lines.at(at)) as Mark;
    const content = [mark.first];
    let end = at + 1;
    let lastBlank = mark.empty;
    for (; end < lines.length; end++) {
      const line = lines.at(end);
      if (blank.test(line)) {
        // An item that starts empty ends at its first blank line.
        if (mark.empty && content.length === 1) break;
        content.push('');
        lastBlank = true;
      } else if (columns(line) >= mark.content) {
        content.push(outdent(line, mark.content));
        lastBlank = false;
      } else if (!lastBlank && !interrupts(line) && !listMarkOf(line) && !setext.test(line)) {
        content.push(line);
      } else break;
    }
    // Blank lines after an item belong to the list only if another of its items follows.
    let trailing = 0;
    while (content.length > 1 && blank.test(content.at(-1) ?? '')) {
      content.pop();
      trailing++;
    }
    const next = listMarkOf(lines.at(end));
    const goesOn = end < lines.length && !!next && sameList(first, next);
    const item = listItem(content, inline, depth);
    item.loose ||= goesOn && trailing > 0;
    loose ||= item.loose;
    items.push(item);
    if (!goesOn) {
      at = end - trailing;
      break;
    }
    at = end;
  }
  for (const item of items) {
    item.loose = loose;
    if (!loose) for (const token of item.tokens) if (token.type === 'paragraph') token.type = 'text';
  }
  tokens.push({ type: 'list', raw: '', ordered: first.ordered, start: first.ordered ? first.start : '', loose, items });
  return at;
}

function listItem(content: string[], inline: Inline, depth: number): ListItem {
  const task = /^\[([ xX])\][ \t]+/.exec(content[0] ?? '');
  if (task) content[0] = (content[0] ?? '').slice(task[0].length);
  const text = content.join('\n');
  const tokens = lexBlocksOf(text, inline, depth + 1);
  // Loose when a blank line separates two of its blocks.
  const inside = tokens.slice(1, -1).some((token) => token.type === 'space');
  return {
    type: 'list_item',
    raw: text,
    task: !!task,
    checked: task ? task[1] !== ' ' : undefined,
    loose: inside,
    text,
    tokens,
  };
}

function table(lines: Lines, index: number, inline: Inline, tokens: BlockToken[]): number {
  const header = splitRow(lines.at(index));
  const align = delimiterRow(lines.at(index + 1), header.length) ?? [];
  const cell = (text: string): TableCell => ({ text, tokens: inline(text) });
  const rows: TableCell[][] = [];
  let end = index + 2;
  for (; end < lines.length; end++) {
    const line = lines.at(end);
    if (blank.test(line) || interrupts(line)) break;
    const cells = splitRow(line);
    rows.push(header.map((_, column) => cell(cells[column] ?? '')));
  }
  tokens.push({ type: 'table', raw: '', align, header: header.map(cell), rows });
  return end;
}
