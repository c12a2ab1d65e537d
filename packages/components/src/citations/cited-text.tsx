import type { UrlCitationAnnotation } from '@completions-kit/core';
import { type ComponentPropsWithoutRef, Fragment, forwardRef, type ReactNode, useMemo } from 'react';
import { formatCount, useMessageLabels } from '../message/message-labels.tsx';
import { reveal } from '../text/reveal.ts';
import { type CitationSpan, citationSources, citationSpans, citationsLeftOut } from './spans.ts';

export interface CitedTextProps extends ComponentPropsWithoutRef<'p'> {
  /** The message text the annotations point into. */
  text: string;
  /** `message.annotations` (url_citation); offsets count code points. Default: none. */
  annotations?: readonly UrlCitationAnnotation[] | undefined;
  /** Renders a stretch of plain text (markdown, for instance). Default: the text as it is. */
  renderText?: (text: string) => ReactNode;
}

/** A numbered marker after a cited span: a link to the source when its URL is safe, text otherwise. */
export function CitationMarker({
  span,
}: {
  /** One cited span, as `citationSpans` returns it. */
  span: CitationSpan;
}) {
  const label = `Source ${span.number}: ${span.title}${span.link ? ` (${span.link.host})` : ''}`;
  return (
    <sup data-slot="citation-marker" data-safe={span.link ? 'true' : 'false'}>
      {span.link ? (
        <a href={span.link.href} target="_blank" rel="noopener noreferrer" aria-label={label} title={label}>
          [{span.number}]
        </a>
      ) : (
        <span title={`${label}: not a web link, shown as text`}>[{span.number}]</span>
      )}
    </sup>
  );
}

/**
 * Text with its url_citation annotations as numbered markers after each cited span. A citation the
 * text has not reached yet (mid-stream) or that lies outside it only shows in the sources.
 */
export const CitedText = forwardRef<HTMLParagraphElement, CitedTextProps>(function CitedText(
  { text, annotations, renderText = (part) => part, ...props },
  ref,
) {
  const spans = useMemo(() => citationSpans(text, annotations), [text, annotations]);
  const pieces: ReactNode[] = [];
  let position = 0;
  for (const span of spans) {
    if (!span.range || span.range.start < position) continue;
    pieces.push(<Fragment key={`${span.key}-text`}>{renderText(text.slice(position, span.range.end))}</Fragment>);
    pieces.push(<CitationMarker key={span.key} span={span} />);
    position = span.range.end;
  }
  pieces.push(<Fragment key="rest">{renderText(text.slice(position))}</Fragment>);
  return (
    <p data-slot="cited-text" {...props} ref={ref}>
      {pieces}
    </p>
  );
});

export interface SourcesProps extends ComponentPropsWithoutRef<'ol'> {
  /** The message text, so sources are numbered in the order they are cited. */
  text: string;
  /** `message.annotations` (url_citation). Default: none (nothing is rendered). */
  annotations?: readonly UrlCitationAnnotation[] | undefined;
}

/**
 * The cited sources, one per URL, numbered as the markers are; unsafe URLs as plain text. Past the
 * first 128 citations the rest are counted in a last item ("and 372 more sources"), not listed.
 */
export const Sources = forwardRef<HTMLOListElement, SourcesProps>(function Sources(
  { text, annotations, ...props },
  ref,
) {
  const sources = useMemo(() => citationSources(citationSpans(text, annotations)), [text, annotations]);
  const leftOut = citationsLeftOut(annotations);
  const labels = useMessageLabels();
  if (sources.length === 0) return null;
  return (
    <ol data-slot="sources" aria-label={labels.sources} {...props} ref={ref}>
      {sources.map((source) => (
        <li key={source.url} value={source.number} data-safe={source.link ? 'true' : 'false'}>
          {source.link ? (
            <a href={source.link.href} target="_blank" rel="noopener noreferrer">
              {source.title}
            </a>
          ) : (
            <span>{source.title}</span>
          )}{' '}
          <bdi data-slot="source-host" dir="ltr">
            {source.link ? source.link.host : reveal(source.url)}
          </bdi>
        </li>
      ))}
      {leftOut > 0 ? (
        <li data-slot="sources-more">{labels.moreSources(leftOut, formatCount(labels, leftOut))}</li>
      ) : null}
    </ol>
  );
});
