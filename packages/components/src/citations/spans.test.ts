import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { UrlCitationAnnotation } from '@completions-kit/core';
import { describe, expect, it } from 'vitest';
// The guard the README promises: skip without ../shared locally, fail under CI=true.
import { fixturesDir, haveFixtures } from '../../../core/src/test-support/fixtures.ts';
import { citationSources, citationSpans, codePointRangeToIndices } from './spans.ts';

const cite = (url: string, start: number, end: number, title = url): UrlCitationAnnotation => ({
  type: 'url_citation',
  url_citation: { url, title, start_index: start, end_index: end },
});

describe('citation spans, computed once', () => {
  it('gives the markdown and the sources of one message the same spans, and recomputes when the text grows', () => {
    const annotations = [cite('https://example.com/a', 0, 5)];
    const first = citationSpans('Hello world', annotations);
    expect(citationSpans('Hello world', annotations)).toBe(first);
    const grown = citationSpans('Hello world, more', annotations);
    expect(grown).not.toBe(first);
    expect(grown).toEqual(first);
  });
});

describe('code-point offsets to string indices', () => {
  it('is the identity for text without astral characters', () => {
    expect(codePointRangeToIndices('hello world', 6, 11)).toEqual({ start: 6, end: 11 });
  });

  it('counts an emoji as one, so spans after it land on the right text', () => {
    const text = 'Café 🙂👩‍💻 and 東京 [link](https://a.example)';
    const link = '[link](https://a.example)';
    const codePointStart = [...text].indexOf('[');
    const range = codePointRangeToIndices(text, codePointStart, codePointStart + [...link].length);
    expect(range && text.slice(range.start, range.end)).toBe(link);
    expect(text.indexOf('[')).not.toBe(codePointStart);
  });

  it('never splits a surrogate pair and clamps a span that runs past the text', () => {
    const text = 'a🙂b';
    expect(codePointRangeToIndices(text, 1, 2)).toEqual({ start: 1, end: 3 });
    expect(codePointRangeToIndices(text, 2, 99)).toEqual({ start: 3, end: 4 });
  });

  it('gives null for a span past the text, empty or reversed, or not integers', () => {
    expect(codePointRangeToIndices('abc', 3, 5)).toBeNull();
    expect(codePointRangeToIndices('abc', 2, 2)).toBeNull();
    expect(codePointRangeToIndices('abc', 2, 1)).toBeNull();
    expect(codePointRangeToIndices('abc', 0.5, 2)).toBeNull();
  });
});

describe('citation spans', () => {
  it('keys citations by url and span, numbers them by source, and keeps ones ahead of the text', () => {
    const text = 'One ([a](https://a.example)) two ([b](https://b.example)) three ([a](https://a.example))';
    const spans = citationSpans(text, [
      cite('https://a.example', 4, 28),
      cite('https://b.example', 33, 57),
      cite('https://a.example', 64, 88),
      cite('https://a.example', 4, 28),
      cite('https://c.example', 500, 510),
    ]);
    expect(spans.map((span) => [span.number, span.range && text.slice(span.range.start, span.range.end)])).toEqual([
      [1, '([a](https://a.example))'],
      [2, '([b](https://b.example))'],
      [1, '([a](https://a.example))'],
      [3, null],
    ]);
    expect(citationSources(spans).map((span) => span.url)).toEqual([
      'https://a.example',
      'https://b.example',
      'https://c.example',
    ]);
  });

  it('never turns an unsafe URL into a link', () => {
    const [span] = citationSpans('x', [cite('javascript:alert(1)', 0, 1)]);
    expect(span?.link).toBeNull();
  });

  it.skipIf(!haveFixtures())('spans exactly the markdown link on the recorded web-search response', () => {
    const fixtures = path.join(fixturesDir, 'responses');
    const response = JSON.parse(readFileSync(path.join(fixtures, 'dotnet-web-search-url-citation.json'), 'utf8'));
    const message = response.choices[0].message;
    const spans = citationSpans(message.content, message.annotations);
    expect(spans).toHaveLength(message.annotations.length);
    for (const span of spans) {
      const cited = message.content.slice(span.range?.start, span.range?.end);
      expect(cited).toMatch(/^\(\[[^\]]+\]\(https:\/\/[^)]+\)\)$/);
      expect(cited).toContain(span.url);
      expect(span.link?.host).toBe(new URL(span.url).host);
    }
  });
});
