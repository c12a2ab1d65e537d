import { describe, expect, it } from 'vitest';
import { safeLink } from './safe-link.ts';

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
