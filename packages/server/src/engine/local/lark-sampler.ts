import type { Random } from './random.ts';
import { parseRegex, type RegexNode, sampleRegex } from './regex-sampler.ts';

type Item =
  | { kind: 'literal'; text: string }
  | { kind: 'regex'; node: RegexNode }
  | { kind: 'ref'; name: string }
  | { kind: 'choice'; options: Item[][] }
  | { kind: 'repeat'; item: Item; min: number; max: number };

/** A Lark grammar: rules (lowercase) join their pieces, terminals (UPPERCASE) are one piece each. */
export interface LarkGrammar {
  definitions: Map<string, Item[][]>;
  /** With `%ignore`, a space between pieces keeps neighbouring terminals apart, as the parser allows. */
  spaced: boolean;
}

const COMMON: Record<string, string> = {
  DIGIT: '[0-9]',
  HEXDIGIT: '[0-9a-f]',
  INT: '[1-9][0-9]{0,3}',
  SIGNED_INT: '-?[1-9][0-9]{0,3}',
  DECIMAL: '[0-9]{1,3}\\.[0-9]{1,2}',
  NUMBER: '[1-9][0-9]{0,3}(\\.[0-9]{1,2})?',
  FLOAT: '[0-9]{1,3}\\.[0-9]{1,2}',
  SIGNED_NUMBER: '-?[1-9][0-9]{0,3}(\\.[0-9]{1,2})?',
  LETTER: '[a-zA-Z]',
  LCASE_LETTER: '[a-z]',
  UCASE_LETTER: '[A-Z]',
  WORD: '[a-z]{2,8}',
  CNAME: '[a-z_][a-z0-9_]{1,8}',
  ESCAPED_STRING: '"[a-z ]{1,12}"',
  WS: ' ',
  WS_INLINE: ' ',
  NEWLINE: '\\n',
  CR: '\\r',
  LF: '\\n',
};

export class LarkSyntaxError extends Error {}

export function parseLark(definition: string): LarkGrammar {
  const definitions = new Map<string, Item[][]>();
  let spaced = false;
  let current: { name: string; body: string } | null = null;
  const finish = () => {
    if (current) definitions.set(current.name, parseBody(current.body, current.name));
  };
  for (const raw of definition.split('\n')) {
    const line = raw.replace(/(^|\s)\/\/.*$/, '').trimEnd();
    if (line.trim() === '') continue;
    const directive = /^\s*%(\w+)\s*(.*)$/.exec(line);
    if (directive) {
      if (directive[1] === 'ignore') spaced = true;
      else if (directive[1] === 'import') importCommon(directive[2] as string, definitions);
      else throw new LarkSyntaxError(`Unsupported directive %${directive[1]}.`);
      continue;
    }
    const head = /^\s*[?!]?([A-Za-z_]\w*)(\.-?\d+)?\s*:(.*)$/.exec(line);
    if (head && !/^\s/.test(raw)) {
      finish();
      current = { name: head[1] as string, body: head[3] as string };
    } else if (current) current.body += ` ${line}`;
    else throw new LarkSyntaxError(`Expected a rule definition, found: ${line.trim().slice(0, 60)}`);
  }
  finish();
  if (!definitions.has('start')) throw new LarkSyntaxError("The grammar has no 'start' rule.");
  for (const [name, options] of definitions) checkRefs(options, definitions, name);
  return { definitions, spaced };
}

function importCommon(spec: string, into: Map<string, Item[][]>): void {
  const single = /^common\.(\w+)(\s*->\s*(\w+))?$/.exec(spec.trim());
  const group = /^common\s*\(([^)]*)\)$/.exec(spec.trim());
  const names = single
    ? [[single[1], single[3] ?? single[1]]]
    : group
      ? group[1]?.split(',').map((n) => [n.trim(), n.trim()])
      : null;
  if (!names) throw new LarkSyntaxError(`Unsupported import: %import ${spec.slice(0, 60)}`);
  for (const [name, alias] of names) {
    const pattern = COMMON[name as string];
    if (!pattern) throw new LarkSyntaxError(`Unknown terminal common.${name}.`);
    into.set(alias as string, [[{ kind: 'regex', node: parseRegex(pattern) }]]);
  }
}

const TOKEN = /\s*("(?:[^"\\]|\\.)*"i?|\/(?:[^/\\]|\\.)+\/[imslux]*|->\s*\w+|[A-Za-z_]\w*|\d+|\.\.|[()[\]|?*+~])/y;

