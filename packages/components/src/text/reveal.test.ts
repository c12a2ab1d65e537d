import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reveal } from './reveal.ts';
import { utcTime } from './utc-time.ts';

const bidi = [
  '\u061C',
  '\u200E',
  '\u200F',
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
];
const rawHidden = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|[\u{E0000}-\u{E007F}]/u;
const tag = fc.integer({ min: 0xe0000, max: 0xe007f }).map((code) => String.fromCodePoint(code));
const hostile = fc
  .array(fc.oneof(fc.string(), fc.constantFrom(...bidi), tag, fc.constant('\u{1F3F4}')), { maxLength: 30 })
  .map((parts) => parts.join(''));

describe('reveal', () => {
  it('names each bidi control and spells out tag characters', () => {
    expect(reveal('invoice\u202Efdp.exe')).toBe('invoice[U+202E]fdp.exe');
    expect(reveal('a\u2066b\u2069c\u200F')).toBe('a[U+2066]b[U+2069]c[U+200F]');
    const smuggled = [...'do it'].map((character) => String.fromCodePoint(0xe0000 + character.charCodeAt(0))).join('');
    expect(reveal(`Sure.${smuggled}`)).toBe('Sure.[hidden: do it]');
  });

  it('keeps the tag characters of a subdivision flag', () => {
    const england = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}';
    expect(reveal(`Go ${england}!`)).toBe(`Go ${england}!`);
  });

  it('leaves no hidden character raw, outside a flag, for any text', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const shown = reveal(text).replace(/\u{1F3F4}[\u{E0000}-\u{E007F}]+/gu, '');
        expect(shown).not.toMatch(rawHidden);
      }),
    );
  });

  it('changes nothing in text without them, and is stable when applied twice', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        if (!rawHidden.test(text)) expect(reveal(text)).toBe(text);
      }),
    );
    fc.assert(
      fc.property(hostile, (text) => {
        expect(reveal(reveal(text))).toBe(reveal(text));
      }),
    );
  });

  it('takes null and non-strings from the wire without throwing', () => {
    expect(reveal(null as unknown as string)).toBe('');
    expect(reveal(42 as unknown as string)).toBe('42');
  });
});

describe('utcTime', () => {
  it('is an ISO time for any number, clamped to the Date range, and null for anything else', () => {
    expect(utcTime(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(utcTime(1e20)).toBe('+275760-09-13T00:00:00.000Z');
    expect(utcTime(Number.NEGATIVE_INFINITY)).toBe('-271821-04-20T00:00:00.000Z');
    expect(utcTime(Number.NaN)).toBeNull();
    expect(utcTime('1700000000')).toBeNull();
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(() => utcTime(value)).not.toThrow();
      }),
    );
    fc.assert(
      fc.property(fc.double(), (value) => {
        expect(utcTime(value) === null).toBe(Number.isNaN(value));
      }),
    );
  });
});
