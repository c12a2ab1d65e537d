import { isRunning, type RunStatus, type UrlCitationAnnotation } from '@completions-kit/core';
import { type ComponentPropsWithoutRef, forwardRef, memo, useEffect, useMemo, useReducer, useRef } from 'react';
import { CitationMarker } from '../citations/cited-text.tsx';
import { type CitationSpan, citationSpans } from '../citations/spans.ts';
import { formatCount, useMessageLabels } from '../message/message-labels.tsx';
import { Block } from './block.tsx';
import { type BlockCache, emptyBlockCache, lexBlocks, type MarkdownBlock } from './blocks.ts';

/** How long one task may lex before the rest waits for the next. */
const SLICE_MS = 16;

export interface MarkdownProps extends ComponentPropsWithoutRef<'div'> {
  /** Markdown from the model, whole or as far as it has streamed. */
  text: string;
  /** url_citation annotations: markers are placed in the rendered tree after each cited span. */
  annotations?: readonly UrlCitationAnnotation[] | undefined;
  /** The run's status: while `submitted` or `streaming` the last block may still grow. Shown as `data-status`. Default: done. */
  status?: RunStatus;
}

const noSpans: CitationSpan[] = [];
/** Blocks per memoized group. */
const GROUP_SIZE = 64;

interface GroupProps {
  blocks: MarkdownBlock[];
  spans: CitationSpan[];
  /** The last group, whose last block may still grow. */
  last: boolean;
  streaming: boolean;
}

// Blocks in groups, so a page of thousands re-renders only its last group as a stream or a slice
// appends: the others get the same blocks and spans and are skipped whole.
const BlockGroup = memo(
  function BlockGroup({ blocks, spans, last, streaming }: GroupProps) {
    // Its own element: the browser lays out a few hundred groups, not every block, as one is added.
    const rendered = blocks.map((block, index) => {
      const lastBlock = last && index === blocks.length - 1;
      const markers = spans
        .filter((span) => span.range && span.range.end > block.start && (span.range.end <= block.end || lastBlock))
        .map((span) => ({ end: span.range?.end ?? 0, marker: <CitationMarker key={span.key} span={span} /> }));
      return <Block key={block.start} block={block} markers={markers} final={!streaming || !lastBlock} />;
    });
    return <div data-slot="md-group">{rendered}</div>;
  },
  (before, after) =>
    before.spans === after.spans &&
    before.last === after.last &&
    before.streaming === after.streaming &&
    before.blocks.length === after.blocks.length &&
    before.blocks.every((block, index) => block.token === after.blocks[index]?.token),
);

/**
 * Markdown outside code blocks laid out before a "Show more" button: tens of thousands of
 * paragraphs, list items or table rows cost more to lay out and keep than any one task may take.
 */
const SHOWN_CHARACTERS = 64 * 1024;

/** How many blocks fit in `limit` characters of markdown (code blocks count as none); at least one. */
function shownBlocks(blocks: readonly MarkdownBlock[], limit: number): number {
  let count = 0;
  for (const [index, block] of blocks.entries()) {
    if (block.token.type !== 'code') count += block.end - block.start;
    if (count > limit && index > 0) return index;
  }
  return blocks.length;
}

/**
 * Markdown from a model, rendered safely and steadily while it streams: GFM, no raw HTML, links
 * only for http(s)/mailto with the host shown, images only on a click, code with copy and lazy
 * highlighting. Finished blocks are neither re-lexed nor re-rendered as tokens arrive.
 */
export const Markdown = forwardRef<HTMLDivElement, MarkdownProps>(function Markdown(
  { text, annotations, status = 'done', ...props },
  ref,
) {
  const streaming = isRunning(status);
  const labels = useMessageLabels();
  const cache = useRef<BlockCache>(emptyBlockCache);
  const [slice, nextSlice] = useReducer((count: number) => count + 1, 0);
  // Long texts are lexed a slice at a time, each in its own task, so no one task blocks the page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new slice lexes on from the cache.
  const { blocks, rest } = useMemo(() => {
    const result = lexBlocks(text, cache.current, performance.now() + SLICE_MS);
    cache.current = result.cache;
    return result;
  }, [text, slice]);
  const [limit, showMore] = useReducer((shown: number) => shown + SHOWN_CHARACTERS, SHOWN_CHARACTERS);
  const shown = shownBlocks(blocks, limit);
  const pending = rest < text.length && shown === blocks.length;
  // biome-ignore lint/correctness/useExhaustiveDependencies: each slice (a new rest) asks for the next.
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(nextSlice, 0);
    return () => clearTimeout(timer);
  }, [pending, rest, text]);
  const spans = useMemo(() => (annotations?.length ? citationSpans(text, annotations) : noSpans), [text, annotations]);
  const groups: MarkdownBlock[][] = [];
  for (let index = 0; index < shown; index += GROUP_SIZE)
    groups.push(blocks.slice(index, Math.min(shown, index + GROUP_SIZE)));
  return (
    <div data-slot="markdown" data-status={status} data-pending={pending || undefined} {...props} ref={ref}>
      {groups.map((group, index) => (
        <BlockGroup
          key={group[0]?.start}
          blocks={group}
          spans={spans}
          last={index === groups.length - 1}
          streaming={streaming && index === groups.length - 1}
        />
      ))}
      {shown < blocks.length ? (
        <button type="button" data-slot="md-show-more" onClick={showMore}>
          {labels.showMoreCharacters(formatCount(labels, text.length - (blocks[shown]?.start ?? 0)))}
        </button>
      ) : null}
    </div>
  );
});
