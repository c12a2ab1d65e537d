// biome-ignore-all lint/suspicious/noArrayIndexKey: a token's children never reorder; their index is their identity.
import type { UrlCitationAnnotation } from '@completions-kit/core';
import type { Token, Tokens } from 'marked';
import {
  type ComponentPropsWithoutRef,
  forwardRef,
  memo,
  type ReactNode,
  useEffect,
  useMemo,
  useReducer,
  useRef,
} from 'react';
import { CitationMarker } from '../citations/cited-text.tsx';
import { type CitationSpan, citationSpans } from '../citations/spans.ts';
import { reveal } from '../text/reveal.ts';
import { type BlockCache, emptyBlockCache, lexBlocks, type MarkdownBlock } from './blocks.ts';
import { CodeBlock } from './code-block.tsx';
import { type Placement, renderInline } from './inline.tsx';

/** How long one task may lex before the rest waits for the next. */
const SLICE_MS = 40;

export interface MarkdownProps extends ComponentPropsWithoutRef<'div'> {
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

// The quote and list marks at the start of each line, left out when a too-deep block shows flat.
const containerMarks = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?)+/gm;

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
      return <p data-slot="md-raw-html">{reveal(token.raw)}</p>;
    case 'too-deep':
      return (
        <p data-slot="md-too-deep">
          <em>[nested too deep to lay out]</em> {reveal(token.raw.replace(containerMarks, ''))}
        </p>
      );
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
// (A whole re-lex, when a link definition arrives, gives new tokens: then every block renders again.)
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
    before.block.token === after.block.token &&
    before.block.start === after.block.start &&
    before.final === after.final &&
    before.markers.length === after.markers.length &&
    before.markers.every((marker, index) => marker.end === after.markers[index]?.end),
);

const noSpans: CitationSpan[] = [];
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
    return blocks.map((block, index) => {
      const lastBlock = last && index === blocks.length - 1;
      const markers = spans
        .filter((span) => span.range && span.range.end > block.start && (span.range.end <= block.end || lastBlock))
        .map((span) => ({ end: span.range?.end ?? 0, marker: <CitationMarker key={span.key} span={span} /> }));
      return <Block key={block.start} block={block} markers={markers} final={!streaming || !lastBlock} />;
    });
  },
  (before, after) =>
    before.spans === after.spans &&
    before.last === after.last &&
    before.streaming === after.streaming &&
    before.blocks.length === after.blocks.length &&
    before.blocks.every((block, index) => block.token === after.blocks[index]?.token),
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
  const [slice, nextSlice] = useReducer((count: number) => count + 1, 0);
  // Long texts are lexed a slice at a time, each in its own task, so no one task blocks the page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new slice lexes on from the cache.
  const { blocks, rest } = useMemo(() => {
    const result = lexBlocks(text, cache.current, performance.now() + SLICE_MS);
    cache.current = result.cache;
    return result;
  }, [text, slice]);
  useEffect(() => {
    if (rest >= text.length) return;
    const timer = setTimeout(nextSlice, 0);
    return () => clearTimeout(timer);
  }, [rest, text]);
  const spans = useMemo(() => (annotations?.length ? citationSpans(text, annotations) : noSpans), [text, annotations]);
  const groups: MarkdownBlock[][] = [];
  for (let index = 0; index < blocks.length; index += GROUP_SIZE) groups.push(blocks.slice(index, index + GROUP_SIZE));
  return (
    <div data-slot="markdown" data-streaming={streaming || undefined} {...props} ref={ref}>
      {groups.map((group, index) => (
        <BlockGroup
          key={group[0]?.start}
          blocks={group}
          spans={spans}
          last={index === groups.length - 1}
          streaming={streaming && index === groups.length - 1}
        />
      ))}
      {rest < text.length ? <p data-slot="md-pending">…</p> : null}
    </div>
  );
});
