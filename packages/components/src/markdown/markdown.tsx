// biome-ignore-all lint/suspicious/noArrayIndexKey: a token's children never reorder; their index is their identity.
import type { UrlCitationAnnotation } from '@completions-kit/core';
import type { Token, Tokens } from 'marked';
import { type ComponentPropsWithoutRef, forwardRef, memo, type ReactNode, useMemo, useRef } from 'react';
import { CitationMarker } from '../citations/cited-text.tsx';
import { citationSpans } from '../citations/spans.ts';
import { type BlockCache, emptyBlockCache, lexBlocks, type MarkdownBlock } from './blocks.ts';
import { CodeBlock } from './code-block.tsx';
import { type Placement, renderInline } from './inline.tsx';

export interface MarkdownProps extends ComponentPropsWithoutRef<'div'> {
  /** Markdown from the model, whole or as far as it has streamed. */
  text: string;
  /** url_citation annotations: markers are placed in the rendered tree after each cited span. */
  annotations?: readonly UrlCitationAnnotation[] | undefined;
  /** True while the text is still streaming in. Default: false. */
  streaming?: boolean;
}

function inlineStart(block: MarkdownBlock, token: Token): number {
  const text = 'text' in token && typeof token.text === 'string' ? token.text : '';
  const inside = text ? token.raw.indexOf(text) : 0;
  return block.start + Math.max(0, inside);
}

function renderBlock(token: Token, block: MarkdownBlock, placements: Placement[], final: boolean): ReactNode {
  const inline = (inner: Token) =>
    renderInline('tokens' in inner ? inner.tokens : undefined, inlineStart(block, inner), placements, final);
  switch (token.type) {
    case 'heading': {
      const Tag = `h${(token as Tokens.Heading).depth}` as 'h1';
      return <Tag>{inline(token)}</Tag>;
    }
    case 'paragraph':
      return <p>{inline(token)}</p>;
    case 'text':
      return <p>{inline(token)}</p>;
    case 'code':
      return <CodeBlock code={(token as Tokens.Code).text} language={(token as Tokens.Code).lang} final={final} />;
    case 'blockquote':
      return (
        <blockquote>
          {(token as Tokens.Blockquote).tokens.map((inner, index) => (
            <BlockPart key={index} token={inner} block={block} final={final} />
          ))}
        </blockquote>
      );
    case 'list': {
      const list = token as Tokens.List;
      const items = list.items.map((item, index) => (
        <li key={index}>
          {item.task ? (
            <input type="checkbox" checked={!!item.checked} disabled aria-label={item.checked ? 'done' : 'not done'} />
          ) : null}
          {item.tokens.map((inner, innerIndex) =>
            inner.type === 'text' ? (
              <span key={innerIndex}>
                {renderInline('tokens' in inner ? inner.tokens : undefined, block.start, [], final)}
              </span>
            ) : (
              <BlockPart key={innerIndex} token={inner} block={block} final={final} />
            ),
          )}
        </li>
      ));
      return list.ordered ? (
        <ol start={typeof list.start === 'number' ? list.start : undefined}>{items}</ol>
      ) : (
        <ul>{items}</ul>
      );
    }
    case 'table': {
      const table = token as Tokens.Table;
      const align = (index: number) => table.align[index] ?? undefined;
      return (
        <table>
          <thead>
            <tr>
              {table.header.map((cell, index) => (
                <th key={index} style={{ textAlign: align(index) }}>
                  {renderInline(cell.tokens, block.start, [], final)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, rowIndex) => (
              <tr key={rowIndex}>
                {row.map((cell, index) => (
                  <td key={index} style={{ textAlign: align(index) }}>
                    {renderInline(cell.tokens, block.start, [], final)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    case 'hr':
      return <hr />;
    case 'html':
      // Raw HTML from a model is shown, never run.
      return <p data-slot="md-raw-html">{token.raw}</p>;
    default:
      return null;
  }
}

function BlockPart({ token, block, final }: { token: Token; block: MarkdownBlock; final: boolean }) {
  return <>{renderBlock(token, block, [], final)}</>;
}

interface BlockProps {
  block: MarkdownBlock;
  markers: Placement[];
  final: boolean;
}

// A finished block gets the same token, start and markers on every frame, so it never re-renders.
const Block = memo(
  function Block({ block, markers, final }: BlockProps) {
    const placements = markers.slice();
    const rendered = renderBlock(block.token, block, placements, final);
    return (
      <>
        {rendered}
        {placements.map((placement) => placement.marker)}
      </>
    );
  },
  (before, after) =>
    before.block.token.raw === after.block.token.raw &&
    before.block.start === after.block.start &&
    before.final === after.final &&
    before.markers.length === after.markers.length &&
    before.markers.every((marker, index) => marker.end === after.markers[index]?.end),
);

/**
 * Markdown from a model, rendered safely and steadily while it streams: GFM, no raw HTML, links
 * only for http(s)/mailto with the host shown, images only on a click, code with copy and lazy
 * highlighting. Finished blocks are neither re-lexed nor re-rendered as tokens arrive.
 */
export const Markdown = forwardRef<HTMLDivElement, MarkdownProps>(function Markdown(
  { text, annotations, streaming = false, ...props },
  ref,
) {
  const cache = useRef<BlockCache>(emptyBlockCache);
  const blocks = useMemo(() => {
    const result = lexBlocks(text, cache.current);
    cache.current = result.cache;
    return result.blocks;
  }, [text]);
  const spans = useMemo(() => citationSpans(text, annotations), [text, annotations]);
  return (
    <div data-slot="markdown" data-streaming={streaming || undefined} {...props} ref={ref}>
      {blocks.map((block, index) => {
        const last = index === blocks.length - 1;
        const markers = spans
          .filter((span) => span.range && span.range.end > block.start && (span.range.end <= block.end || last))
          .map((span) => ({ end: span.range?.end ?? 0, marker: <CitationMarker key={span.key} span={span} /> }));
        return <Block key={block.start} block={block} markers={markers} final={!streaming || !last} />;
      })}
    </div>
  );
});
