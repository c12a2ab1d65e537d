import type { UrlCitationAnnotation } from '@completions-kit/core';
import { type SafeLink, safeLink } from '../links/safe-link.ts';
import { reveal } from '../text/reveal.ts';

/**
 * The API's url_citation offsets count characters as code points; JavaScript strings count UTF-16
 * units. This maps a code-point range to string indices, clamped to the text, never inside a
 * surrogate pair. Null when the range starts past the text (an annotation ahead of a stream).
 */
export function codePointRangeToIndices(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } | null {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) return null;
  let codePoint = 0;
  let index = 0;
  let startIndex = -1;
  while (index < text.length) {
    if (codePoint === start) startIndex = index;
    if (codePoint === end) break;
    const code = text.charCodeAt(index);
    index += code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? 2 : 1;
    codePoint++;
  }
  if (codePoint === start && startIndex === -1) startIndex = index;
  if (startIndex === -1 || startIndex >= text.length) return null;
  return { start: startIndex, end: index };
}

// An offset from the wire, safe to put in a string (an object's own toString can throw).
const offset = (value: unknown) => (typeof value === 'number' ? value : Number.NaN);

/** The most citations one text shows. */
export const MAX_CITATIONS = 128;

export interface CitationSpan {
  /** Unique per url and span, so two citations of one source are two markers. */
  key: string;
  /** 1-based, per source: every citation of one URL shares its number. */
  number: number;
  url: string;
  title: string;
  link: SafeLink | null;
  /** String indices in the text, or null while the text has not reached the span yet. */
  range: { start: number; end: number } | null;
}

const lastSpans = new WeakMap<readonly UrlCitationAnnotation[], { text: string; spans: CitationSpan[] }>();

/**
 * Citations sorted by where they sit, deduplicated by url and span, numbered by source. The result
 * for an annotations array and text is kept: a message's markdown and its sources list ask for the
 * same spans in one render, and get them computed once. Treat the array as read-only.
 */
export function citationSpans(text: string, annotations: readonly UrlCitationAnnotation[] | undefined): CitationSpan[] {
  // Hostile or partial data may hold anything here; a WeakMap only takes objects.
  if (!Array.isArray(annotations)) return [];
  const kept = lastSpans.get(annotations);
  if (kept?.text === text) return kept.spans;
  const spans = computeSpans(text, annotations);
  lastSpans.set(annotations, { text, spans });
  return spans;
}

function computeSpans(text: string, annotations: readonly UrlCitationAnnotation[]): CitationSpan[] {
  const seen = new Set<string>();
  const numbers = new Map<string, number>();
  const spans: CitationSpan[] = [];
  // Past this many, citations are left out: each is a marker and a source to render.
  for (const annotation of (annotations ?? []).slice(0, MAX_CITATIONS)) {
    if (annotation?.type !== 'url_citation' || !annotation.url_citation) continue;
    const { url, title, start_index: start, end_index: end } = annotation.url_citation;
    if (typeof url !== 'string') continue;
    const key = `${url}#${offset(start)}-${offset(end)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!numbers.has(url)) numbers.set(url, numbers.size + 1);
    spans.push({
      key,
      number: numbers.get(url) as number,
      url,
      title: reveal(typeof title === 'string' && title ? title : url),
      link: safeLink(url),
      range: codePointRangeToIndices(text, start, end),
    });
  }
  return spans.sort(
    (a, b) => (a.range?.start ?? Number.POSITIVE_INFINITY) - (b.range?.start ?? Number.POSITIVE_INFINITY),
  );
}

/** How many annotations past `MAX_CITATIONS` are left out: said to the reader, never dropped silently. */
export function citationsLeftOut(annotations: readonly UrlCitationAnnotation[] | undefined): number {
  return Array.isArray(annotations) ? Math.max(0, annotations.length - MAX_CITATIONS) : 0;
}

/** One entry per source, in number order. */
export function citationSources(spans: CitationSpan[]): CitationSpan[] {
  const first = new Map<number, CitationSpan>();
  for (const span of spans) if (!first.has(span.number)) first.set(span.number, span);
  return [...first.values()].sort((a, b) => a.number - b.number);
}
