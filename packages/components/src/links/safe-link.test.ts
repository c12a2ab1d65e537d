import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeOrKeep, safeLink } from './safe-link.ts';

describe('safeLink', () => {
  it('allows http, https and mailto, with the real host', () => {
    expect(safeLink('https://example.com/a?b#c')).toEqual({
      href: 'https://example.com/a?b#c',
      host: 'example.com',
      scheme: 'https',
    });
    expect(safeLink(' http://example.com:8080 ')?.host).toBe('example.com:8080');
    expect(safeLink('mailto:someone@example.com')?.scheme).toBe('mailto');
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'jav&#x61;script:alert(1)',
    '\u0000javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/path',
    '/relative/path',
    'not a url',
    'https://',
  ])('refuses %j', (url) => {
    expect(safeLink(url)).toBeNull();
  });

  it('shows a look-alike host in its punycode form', () => {
    // Cyrillic letters that look like "paypal": shown as xn--…, never as paypal.com.
    const host = safeLink('https://раураl.com/login')?.host;
    expect(host).toMatch(/^xn--[a-z0-9-]+\.com$/);
    expect(host).not.toBe('paypal.com');
  });
});

describe('safeLink is total', () => {
  it('keeps malformed percent-encoding instead of throwing, and shows a mailto address', () => {
    expect(safeLink('mailto:%ZZ@example.com')).toEqual({
      href: 'mailto:%ZZ@example.com',
      host: '%ZZ@example.com',
      scheme: 'mailto',
    });
    expect(safeLink('mailto:a%E0%A4%A@example.com')?.host).toBe('a%E0%A4%A@example.com');
    expect(safeLink('mailto:phish@attacker.example?subject=hi')?.host).toBe('phish@attacker.example');
    expect(safeLink('mailto:moc.elpmaxe%E2%80%AE@attacker.example')?.host).toBe('moc.elpmaxe[U+202E]@attacker.example');
  });

  it('never throws, for any string or value, and allows only http(s) and mailto', () => {
    const url = fc.oneof(
      fc.string(),
      fc.webUrl(),
      fc.string().map((text) => `mailto:${text}`),
      fc.string().map((text) => `https://${text}`),
      fc.stringMatching(/^(mailto:|https?:\/\/)[%A-Za-z0-9@.]{0,12}$/),
    );
    fc.assert(
      fc.property(url, (raw) => {
        const link = safeLink(raw);
        if (link) expect(link.href).toMatch(/^(https?:|mailto:)/);
      }),
    );
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(() => safeLink(value)).not.toThrow();
      }),
    );
  });

  it('decodeOrKeep keeps what it cannot decode', () => {
    expect(decodeOrKeep('%ZZ')).toBe('%ZZ');
    expect(decodeOrKeep('a%20b')).toBe('a b');
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(() => decodeOrKeep(text)).not.toThrow();
      }),
    );
  });
});
