/**
 * PostgreSQL's jsonb (PGlite's too) refuses two things a JSON string may hold: the NUL character and
 * a lone UTF-16 surrogate. So strings (values and keys) are stored with those written as an escape
 * sequence that starts with U+E000 (a private-use character, itself escaped when sent), and read
 * back exactly as they were sent. Text without any of the three is stored as is, so queries on
 * ordinary text see it unchanged.
 */
const MARK = '\uE000';
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what this looks for.
const needsEscape = /[\u0000\uE000\uD800-\uDFFF]/;

export function escapeText(text: string): string {
  if (!needsEscape.test(text)) return text;
  let out = '';
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    const next = text.charCodeAt(index + 1);
    if (unit === 0) out += `${MARK}0`;
    else if (unit === 0xe000) out += `${MARK}e`;
    else if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += text.slice(index, index + 2);
      index++;
    } else if (unit >= 0xd800 && unit <= 0xdfff) out += `${MARK}u${unit.toString(16)}`;
    else out += text[index];
  }
  return out;
}

export function unescapeText(text: string): string {
  if (!text.includes(MARK)) return text;
  let out = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char !== MARK) {
      out += char;
      continue;
    }
    const kind = text[index + 1];
    if (kind === '0') out += '\u0000';
    else if (kind === 'e') out += MARK;
    else if (kind === 'u') {
      out += String.fromCharCode(Number.parseInt(text.slice(index + 2, index + 6), 16));
      index += 4;
    }
    index++;
  }
  return out;
}

/** A copy of a JSON value with every string and key passed through `convert`. */
export function mapJsonText<T>(value: T, convert: (text: string) => string): T {
  if (typeof value === 'string') return convert(value) as T;
  if (Array.isArray(value)) return value.map((item) => mapJsonText(item, convert)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    // defineProperty, so a key such as `__proto__` stays a key.
    Object.defineProperty(out, convert(key), {
      value: mapJsonText(inner, convert),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out as T;
}

export const toJsonb = <T>(value: T): T => mapJsonText(value, escapeText);
export const fromJsonb = <T>(value: T): T => mapJsonText(value, unescapeText);
