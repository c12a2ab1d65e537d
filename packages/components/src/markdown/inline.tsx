import { Fragment, type ReactNode, useState } from 'react';
import { safeLink } from '../links/safe-link.ts';
import { useMessageLabels } from '../message/message-labels.tsx';
import { reveal } from '../text/reveal.ts';
import type { InlineImage, InlineLink, InlineToken } from './tokens.ts';

/** Citation markers to place: each after the inline token in which its span ends. */
export interface Placement {
  end: number;
  marker: ReactNode;
}

// Markdown images from model output load only on a click, and never from a data: SVG.
function ModelImage({ token }: { token: InlineImage }) {
  const labels = useMessageLabels();
  const [load, setLoad] = useState(false);
  const link = safeLink(token.href);
  const label = reveal(token.text || token.title || 'image');
  if (!link || link.scheme === 'mailto') {
    return (
      <span data-slot="md-image" data-state="blocked">
        {labels.imageNotShown(label)}
      </span>
    );
  }
  if (load) return <img data-slot="md-image" src={link.href} alt={label} />;
  return (
    <button type="button" data-slot="md-image" data-state="not-loaded" onClick={() => setLoad(true)}>
      {labels.loadImage(label)} <bdi dir="ltr">{link.host}</bdi>
    </button>
  );
}

function ModelLink({ token, children }: { token: InlineLink; children: ReactNode }) {
  const link = safeLink(token.href);
  if (!link)
    return (
      <span data-slot="md-link" data-safe="false">
        {children}
      </span>
    );
  return (
    <>
      <a
        data-slot="md-link"
        href={link.href}
        target="_blank"
        rel="noopener noreferrer"
        title={token.title ? reveal(token.title) : undefined}
      >
        {children}
      </a>
      {/* A mailto link shows its address, as a web link shows its host: the text may say anything. */}
      <span data-slot="link-host">
        {' ('}
        <bdi dir="ltr">{link.host}</bdi>)
      </span>
    </>
  );
}

/**
 * Inline tokens as React elements, never HTML: raw HTML shows as text. `position` is where the
 * tokens start in the source, so citation markers land after the token their span ends in.
 */
export function renderInline(
  tokens: readonly InlineToken[] | undefined,
  position: number,
  placements: Placement[],
  final = true,
): ReactNode[] {
  const out: ReactNode[] = [];
  let at = position;
  for (const [index, token] of (tokens ?? []).entries()) {
    const end = at + token.raw.length;
    // A span may end inside plain text (`). Next sentence (`): split the text right there.
    if (token.type === 'text' && token.raw === token.text) {
      let from = 0;
      while (placements.length > 0 && (placements[0] as Placement).end < end) {
        const cut = Math.max(from, (placements[0] as Placement).end - at);
        out.push(<Fragment key={`${index}-${from}`}>{reveal(token.raw.slice(from, cut))}</Fragment>);
        out.push((placements.shift() as Placement).marker);
        from = cut;
      }
      out.push(<Fragment key={`${index}-${from}`}>{reveal(token.raw.slice(from))}</Fragment>);
    } else {
      out.push(<InlinePart key={index} token={token} position={at} final={final} />);
    }
    at = end;
    while (placements.length > 0 && (placements[0] as Placement).end <= at)
      out.push((placements.shift() as Placement).marker);
  }
  return out;
}

function InlinePart({ token, position, final }: { token: InlineToken; position: number; final: boolean }): ReactNode {
  const children = 'tokens' in token && token.tokens ? renderInline(token.tokens, position, [], final) : null;
  switch (token.type) {
    case 'strong':
      return <strong>{children}</strong>;
    case 'em':
      return <em>{children}</em>;
    case 'del':
      return <del>{children}</del>;
    case 'codespan':
      return <code>{reveal(token.text)}</code>;
    case 'br':
      return <br />;
    case 'link':
      // A link still streaming in may hold half a URL: it becomes clickable once its block is done.
      if (!final)
        return (
          <span data-slot="md-link" data-state="pending">
            {children}
          </span>
        );
      return <ModelLink token={token}>{children}</ModelLink>;
    case 'image':
      return <ModelImage token={token} />;
    case 'escape':
      // A character reference may spell a hidden character (`&#x202E;`): shown, as in any text.
      return reveal(token.text);
    default:
      // Raw HTML among the text stays text: it is never run.
      return reveal(token.text);
  }
}
