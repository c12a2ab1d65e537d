import { MAX_NESTING } from './limits.ts';
import type { InlineToken, Links } from './tokens.ts';

// Inline markdown in the CommonMark way: one pass collects text, code, escapes, breaks, autolinks,
// brackets and delimiter runs; a link closes on its `]`; emphasis is paired last. The caller keeps
// the delimiter runs few (plainInline), so pairing them is cheap however they are arranged.

interface Delimiter {
  type: 'delimiter';
  raw: string;
  char: string;
  length: number;
  /** The run's length before pairing used any of it (the "rule of 3" reads it). */
  whole: number;
  open: boolean;
  close: boolean;
}
interface Bracket {
  type: 'bracket';
  raw: '[' | '![';
  at: number;
  active: boolean;
}
type Node = InlineToken | Delimiter | Bracket;

const punctuation = /[\p{P}\p{S}]/u;
const whitespace = /\s/;
const asciiPunctuation = /[!-/:-@[-`{-~]/;
const plainRun = /[^\\`*_~![\]<\nhHwW@&]+/y;
const autolink = /<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*)>/y;
const emailAutolink = /<([\w.!#$%&'*+/=?^`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9-]+)*)>/y;
const bareUrl = /(?:https?:\/\/|www\.)[^\s<]+/iy;
// Numeric references, and the named ones a model writes (others stay as they came).
const entity = /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|(amp|lt|gt|quot|apos|nbsp));/y;
const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const emailLocal = /[\w.+-]/;
const emailDomain = /[a-zA-Z0-9_-]{1,63}(?:\.[a-zA-Z0-9_-]{1,63}){1,8}/y;

const depths = new WeakMap<object, number>();
const depthOf = (tokens: readonly InlineToken[]) => Math.max(0, ...tokens.map((token) => depths.get(token) ?? 0));
const text = (raw: string): InlineToken => ({ type: 'text', raw, text: raw });

/** A link label as definitions are keyed: trimmed, inner spaces collapsed, lower case. */
export const labelKey = (label: string) => label.trim().replace(/\s+/g, ' ').toLowerCase();

export function lexInline(src: string, links: Links): InlineToken[] {
  plainRun.lastIndex = 0;
  if (plainRun.test(src) && plainRun.lastIndex === src.length) return [text(src)];
  const nodes: Node[] = [];
  const openers: number[] = [];
  // For each backtick run length, the position past which no run of that length follows.
  const noCloser = new Map<number, number>();
  let pending = '';
  const flush = () => {
    if (pending) nodes.push(text(pending));
    pending = '';
  };
  const push = (node: Node) => {
    flush();
    nodes.push(node);
  };
  let at = 0;
  while (at < src.length) {
    plainRun.lastIndex = at;
    if (plainRun.test(src)) {
      pending += src.slice(at, plainRun.lastIndex);
      at = plainRun.lastIndex;
      continue;
    }
    const char = src[at] as string;
    const next = src[at + 1] ?? '';
    if (char === '\\' && next === '\n') {
      push({ type: 'br', raw: '\\\n' });
      at += 2;
    } else if (char === '\\' && asciiPunctuation.test(next)) {
      push({ type: 'escape', raw: char + next, text: next });
      at += 2;
    } else if (char === '`') {
      const end = runEnd(src, at);
      const close = closingBackticks(src, end, end - at, noCloser);
      if (close < 0) pending += src.slice(at, end);
      else push({ type: 'codespan', raw: src.slice(at, close + end - at), text: codeText(src.slice(end, close)) });
      at = close < 0 ? end : close + end - at;
    } else if (char === '*' || char === '_' || char === '~') {
      const end = runEnd(src, at);
      if (char === '~' && end - at > 2) pending += src.slice(at, end);
      else push(delimiter(src, at, end));
      at = end;
    } else if (char === '[' || (char === '!' && next === '[')) {
      const raw = char === '[' ? '[' : '![';
      openers.push(nodes.length + (pending ? 1 : 0));
      push({ type: 'bracket', raw, at, active: true });
      at += raw.length;
    } else if (char === ']' && openers.length > 0) {
      flush();
      at = closeBracket(src, at, nodes, openers, links);
    } else if (char === '<' && (matchAt(autolink, src, at) || matchAt(emailAutolink, src, at))) {
      const [raw = '', address = ''] = matchAt(autolink, src, at) ?? matchAt(emailAutolink, src, at) ?? [];
      const href = raw.includes(':') ? address : `mailto:${address}`;
      push(linkToken(raw, href, null, [text(address)]));
      at += raw.length;
    } else if (char === '\n' && pending.endsWith('  ')) {
      let cut = pending.length;
      while (pending[cut - 1] === ' ') cut--;
      const spaces = pending.slice(cut);
      pending = pending.slice(0, cut);
      push({ type: 'br', raw: `${spaces}\n` });
      at++;
    } else if (char === '&' && matchAt(entity, src, at)) {
      const [raw, decimal, hex, name = ''] = matchAt(entity, src, at) as RegExpExecArray;
      push({
        type: 'escape',
        raw,
        text:
          decimal || hex ? codePoint(Number.parseInt(decimal ?? hex ?? '', decimal ? 10 : 16)) : (named[name] ?? raw),
      });
      at += raw.length;
    } else if (char === '@' && emailAt(src, at, pending) && !inLink(nodes, openers)) {
      const [local, domain] = emailAt(src, at, pending) as [string, string];
      pending = pending.slice(0, -local.length);
      push(linkToken(`${local}@${domain}`, `mailto:${local}@${domain}`, null, [text(`${local}@${domain}`)]));
      at += 1 + domain.length;
    } else if (/[hw]/i.test(char) && !/[\p{L}\p{N}]/u.test(src[at - 1] ?? '') && !inLink(nodes, openers)) {
      const url = bareLink(src, at);
      if (url) push(linkToken(url, /^www\./i.test(url) ? `http://${url}` : url, null, [text(url)]));
      else pending += char;
      at += url ? url.length : 1;
    } else {
      pending += char;
      at++;
    }
  }
  flush();
  return finish(nodes);
}

function runEnd(src: string, at: number): number {
  let end = at;
  while (src[end] === src[at]) end++;
  return end;
}

function closingBackticks(src: string, from: number, length: number, noCloser: Map<number, number>): number {
  if ((noCloser.get(length) ?? Number.POSITIVE_INFINITY) <= from) return -1;
  for (let at = src.indexOf('`', from); at >= 0; at = src.indexOf('`', at)) {
    const end = runEnd(src, at);
    if (end - at === length) return at;
    at = end;
  }
  noCloser.set(length, from);
  return -1;
}

function codeText(inner: string): string {
  const flat = inner.replace(/\n/g, ' ');
  return flat.startsWith(' ') && flat.endsWith(' ') && flat.trim() ? flat.slice(1, -1) : flat;
}

// Whether a run can open or close emphasis depends on what is on either side (CommonMark's flanking).
function delimiter(src: string, at: number, end: number): Delimiter {
  const before = src[at - 1] ?? ' ';
  const after = src[end] ?? ' ';
  const spaceBefore = whitespace.test(before);
  const spaceAfter = whitespace.test(after);
  const left = !spaceAfter && (!punctuation.test(after) || spaceBefore || punctuation.test(before));
  const right = !spaceBefore && (!punctuation.test(before) || spaceAfter || punctuation.test(after));
  const char = src[at] as string;
  const underscore = char === '_';
  return {
    type: 'delimiter',
    raw: src.slice(at, end),
    char,
    length: end - at,
    whole: end - at,
    open: left && (!underscore || !right || punctuation.test(before)),
    close: right && (!underscore || !left || punctuation.test(after)),
  };
}

function matchAt(pattern: RegExp, src: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(src);
}

function inLink(nodes: Node[], openers: number[]) {
  return openers.some((index) => {
    const node = nodes[index];
    return node?.type === 'bracket' && node.raw === '[' && node.active;
  });
}

// As HTML reads a numeric character reference: none, a surrogate or past Unicode is U+FFFD.
function codePoint(code: number): string {
  return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
}

/** A bare email address around the `@` at `at`: its local part (the end of `pending`) and domain. */
function emailAt(src: string, at: number, pending: string): [string, string] | undefined {
  // Looked for at every `@`, so never more than an address's length back or ahead.
  let start = pending.length;
  while (start > 0 && pending.length - start <= 64 && emailLocal.test(pending[start - 1] as string)) start--;
  if (pending.length - start > 64 || start === pending.length) return undefined;
  const domain = matchAt(emailDomain, src, at + 1)?.[0];
  return domain && !/[-_]$/.test(domain) ? [pending.slice(start), domain] : undefined;
}

// A bare URL ends before trailing punctuation, and before a `)` it did not open.
function bareLink(src: string, at: number): string | undefined {
  const match = matchAt(bareUrl, src, at)?.[0] ?? '';
  let unopened = 0;
  for (const char of match) unopened += char === ')' ? 1 : char === '(' ? -1 : 0;
  let end = match.length;
  for (;;) {
    while (end > 0 && `?!.,:;*_~'"`.includes(match[end - 1] as string)) end--;
    if (match[end - 1] !== ')' || unopened <= 0) break;
    end--;
    unopened--;
  }
  const url = match.slice(0, end);
  return /^(?:https?:\/\/|www\.)[\p{L}\p{N}]/iu.test(url) ? url : undefined;
}

function linkToken(raw: string, href: string, title: string | null, tokens: InlineToken[]): InlineToken {
  const token: InlineToken = { type: 'link', raw, href, title, text: tokens.map((t) => t.raw).join(''), tokens };
  depths.set(token, depthOf(tokens) + 1);
  return token;
}

/** At a `]`: a link or image if a destination or a known label follows; else the brackets are text. */
function closeBracket(src: string, at: number, nodes: Node[], openers: number[], links: Links): number {
  const index = openers.pop() as number;
  const opener = nodes[index] as Bracket;
  const label = src.slice(opener.at + opener.raw.length, at);
  const target = opener.active ? linkTarget(src, at + 1, label, links) : undefined;
  const inner = nodes.slice(index + 1);
  const tokens = target ? finish(inner) : [];
  if (!target || depthOf(tokens) >= MAX_NESTING) {
    // Pairing the inner runs changed them: keep what it made.
    if (target) nodes.splice(index + 1, nodes.length, ...tokens);
    nodes[index] = text(opener.raw);
    nodes.push(text(']'));
    return at + 1;
  }
  nodes.length = index;
  const raw = src.slice(opener.at, target.end);
  if (opener.raw === '![') {
    const alt = tokens.map((token) => ('text' in token ? token.text : token.raw)).join('');
    nodes.push({ type: 'image', raw, href: target.href, title: target.title, text: alt });
    return target.end;
  }
  nodes.push(linkToken(raw, target.href, target.title, tokens));
  // No link inside a link: the brackets still open before this one can no longer make one.
  for (const open of openers) {
    const node = nodes[open];
    if (node?.type === 'bracket' && node.raw === '[') node.active = false;
  }
  return target.end;
}

interface Target {
  href: string;
  title: string | null;
  end: number;
}

/** The text with backslash escapes of punctuation undone. */
export const withoutEscapes = (value: string) => value.replace(/\\([!-/:-@[-`{-~])/g, '$1');

function linkTarget(src: string, at: number, label: string, links: Links): Target | undefined {
  if (src[at] === '(') return inlineTarget(src, at + 1);
  if (src[at] === '[') {
    const close = src.indexOf(']', at + 1);
    const reference = close < 0 ? '' : src.slice(at + 1, close);
    if (close < 0 || reference.length > 999 || reference.includes('[')) return undefined;
    const found = links[labelKey(reference || label)];
    return found ? { ...found, end: close + 1 } : undefined;
  }
  const found = label.length <= 999 ? links[labelKey(label)] : undefined;
  return found ? { ...found, end: at } : undefined;
}

// `(destination "title")`: the destination in <…> or without spaces and with balanced parentheses.
function inlineTarget(src: string, from: number): Target | undefined {
  let at = skipSpace(src, from);
  let href = '';
  if (src[at] === '<') {
    const close = src.slice(at + 1).search(/[<>\n]/);
    if (close < 0 || src[at + 1 + close] !== '>') return undefined;
    href = src.slice(at + 1, at + 1 + close);
    at += close + 2;
  } else {
    const start = at;
    let depth = 0;
    for (; at < src.length; at++) {
      const char = src[at] as string;
      if (char === '\\' && asciiPunctuation.test(src[at + 1] ?? '')) at++;
      else if (char === '(') depth++;
      else if (char === ')' && depth-- === 0) break;
      else if (char <= ' ') break;
    }
    if (depth > 0) return undefined;
    href = src.slice(start, at);
  }
  const afterHref = at;
  at = skipSpace(src, at);
  let title: string | null = null;
  const quote = src[at];
  if (at > afterHref && (quote === '"' || quote === "'" || quote === '(')) {
    const closer = quote === '(' ? ')' : quote;
    let end = at + 1;
    while (end < src.length && src[end] !== closer) end += src[end] === '\\' ? 2 : 1;
    if (end >= src.length) return undefined;
    title = withoutEscapes(src.slice(at + 1, end));
    at = skipSpace(src, end + 1);
  }
  return src[at] === ')' ? { href: withoutEscapes(href), title, end: at + 1 } : undefined;
}

function skipSpace(src: string, at: number): number {
  let end = at;
  let newlines = 0;
  while (src[end] === ' ' || src[end] === '\t' || (src[end] === '\n' && ++newlines < 2)) end++;
  return end;
}

/** Pairs delimiter runs into emphasis, then leaves what is unpaired as text, neighbours merged. */
function finish(nodes: Node[]): InlineToken[] {
  pairEmphasis(nodes);
  const out: InlineToken[] = [];
  for (const node of nodes) {
    const token =
      node.type === 'delimiter' ? text(node.char.repeat(node.length)) : node.type === 'bracket' ? text(node.raw) : node;
    const last = out.at(-1);
    if (token.type === 'text' && last?.type === 'text') {
      out[out.length - 1] = text(last.raw + token.raw);
    } else if (token.raw) out.push(token);
  }
  return out;
}

function pairEmphasis(nodes: Node[]) {
  for (let index = 0; index < nodes.length; index++) {
    const closer = nodes[index] as Node;
    if (closer.type !== 'delimiter' || !closer.close || closer.length === 0) continue;
    const from = openerFor(nodes, index, closer);
    if (from < 0) continue;
    const opener = nodes[from] as Delimiter;
    const use = closer.char === '~' ? closer.length : Math.min(2, opener.length, closer.length);
    const inner = finish(nodes.slice(from + 1, index));
    if (depthOf(inner) >= MAX_NESTING) continue;
    const mark = closer.char.repeat(use);
    const body = inner.map((token) => token.raw).join('');
    const type = closer.char === '~' ? 'del' : use === 2 ? 'strong' : 'em';
    const token: InlineToken = { type, raw: mark + body + mark, text: body, tokens: inner };
    depths.set(token, depthOf(inner) + 1);
    opener.length -= use;
    closer.length -= use;
    nodes.splice(from + 1, index - from - 1, token);
    index = from + 2;
    if (opener.length === 0) {
      nodes.splice(from, 1);
      index--;
    }
    if (closer.length === 0) nodes.splice(index, 1);
    // The loop's step then lands on the same closer, if some of it is left, or on the node after it.
    index--;
  }
}

function openerFor(nodes: Node[], index: number, closer: Delimiter): number {
  for (let from = index - 1; from >= 0; from--) {
    const opener = nodes[from] as Node;
    if (opener.type !== 'delimiter' || opener.char !== closer.char || !opener.open || opener.length === 0) continue;
    if (closer.char === '~') {
      if (opener.length === closer.length) return from;
      continue;
    }
    const both = opener.close || closer.open;
    if (both && (opener.whole + closer.whole) % 3 === 0 && (opener.whole % 3 !== 0 || closer.whole % 3 !== 0)) continue;
    return from;
  }
  return -1;
}