function parseBody(body: string, name: string): Item[][] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let match = TOKEN.exec(body);
  let end = 0;
  while (match) {
    tokens.push(match[1] as string);
    end = TOKEN.lastIndex;
    match = TOKEN.exec(body);
  }
  if (body.slice(end).trim() !== '')
    throw new LarkSyntaxError(`Cannot read rule '${name}' near: ${body.slice(end).trim().slice(0, 40)}`);
  let position = 0;
  const alternatives = (): Item[][] => {
    const options = [sequence()];
    while (tokens[position] === '|') {
      position++;
      options.push(sequence());
    }
    return options;
  };
  const sequence = (): Item[] => {
    const items: Item[] = [];
    while (position < tokens.length && !['|', ')', ']'].includes(tokens[position] as string)) {
      const token = tokens[position++] as string;
      if (token.startsWith('->')) continue;
      let item: Item;
      if (token === '(' || token === '[') {
        const options = alternatives();
        if (tokens[position++] !== (token === '(' ? ')' : ']'))
          throw new LarkSyntaxError(`Unclosed '${token}' in rule '${name}'.`);
        item = { kind: 'choice', options };
        if (token === '[') item = { kind: 'repeat', item, min: 0, max: 1 };
      } else if (token.startsWith('"')) {
        item = { kind: 'literal', text: JSON.parse(token.endsWith('i') ? token.slice(0, -1) : token) as string };
      } else if (token.startsWith('/')) {
        const pattern = token.slice(1, token.lastIndexOf('/'));
        item = { kind: 'regex', node: parseRegex(pattern) };
      } else if (/^[A-Za-z_]/.test(token)) item = { kind: 'ref', name: token };
      else throw new LarkSyntaxError(`Unexpected '${token}' in rule '${name}'.`);
      items.push(quantify(item));
    }
    return items;
  };
  const quantify = (item: Item): Item => {
    const token = tokens[position];
    const simple: Record<string, [number, number]> = { '?': [0, 1], '*': [0, 3], '+': [1, 3] };
    const bounds = token === undefined ? undefined : simple[token];
    if (bounds) {
      position++;
      return { kind: 'repeat', item, min: bounds[0], max: bounds[1] };
    }
    if (token === '~') {
      const min = Number(tokens[position + 1]);
      let max = min;
      position += 2;
      if (tokens[position] === '..') {
        max = Number(tokens[position + 1]);
        position += 2;
      }
      return { kind: 'repeat', item, min, max };
    }
    return item;
  };
  const result = alternatives();
  if (position < tokens.length) throw new LarkSyntaxError(`Unexpected '${tokens[position]}' in rule '${name}'.`);
  return result;
}

function checkRefs(options: Item[][], definitions: Map<string, Item[][]>, name: string): void {
  const visit = (item: Item): void => {
    if (item.kind === 'ref' && !definitions.has(item.name))
      throw new LarkSyntaxError(`Rule '${name}' refers to '${item.name}', which is not defined.`);
    if (item.kind === 'choice') for (const option of item.options) option.forEach(visit);
    if (item.kind === 'repeat') visit(item.item);
  };
  for (const option of options) option.forEach(visit);
}

/** Draws a sentence of the grammar; deep recursion falls back to the shortest options. */
export function sampleLark(grammar: LarkGrammar, random: Random): string {
  const pieces = expand(grammar, 'start', random, 0);
  return pieces.join(grammar.spaced ? ' ' : '');
}

function expand(grammar: LarkGrammar, name: string, random: Random, depth: number): string[] {
  const options = grammar.definitions.get(name) ?? [];
  const pieces = sequenceOf(grammar, pickOption(options, random, depth), random, depth + 1);
  return /^[A-Z_]+$/.test(name) ? [pieces.join('')] : pieces;
}

function pickOption(options: Item[][], random: Random, depth: number): Item[] {
  if (depth < 12) return options[Math.floor(random() * options.length)] as Item[];
  return [...options].sort((a, b) => refCount(a) - refCount(b))[0] as Item[];
}

function refCount(items: Item[]): number {
  return items.reduce(
    (sum, item) =>
      sum +
      (item.kind === 'ref' ? 1 : item.kind === 'choice' ? Math.min(...item.options.map(refCount)) : 0) +
      (item.kind === 'repeat' && item.min > 0 ? refCount([item.item]) : 0),
    0,
  );
}

function sequenceOf(grammar: LarkGrammar, items: Item[], random: Random, depth: number): string[] {
  const pieces: string[] = [];
  for (const item of items) pieces.push(...itemOf(grammar, item, random, depth));
  return pieces;
}

function itemOf(grammar: LarkGrammar, item: Item, random: Random, depth: number): string[] {
  switch (item.kind) {
    case 'literal':
      return [item.text];
    case 'regex':
      return [sampleRegex(item.node, random)];
    case 'ref':
      return expand(grammar, item.name, random, depth);
    case 'choice':
      return sequenceOf(grammar, pickOption(item.options, random, depth), random, depth);
    case 'repeat': {
      const max = depth >= 12 ? item.min : item.max;
      const count = item.min + Math.floor(random() * (max - item.min + 1));
      const pieces: string[] = [];
      for (let index = 0; index < count; index++) pieces.push(...itemOf(grammar, item.item, random, depth));
      return pieces;
    }
  }
}
