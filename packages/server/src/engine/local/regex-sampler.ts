import type { Random } from './random.ts';

/** A regular expression as a tree the sampler can walk: enough of the syntax for tool grammars and schema patterns. */
export type RegexNode =
  | { kind: 'alternation'; options: RegexNode[] }
  | { kind: 'sequence'; items: RegexNode[] }
  | { kind: 'repeat'; node: RegexNode; min: number; max: number }
  | { kind: 'set'; chars: string[] };

export class RegexSyntaxError extends Error {}

const PRINTABLE = Array.from({ length: 95 }, (_, index) => String.fromCharCode(32 + index));
const DIGITS = [...'0123456789'];
const WORD = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'];
const SPACE = [' '];
/** Unbounded repeats are drawn up to this many more than the minimum. */
const OPEN_EXTRA = 4;

export function parseRegex(pattern: string): RegexNode {
  let position = 0;
  const peek = () => pattern[position];
  const fail = (message: string): never => {
    throw new RegexSyntaxError(`${message} at position ${position} of the pattern.`);
  };

  function alternation(): RegexNode {
    const options = [sequence()];
    while (peek() === '|') {
      position++;
      options.push(sequence());
    }
    return options.length === 1 ? (options[0] as RegexNode) : { kind: 'alternation', options };
  }

  function sequence(): RegexNode {
    const items: RegexNode[] = [];
    while (position < pattern.length && peek() !== '|' && peek() !== ')') {
      const atom = parseAtom();
      if (atom) items.push(quantified(atom));
    }
    return { kind: 'sequence', items };
  }

  function parseAtom(): RegexNode | null {
    const char = pattern[position++] as string;
    if (char === '^' || char === '$') return null;
    if (char === '(') {
      if (pattern.startsWith('?:', position)) position += 2;
      else if (peek() === '?') fail('Lookarounds and named groups are not supported');
      const inner = alternation();
      if (pattern[position++] !== ')') fail('Unclosed group');
      return inner;
    }
    if (char === '[') return characterClass();
    if (char === '.') return { kind: 'set', chars: PRINTABLE };
    if (char === '\\') return escaped(false);
    if ('*+?{'.includes(char)) fail(`Nothing to repeat before '${char}'`);
    return { kind: 'set', chars: [char] };
  }

  function escaped(inClass: boolean): RegexNode {
    const char = pattern[position++];
    if (char === undefined) fail('Trailing backslash');
    const named: Record<string, string[]> = {
      d: DIGITS,
      w: WORD,
      s: SPACE,
      D: PRINTABLE.filter((item) => !DIGITS.includes(item)),
      W: PRINTABLE.filter((item) => !WORD.includes(item)),
      S: PRINTABLE.filter((item) => item !== ' '),
      n: ['\n'],
      t: ['\t'],
    };
    if (char && named[char]) return { kind: 'set', chars: named[char] as string[] };
    if (char && /[1-9]/.test(char) && !inClass) fail('Backreferences are not supported');
    if (char === 'b' || char === 'B') return { kind: 'sequence', items: [] };
    if (char === 'u' && /^[0-9a-fA-F]{4}$/.test(pattern.slice(position, position + 4))) {
      const code = Number.parseInt(pattern.slice(position, position + 4), 16);
      position += 4;
      return { kind: 'set', chars: [String.fromCharCode(code)] };
    }
    return { kind: 'set', chars: [char as string] };
  }

  function characterClass(): RegexNode {
    const negated = peek() === '^';
    if (negated) position++;
    const chars = new Set<string>();
    let first = true;
    while (position < pattern.length && (peek() !== ']' || first)) {
      first = false;
      let start: string;
      if (peek() === '\\') {
        position++;
        const named = escaped(true) as { kind: 'set'; chars: string[] };
        if (named.chars.length > 1) {
          for (const item of named.chars) chars.add(item);
          continue;
        }
        start = named.chars[0] as string;
      } else start = pattern[position++] as string;
      if (peek() === '-' && pattern[position + 1] !== ']' && position + 1 < pattern.length) {
        position++;
        if (peek() === '\\') position++;
        const end = pattern[position++];
        const from = start.codePointAt(0) as number;
        const to = (end as string).codePointAt(0) as number;
        if (to < from) fail('Range out of order in character class');
        for (let code = from; code <= to && code - from < 0x3000; code++) chars.add(String.fromCodePoint(code));
      } else chars.add(start);
    }
    if (pattern[position++] !== ']') fail('Unclosed character class');
    const list = negated ? PRINTABLE.filter((item) => !chars.has(item)) : [...chars];
    if (list.length === 0) fail('Empty character class');
    return { kind: 'set', chars: list };
  }

  function quantified(atom: RegexNode): RegexNode {
    let node = atom;
    for (;;) {
      const char = peek();
      let min: number;
      let max: number;
      if (char === '*') [min, max] = [0, OPEN_EXTRA];
      else if (char === '+') [min, max] = [1, 1 + OPEN_EXTRA];
      else if (char === '?') [min, max] = [0, 1];
      else if (char === '{') {
        const match = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(position));
        if (!match) return node;
        min = Number(match[1]);
        max = match[2] === undefined ? min : match[3] === '' ? min + OPEN_EXTRA : Number(match[3]);
        if (max < min || max > 10_000) fail('Invalid repeat bounds');
        position += match[0].length - 1;
      } else return node;
      position++;
      if (peek() === '?' || peek() === '+') position++;
      node = { kind: 'repeat', node, min, max };
    }
  }

  const tree = alternation();
  if (position < pattern.length) fail("Unmatched ')'");
  return tree;
}

/** Draws a string the expression matches. */
export function sampleRegex(node: RegexNode, random: Random): string {
  switch (node.kind) {
    case 'set':
      return node.chars[Math.floor(random() * node.chars.length)] as string;
    case 'sequence':
      return node.items.map((item) => sampleRegex(item, random)).join('');
    case 'alternation':
      return sampleRegex(node.options[Math.floor(random() * node.options.length)] as RegexNode, random);
    case 'repeat': {
      const count = node.min + Math.floor(random() * (node.max - node.min + 1));
      let text = '';
      for (let index = 0; index < count; index++) text += sampleRegex(node.node, random);
      return text;
    }
  }
}
