// biome-ignore-all lint/suspicious/noArrayIndexKey: a token's children never reorder; their index is their identity.
import { memo, type ReactNode } from 'react';
import { useMessageLabels } from '../message/message-labels.tsx';
import { reveal } from '../text/reveal.ts';
import type { MarkdownBlock } from './blocks.ts';
import { Capped } from './capped.tsx';
import { CodeBlock } from './code-block.tsx';
import { type Placement, renderInline } from './inline.tsx';
import type { BlockToken, HeadingBlock, TextBlock } from './tokens.ts';

function inlineStart(block: MarkdownBlock, token: BlockToken): number {
  const text = 'text' in token ? token.text : '';
  const inside = text ? token.raw.indexOf(text) : 0;
  return block.start + Math.max(0, inside);
}

// The quote and list marks at the start of each line, left out when a too-deep block shows flat.
const containerMarks = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?)+/gm;

function renderBlock(token: BlockToken, block: MarkdownBlock, placements: Placement[], final: boolean): ReactNode {
  const inline = (inner: TextBlock | HeadingBlock) =>
    renderInline(inner.tokens, inlineStart(block, inner), placements, final);
  switch (token.type) {
    case 'heading': {
      const Tag = `h${token.depth}` as 'h1';
      return <Tag>{inline(token)}</Tag>;
    }
    case 'paragraph':
    case 'text':
      return <p>{inline(token)}</p>;
    case 'code':
      return <CodeBlock code={token.text} language={token.lang} status={final ? 'done' : 'streaming'} />;
    case 'blockquote':
      return (
        <blockquote>
          {token.tokens.map((inner, index) => (
            <BlockPart key={index} token={inner} block={block} final={final} />
          ))}
        </blockquote>
      );
    case 'list': {
      const list = token;
      const items = (shown: number) =>
        list.items.slice(0, shown).map((item, index) => (
          <li key={index}>
            {item.task ? (
              <input
                type="checkbox"
                checked={!!item.checked}
                disabled
                aria-label={item.checked ? 'done' : 'not done'}
              />
            ) : null}
            {item.tokens.map((inner, innerIndex) =>
              inner.type === 'text' ? (
                <span key={innerIndex}>{renderInline(inner.tokens, block.start, [], final)}</span>
              ) : (
                <BlockPart key={innerIndex} token={inner} block={block} final={final} />
              ),
            )}
          </li>
        ));
      return (
        <Capped total={list.items.length} noun="items">
          {(shown) =>
            list.ordered ? (
              <ol start={typeof list.start === 'number' ? list.start : undefined}>{items(shown)}</ol>
            ) : (
              <ul>{items(shown)}</ul>
            )
          }
        </Capped>
      );
    }
    case 'table': {
      const table = token;
      const align = (index: number) => table.align[index] ?? undefined;
      return (
        <Capped total={table.rows.length} noun="rows">
          {(shown) => (
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
                {table.rows.slice(0, shown).map((row, rowIndex) => (
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
          )}
        </Capped>
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
          <TooDeep /> {reveal(token.raw.replace(containerMarks, ''))}
        </p>
      );
    default:
      return null;
  }
}

function BlockPart({ token, block, final }: { token: BlockToken; block: MarkdownBlock; final: boolean }) {
  return <>{renderBlock(token, block, [], final)}</>;
}

interface BlockProps {
  block: MarkdownBlock;
  markers: Placement[];
  final: boolean;
}

// A finished block gets the same token, start and markers on every frame, so it never re-renders.
// (A whole re-lex, when a link definition arrives, gives new tokens: then every block renders again.)
export const Block = memo(
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

function TooDeep() {
  return <em>{useMessageLabels().nestedTooDeep}</em>;
}
