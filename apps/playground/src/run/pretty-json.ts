/** Answers larger than this are shown as they came: pretty-printing them would cost more than it shows. */
const MAX_CHARACTERS = 200_000;

/**
 * A JSON object or array answer, indented two spaces; null for anything else (prose, a bare
 * number, JSON that does not parse). The model's text is untrusted: parsing is all it gets.
 */
export function prettyJson(text: unknown): string | null {
  if (typeof text !== 'string' || text.length > MAX_CHARACTERS) return null;
  const trimmed = text.trim();
  if (!/^[[{]/.test(trimmed)) return null;
  try {
    return JSON.stringify(JSON.parse(trimmed), null, 2);
  } catch {
    return null;
  }
}

/** The text as a fenced json block whose fence is longer than any backtick run inside it. */
export function jsonFence(pretty: string): string {
  const longest = Math.max(2, ...Array.from(pretty.matchAll(/`+/g), (match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}json\n${pretty}\n${fence}`;
}
