/** How tool-call arguments can be shown, from model output that may be partial, broken or hostile. */
export type ArgumentsView =
  | { kind: 'json'; text: string }
  | { kind: 'partial'; text: string }
  | { kind: 'invalid'; text: string }
  | { kind: 'too-deep'; text: string; depth: number }
  | { kind: 'too-large'; text: string; size: number };

/** Past this the text is shown as it came, never parsed or indented. */
export const MAX_PARSED_CHARACTERS = 256 * 1024;
export const MAX_DEPTH = 64;
/** What is shown of text too large to show whole. */
const SHOWN_CHARACTERS = 16 * 1024;
/** What is shown of arguments still streaming in: their end. */
export const STREAMING_TAIL = 4 * 1024;

/** The deepest nesting of objects and arrays, outside strings; one pass, no recursion. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const character = text.charCodeAt(index);
    if (inString) {
      if (character === 92) index++;
      else if (character === 34) inString = false;
    } else if (character === 34) inString = true;
    else if (character === 123 || character === 91) deepest = Math.max(deepest, ++depth);
    else if (character === 125 || character === 93) depth--;
  }
  return deepest;
}

/**
 * Decides how to show a custom tool's free-form input: as it came, capped as arguments are (only
 * the end while it streams, the start when too large to show whole). `json` means shown whole.
 */
export function viewInput(text: string, complete: boolean): ArgumentsView {
  if (text.length > MAX_PARSED_CHARACTERS) return viewArguments(text, true);
  return complete ? { kind: 'json', text } : viewArguments(text, false);
}

/**
 * Decides how to show arguments. While streaming (`complete` false) nothing is parsed, so each new
 * piece costs nothing; once complete, valid JSON is indented. JSON.parse keeps a `__proto__` key as
 * a plain own property and the value is only printed, so nothing reaches a prototype.
 */
export function viewArguments(text: string, complete: boolean): ArgumentsView {
  if (text.length > MAX_PARSED_CHARACTERS) {
    return { kind: 'too-large', text: `${text.slice(0, SHOWN_CHARACTERS)}…`, size: text.length };
  }
  // While streaming, only the latest part is laid out: re-wrapping a long growing text every
  // frame blocks the page (measured: 50+ ms tasks at a few hundred kilobytes).
  if (!complete)
    return { kind: 'partial', text: text.length > STREAMING_TAIL ? `…${text.slice(-STREAMING_TAIL)}` : text };
  const depth = nestingDepth(text);
  if (depth > MAX_DEPTH)
    return {
      kind: 'too-deep',
      text: text.length > SHOWN_CHARACTERS ? `${text.slice(0, SHOWN_CHARACTERS)}…` : text,
      depth,
    };
  if (text.trim() === '') return { kind: 'json', text: '{}' };
  try {
    return { kind: 'json', text: JSON.stringify(JSON.parse(text), null, 2) };
  } catch {
    return { kind: 'invalid', text };
  }
}
