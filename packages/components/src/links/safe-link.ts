import { reveal } from '../text/reveal.ts';

/** A link the UI may render: http(s) or mailto only, with the host a reader should see. */
export interface SafeLink {
  href: string;
  /**
   * What the reader must see before following it: the real host (IDN in its punycode form, so a
   * look-alike name cannot pass for another), or a mailto link's address, hidden characters shown.
   */
  host: string;
  scheme: 'http' | 'https' | 'mailto';
}

/** decodeURIComponent that keeps malformed percent-encoding (`%ZZ`) as it came instead of throwing. */
export function decodeOrKeep(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Checks a URL from model output. Anything but an absolute http(s) or mailto URL gives null:
 * javascript: in any spelling, data:, protocol-relative and relative URLs, broken URLs, non-strings.
 */
export function safeLink(raw: unknown): SafeLink | null {
  if (typeof raw !== 'string') return null;
  let url: URL;
  try {
    // No base: a relative or protocol-relative URL fails here instead of borrowing the page's origin.
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    if (!url.hostname) return null;
    return { href: url.href, host: url.host, scheme: url.protocol === 'http:' ? 'http' : 'https' };
  }
  if (url.protocol === 'mailto:') return { href: url.href, host: reveal(decodeOrKeep(url.pathname)), scheme: 'mailto' };
  return null;
}
