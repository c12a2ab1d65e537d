/** A link the UI may render: http(s) or mailto only, with the host a reader should see. */
export interface SafeLink {
  href: string;
  /** The real host, IDN in its punycode form so a look-alike name cannot pass for another. */
  host: string;
  scheme: 'http' | 'https' | 'mailto';
}

/**
 * Checks a URL from model output. Anything but an absolute http(s) or mailto URL gives null:
 * javascript: in any spelling, data:, protocol-relative and relative URLs, broken URLs.
 */
export function safeLink(raw: string): SafeLink | null {
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
  if (url.protocol === 'mailto:') return { href: url.href, host: decodeURIComponent(url.pathname), scheme: 'mailto' };
  return null;
}
