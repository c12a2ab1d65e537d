// Bidi controls reorder what a reader sees (`invoice\u202Efdp.exe` reads as `invoiceexe.pdf`); tag
// characters carry ASCII nobody sees. A tag run after a black flag is a subdivision flag (England,
// Scotland, Wales), kept.
const hidden =
  /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|(?<!\u{1F3F4}[\u{E0000}-\u{E007F}]*)[\u{E0000}-\u{E007F}]+/gu;

/**
 * Makes direction-changing and invisible tag characters visible as plain text a screen reader can
 * say: a bidi control becomes `[U+202E]`, a run of tag characters `[hidden: the ASCII they spell]`.
 * Any other text comes back unchanged.
 */
export function reveal(text: string): string {
  return String(text ?? '').replace(hidden, (found) => {
    if (found.length === 1) return `[U+${(found.codePointAt(0) as number).toString(16).toUpperCase()}]`;
    let spelled = '';
    for (const character of found) {
      const code = (character.codePointAt(0) as number) - 0xe0000;
      if (code > 31 && code < 127) spelled += String.fromCharCode(code);
    }
    return `[hidden: ${spelled}]`;
  });
}
