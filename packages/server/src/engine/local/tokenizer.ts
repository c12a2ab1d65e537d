import ranks from 'gpt-tokenizer/bpeRanks/o200k_base';
import { decode, encode } from 'gpt-tokenizer/encoding/o200k_base';

export { decode, encode };

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The UTF-8 bytes of one token: a token may hold part of a character (a 4-byte emoji split in two). */
export function tokenBytes(id: number): number[] {
  const entry = (ranks as readonly (string | readonly number[])[])[id];
  if (entry === undefined) return [];
  return typeof entry === 'string' ? [...utf8.encode(entry)] : [...entry];
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
