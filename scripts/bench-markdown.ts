// The components' markdown lexer against marked (which it replaced), in one process: the time to
// lex the repository's own Markdown, whole and as a stream re-lexes it, and the worst inputs of the
// hostile suite. Run: pnpm bench:markdown
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Lexer } from 'marked';
import { emptyBlockCache, lexBlocks } from '../packages/components/src/markdown/blocks.ts';
import { lexBounded } from '../packages/components/src/markdown/lex.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const files = execFileSync('git', ['ls-files', '*.md'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
const documents = files.map((file) => readFileSync(path.join(root, file), 'utf8'));
const corpus = documents.join('\n\n');

const ours = (text: string) => lexBounded(text, {});
const marked = (text: string) => new Lexer({ gfm: true }).lex(text);

/** The median of `runs` timings of `work`, in ms, after one warm-up run. */
function time(work: () => void, runs = 7): number {
  work();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] as number;
}

/** A stream of `text` in `step`-character deltas, re-lexed after each as the Markdown view does. */
function streamed(text: string, step: number) {
  let cache = emptyBlockCache;
  for (let length = step; length < text.length + step; length += step)
    cache = lexBlocks(text.slice(0, length), cache).cache;
}

const rows: [string, number, number][] = [];
const compare = (name: string, text: string, runs?: number) =>
  rows.push([name, time(() => ours(text), runs), time(() => marked(text), runs)]);

compare(`the repository's Markdown (${files.length} files, ${(corpus.length / 1024).toFixed(0)} KB) whole`, corpus);
const answer = documents.find((text) => text.length > 8_000 && text.length < 20_000) ?? corpus.slice(0, 12_000);
rows.push([
  `one ${(answer.length / 1024).toFixed(1)} KB answer streamed in 16-character deltas (ours: block cache)`,
  time(() => streamed(answer, 16), 3),
  Number.NaN,
]);
compare('2,000 unclosed backtick runs', '`a ``b '.repeat(2000), 3);
compare(
  'a table of 60 columns and 500 rows',
  `${'|a'.repeat(60)}|\n${'|-'.repeat(60)}|\n${`${'|x'.repeat(60)}|\n`.repeat(500)}`,
  3,
);
compare('a 300-deep list', `${'- '.repeat(300)}a`, 3);
compare('a long word, then 600 email addresses', `${'a'.repeat(6000)}${' b@c.example'.repeat(600)}`, 3);
compare('a URL ending in 6,000 closing parentheses', `https://example.com/x${')'.repeat(6000)}`, 3);

const ms = (value: number) => (Number.isNaN(value) ? '—' : `${value.toFixed(2)} ms`);
console.log(['input', 'ours', 'marked', 'marked / ours'].join('\t'));
for (const [name, mine, theirs] of rows)
  console.log([name, ms(mine), ms(theirs), Number.isNaN(theirs) ? '—' : `${(theirs / mine).toFixed(2)}x`].join('\t'));
