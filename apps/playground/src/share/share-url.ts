import type { Draft } from '../state/draft.ts';

/** Uploaded files stay out of links: they can be large and private. Image URLs stay. */
function shareable(draft: Draft): Draft {
  return {
    ...draft,
    messages: draft.messages.map((message) => ({
      ...message,
      parts: message.parts.filter((part) => part.type === 'image_url' && /^https?:/.test(part.url)),
    })),
  };
}

function toBase64Url(text: string) {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

const fromBase64Url = (text: string) =>
  new TextDecoder().decode(
    Uint8Array.from(atob(text.replaceAll('-', '+').replaceAll('_', '/')), (char) => char.charCodeAt(0)),
  );

/** A link that opens this prompt: the draft only (messages, parameters, tools), never a key. */
export function shareUrl(draft: Draft, location: { origin: string; pathname: string }): string {
  return `${location.origin}${location.pathname}#prompt=${toBase64Url(JSON.stringify(shareable(draft)))}`;
}

/** The draft in a shared link, or null when the hash holds none (or a broken one). */
export function draftFromHash(hash: string): Draft | null {
  const match = /prompt=([A-Za-z0-9_-]+)/.exec(hash);
  if (!match?.[1]) return null;
  try {
    const draft = JSON.parse(fromBase64Url(match[1])) as Draft;
    return Array.isArray(draft.messages) && typeof draft.params === 'object' ? draft : null;
  } catch {
    return null;
  }
}
