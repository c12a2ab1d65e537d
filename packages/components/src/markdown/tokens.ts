// The markdown tokens the renderer reads. Every token keeps the exact source it came from as `raw`:
// the raws of a text's blocks, and of a block's inline tokens, join back into that text, which is
// how citation markers find their place.

/** Reference-link definitions by label (trimmed, spaces collapsed, lower case). */
export type Links = Record<string, { href: string; title: string | null }>;

export interface InlineText {
  type: 'text' | 'escape';
  raw: string;
  text: string;
}
export interface InlineCode {
  type: 'codespan';
  raw: string;
  text: string;
}
export interface InlineBreak {
  type: 'br';
  raw: string;
}
export interface InlineSpan {
  type: 'strong' | 'em' | 'del';
  raw: string;
  text: string;
  tokens: InlineToken[];
}
export interface InlineLink {
  type: 'link';
  raw: string;
  href: string;
  title: string | null;
  text: string;
  tokens: InlineToken[];
}
export interface InlineImage {
  type: 'image';
  raw: string;
  href: string;
  title: string | null;
  text: string;
}
export type InlineToken = InlineText | InlineCode | InlineBreak | InlineSpan | InlineLink | InlineImage;

export interface SpaceBlock {
  type: 'space' | 'hr' | 'def';
  raw: string;
}
/** A paragraph, or the text of a tight list item (`text`), or raw HTML or a too-deep block (no tokens). */
export interface TextBlock {
  type: 'paragraph' | 'text';
  raw: string;
  text: string;
  tokens: InlineToken[];
}
export interface RawBlock {
  type: 'html' | 'too-deep';
  raw: string;
  text: string;
}
export interface HeadingBlock {
  type: 'heading';
  raw: string;
  depth: number;
  text: string;
  tokens: InlineToken[];
}
export interface CodeBlockToken {
  type: 'code';
  raw: string;
  text: string;
  lang: string | undefined;
}
export interface QuoteBlock {
  type: 'blockquote';
  raw: string;
  text: string;
  tokens: BlockToken[];
}
export interface ListItem {
  type: 'list_item';
  raw: string;
  task: boolean;
  checked: boolean | undefined;
  loose: boolean;
  text: string;
  tokens: BlockToken[];
}
export interface ListBlock {
  type: 'list';
  raw: string;
  ordered: boolean;
  start: number | '';
  loose: boolean;
  items: ListItem[];
}
export interface TableCell {
  text: string;
  tokens: InlineToken[];
}
export interface TableBlock {
  type: 'table';
  raw: string;
  align: ('left' | 'right' | 'center' | null)[];
  header: TableCell[];
  rows: TableCell[][];
}
export type BlockToken =
  | SpaceBlock
  | TextBlock
  | RawBlock
  | HeadingBlock
  | CodeBlockToken
  | QuoteBlock
  | ListBlock
  | TableBlock;
