import { createRequire } from 'node:module';

type Ranks = readonly (string | readonly number[])[];
interface Encoding {
  encode(text: string, options: { disallowedSpecial: Set<string> }): number[];
}

const require = createRequire(import.meta.url);
let loaded: { ranks: Ranks; encoding: Encoding } | null = null;

/**
 * o200k's tables (about 60 MB resident), loaded on first use: the model worker needs them at once,
 * the server's own thread only to write logprobs, so a server that is never asked for them never
 * holds a second copy.
 */
function o200k(): { ranks: Ranks; encoding: Encoding } {
  if (!loaded) {
    const ranks = require('gpt-tokenizer/bpeRanks/o200k_base') as { default?: Ranks } & Ranks;
    loaded = {
      ranks: ranks.default ?? ranks,
      encoding: require('gpt-tokenizer/encoding/o200k_base') as Encoding,
    };
  }
  return loaded;
}

const encodeWhole = (text: string, options: { disallowedSpecial: Set<string> }) =>
  o200k().encoding.encode(text, options);

/** Text is handed to the BPE tokenizer in windows of about this many characters. */
const WINDOW = 1024;
/** The longest run without a space kept whole. BPE merging costs the square of a run's length. */
const RUN = 128;
/** Special-token names in the text (`<|endoftext|>`) are text, as the API reads them: never an error. */
const asText = { disallowedSpecial: new Set<string>() };

/**
 * o200k token ids of `text`, in time linear in its length whatever its shape. The text is cut
 * where the o200k pre-tokenizer cuts anyway (before a space that follows a non-space), so ordinary
 * text gets exactly the tokens of a whole-text BPE; a run of more than 128 characters without a
 * space (a long word, base64, CJK, emoji) is cut every 128 characters, never inside a surrogate
 * pair, and may differ by a token at each cut from what an unbounded BPE would give.
 */
export function encode(text: string): number[] {
  if (text.length <= RUN) return encodeWhole(text, asText);
  const tokens: number[] = [];
  let start = 0;
  let cut = 0;
  let runStart = 0;
  for (let index = 1; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 32 && !/\s/.test(text.charAt(index - 1))) cut = runStart = index;
    else if (index - runStart >= RUN && !(code >= 0xdc00 && code <= 0xdfff)) cut = runStart = index;
    if (index - start >= WINDOW && cut > start) {
      append(tokens, encodeWhole(text.slice(start, cut), asText));
      start = cut;
    }
  }
  append(tokens, encodeWhole(text.slice(start), asText));
  return tokens;
}

function append(into: number[], items: number[]): void {
  for (const item of items) into.push(item);
}

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The UTF-8 bytes of one token: a token may hold part of a character (a 4-byte emoji split in two). */
export function tokenBytes(id: number): number[] {
  const entry = o200k().ranks[id];
  if (entry === undefined) return [];
  return typeof entry === 'string' ? [...utf8.encode(entry)] : [...entry];
}

/**
 * How many UTF-8 continuation bytes are still owed after `bytes`, given `owed` before them; -1 when
 * they break the encoding (a continuation byte where none is owed, or a new character too early).
 * A token-level model can draw a token that starts a character and then one that does not finish it:
 * decoded, that pair shows a replacement character the model never meant.
 */
export function owedAfter(owed: number, bytes: readonly number[]): number {
  let need = owed;
  for (const byte of bytes) {
    const continuation = (byte & 0xc0) === 0x80;
    if (need > 0) {
      if (!continuation) return -1;
      need--;
    } else if (continuation) {
      return -1;
    } else {
      need = byte >= 0xf0 ? 3 : byte >= 0xe0 ? 2 : byte >= 0xc0 ? 1 : 0;
    }
  }
  return need;
}

/** `owedAfter` for a token: a token kept as text holds whole characters, so only byte tokens are scanned. */
export function owedAfterToken(owed: number, id: number): number {
  const entry = o200k().ranks[id];
  if (typeof entry === 'string') return owed === 0 ? 0 : -1;
  return owedAfter(owed, entry ?? []);
}

/**
 * The token as text for logprobs. A token that is not whole UTF-8 on its own is written with its
 * bytes escaped (`\xe2\x80`), as the real API does, so the text never carries a replacement character.
 */
export function tokenText(id: number): string {
  const bytes = tokenBytes(id);
  try {
    return strictUtf8.decode(new Uint8Array(bytes));
  } catch {
    return bytes.map((byte) => `\\x${byte.toString(16).padStart(2, '0')}`).join('');
  }
}
