// Tokenizer time against input size, for several shapes of text: each size doubles the last, and
// the growth factor per doubling shows the cost's order (2x is linear, 4x quadratic). A shape
// stops growing once one measurement passes the cut-off, so a quadratic tokenizer cannot hang it.
import { encode as serverEncode } from '../../packages/server/src/engine/local/tokenizer.ts';

// CK_BENCH_TOKENIZER points at another copy of the module (to measure an earlier version beside this one).
const encode: (text: string) => number[] = process.env.CK_BENCH_TOKENIZER
  ? (await import(process.env.CK_BENCH_TOKENIZER)).encode
  : serverEncode;

const CUT_OFF_MS = 3_000;
// The tokenizer caches pieces it has seen: every measurement gets text it has not seen yet.
let variant = 0;
const SIZES = [10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 640_000, 1_280_000];

/**
 * Deterministic text of exactly `size` UTF-16 units, never ending inside a surrogate pair. Each
 * call starts at another point of the unit, so no measurement reuses pieces cached by the last.
 */
function repeat(unit: string, size: number): string {
  const offset = variant++ % unit.length;
  const text = unit.repeat(Math.ceil(size / unit.length) + 2).slice(offset, offset + size);
  return /[\uD800-\uDBFF]$/.test(text) ? `${text.slice(0, -1)}x` : text;
}

function base64Like(size: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let state = 12345 + variant++;
  let text = '';
  while (text.length < size) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    text += alphabet[state % 64];
  }
  return text;
}

const prose =
  'A readable stream hands its data to a reader in chunks; the reader asks for the next one when it is ready. ' +
  'Backpressure keeps the producer from running ahead, and a cancelled reader releases the lock. ';
export const shapes: [string, (size: number) => string][] = [
  ['one letter, no spaces', (size) => repeat(String.fromCharCode(97 + (variant++ % 26)), size)],
  ['base64, no spaces', base64Like],
  ['digits, no spaces', (size) => repeat('1234567890', size)],
  ['punctuation, no spaces', (size) => repeat('-=+*/', size)],
  ['whitespace only', (size) => repeat(' \t', size)],
  [
    'CJK, no spaces',
    (size) => repeat('日本語の文章には単語の間に空白がありません。読みやすさは句読点が支える。', size),
  ],
  ['emoji', (size) => repeat('😀🎉👍🏽🚀❤️👨‍👩‍👧', size)],
  ['ordinary prose', (size) => repeat(prose, size)],
  [
    'mixed',
    (size) =>
      repeat(
        `${prose}\`\`\`ts\nconst x = await reader.read();\n\`\`\`\n東京は晴れ。🌤️ 42.5°C, https://example.com/a?b=c `,
        size,
      ),
  ],
];

/** Median of a few runs, each on text made afresh (a shape of repeated units is cached after one run). */
function timeOf(make: (size: number) => string, size: number): number {
  const runs = size <= 40_000 ? 7 : 3;
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const text = make(size);
    const started = performance.now();
    encode(text);
    samples.push(performance.now() - started);
    if ((samples.at(-1) as number) > CUT_OFF_MS) break;
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)] as number;
}

/** Prints one row per shape: ms per size, then the growth factor per doubling. */
export function benchTokenizer(): void {
  encode(prose.repeat(100)); // warm up
  console.log('tokenizer (encode) time in ms by input size (UTF-16 units); x = growth per doubling');
  console.log(['shape', ...SIZES.map((size) => `${size / 1000}k`), 'growth per doubling'].join('\t'));
  for (const [name, make] of shapes) {
    const times: number[] = [];
    let failure = '';
    for (const size of SIZES) {
      try {
        times.push(timeOf(make, size));
      } catch (error) {
        failure = `failed at ${size / 1000}k: ${(error as Error).name}: ${(error as Error).message}`;
        break;
      }
      if ((times.at(-1) as number) > CUT_OFF_MS) break;
    }
    // Growth factors only where the time is long enough to measure (>= 2 ms).
    const growth = times
      .slice(1)
      .map((time, index) => ((times[index] as number) >= 2 ? `${(time / (times[index] as number)).toFixed(2)}x` : '-'));
    const cells = SIZES.map((_, index) => (times[index] === undefined ? 'cut' : (times[index] as number).toFixed(1)));
    console.log([name, ...cells, growth.join(' '), failure].join('\t'));
  }
}
