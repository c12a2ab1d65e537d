/**
 * Removes the server's own credentials from whatever a provider sends back. Providers echo them:
 * "Incorrect API key provided: Bearer sk-…" would otherwise reach the browser, key included.
 */
export const REDACTED = '[redacted]';

export interface Scrubber {
  /** A whole text (a body, a header value) with every secret replaced. */
  text(text: string): string;
  /**
   * For a body that arrives in pieces: a secret may be split between two of them, so the end of a
   * piece that could begin a secret is held back until the next piece (or `flush`) settles it.
   * Nothing else is held, so a stream is not delayed.
   */
  stream(): { push(text: string): string; flush(): string };
}

/** Secrets shorter than this are ignored: replacing every "a" would wreck the text and hide nothing. */
const MIN_SECRET = 8;

export function createScrubber(values: (string | undefined)[]): Scrubber {
  const secrets = [...new Set(values.filter((value): value is string => !!value && value.length >= MIN_SECRET))]
    // Longest first, so "Bearer sk-…" goes whole rather than leaving "Bearer ".
    .sort((a, b) => b.length - a.length);
  const text = (input: string) => secrets.reduce((out, secret) => out.replaceAll(secret, REDACTED), input);
  return {
    text,
    stream() {
      let held = '';
      return {
        push(piece: string) {
          const scrubbed = text(held + piece);
          const keep = heldBack(scrubbed, secrets);
          held = scrubbed.slice(scrubbed.length - keep);
          return scrubbed.slice(0, scrubbed.length - keep);
        },
        flush() {
          const rest = text(held);
          held = '';
          return rest;
        },
      };
    },
  };
}

/** The length of the longest end of `text` that is the start of a secret (0 almost always). */
function heldBack(text: string, secrets: string[]): number {
  let longest = 0;
  for (const secret of secrets) {
    const most = Math.min(secret.length - 1, text.length);
    for (let length = most; length > longest; length--) {
      if (text.endsWith(secret.slice(0, length))) {
        longest = length;
        break;
      }
    }
  }
  return longest;
}

/** Every credential a request to the provider carries: the key and the headers that hold it. */
export function secretsOf(key: string | undefined, headers: Record<string, string>): string[] {
  const secrets = [key];
  for (const [name, value] of Object.entries(headers)) {
    if (/^(authorization|api-key|x-api-key)$/i.test(name)) secrets.push(value, value.replace(/^\w+\s+/, ''));
  }
  return secrets.filter((value): value is string => !!value);
}
