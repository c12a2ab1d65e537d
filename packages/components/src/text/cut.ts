/**
 * At most `max` UTF-16 units of `text` for display, never ending inside a surrogate pair, with how
 * much was left out said after it: laying out 10,000-character values in every row of a table froze
 * the page for seconds, and a reader scanning a row needs the start, not the whole.
 */
export function cutForDisplay(text: string, max: number): string {
  const value = String(text ?? '');
  if (value.length <= max) return value;
  const code = value.charCodeAt(max - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return `${value.slice(0, end)}… (+${(value.length - end).toLocaleString('en-US')} more characters)`;
}
