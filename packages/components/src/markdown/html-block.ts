// Where raw HTML blocks start and end, after CommonMark's seven kinds: a model's HTML is shown as
// text, but where it starts and ends decides what stays markdown around it.

const verbatim = /^ {0,3}<(script|pre|style|textarea)(?=[\s>]|$)/i;
// CommonMark's block tags, less the ones a model never writes (frameset, menuitem, basefont…).
const blockTags =
  'address|article|aside|blockquote|body|caption|center|col|colgroup|dd|details|dialog|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|head|header|hr|html|iframe|legend|li|main|nav|ol|p|section|summary|table|tbody|td|tfoot|th|thead|tr|ul';
const blockTag = new RegExp(`^ {0,3}</?(?:${blockTags})(?=[\\s/>]|$)`, 'i');
// Any other tag starts a block only alone on its line (and never inside a paragraph).
const loneTag =
  /^ {0,3}(?:<[a-zA-Z][\w-]*(?:\s+[a-zA-Z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[a-zA-Z][\w-]*\s*>)[ \t]*$/;

/** How the block that `line` starts ends, or undefined when it starts none. */
export type HtmlEnd = RegExp | 'blank';

export function htmlStart(line: string, inParagraph: boolean): HtmlEnd | undefined {
  const kind = verbatim.exec(line)?.[1];
  if (kind) return new RegExp(`</${kind}>`, 'i');
  if (/^ {0,3}<!--/.test(line)) return /-->/;
  if (/^ {0,3}<\?/.test(line)) return /\?>/;
  if (/^ {0,3}<![a-zA-Z]/.test(line)) return />/;
  if (/^ {0,3}<!\[CDATA\[/.test(line)) return /\]\]>/;
  if (blockTag.test(line)) return 'blank';
  return !inParagraph && line.length < 1000 && loneTag.test(line) ? 'blank' : undefined;
}
