import {
  type Draft,
  type DraftMessage,
  type DraftPart,
  type DraftTool,
  defaultDraft,
  message,
  newId,
  type Role,
} from '../state/draft.ts';
import { variableLimits } from '../variables/template.ts';

const linkable = (part: DraftPart) => part.type === 'image_url' && /^https?:/.test(part.url);

/** Uploaded files stay out of links: they can be large and private. Image URLs stay. */
function shareable(draft: Draft): Draft {
  return { ...draft, messages: draft.messages.map((entry) => ({ ...entry, parts: entry.parts.filter(linkable) })) };
}

/**
 * What a share link leaves out of this draft, for the UI to say: uploaded images, audio and files,
 * by message number (1-based).
 */
export function leftOutOfLink(draft: Draft): { message: number; part: string }[] {
  return draft.messages.flatMap((entry, index) =>
    entry.parts
      .filter((part) => !linkable(part))
      .map((part) => ({
        message: index + 1,
        part:
          part.type === 'image_url'
            ? 'uploaded image'
            : part.type === 'input_audio'
              ? `audio ${part.name}`
              : `file ${part.filename}`,
      })),
  );
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

const roles: Role[] = ['system', 'developer', 'user', 'assistant', 'tool'];
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const list = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter((item) => typeof item === 'object' && item !== null) : [];

/**
 * A link is untrusted input, and the draft it sets is saved: every field is rebuilt from known
 * shapes, so a hand-made link cannot put something into the composer that breaks it on every load.
 */
function normalize(raw: Record<string, unknown>): Draft {
  const base = defaultDraft();
  const messages: DraftMessage[] = list(raw.messages).map((entry) =>
    message(roles.includes(entry.role as Role) ? (entry.role as Role) : 'user', text(entry.text), {
      name: text(entry.name),
      toolCallId: text(entry.toolCallId),
      parts: list(entry.parts)
        .filter((part) => part.type === 'image_url' && /^https?:/.test(text(part.url)))
        .map((part) => ({
          id: newId(),
          type: 'image_url' as const,
          url: text(part.url),
          detail: part.detail === 'low' || part.detail === 'high' ? part.detail : 'auto',
        })),
      toolCalls: list(entry.toolCalls).map((call) => ({
        id: text(call.id),
        name: text(call.name),
        arguments: text(call.arguments),
      })),
    }),
  );
  const params: Draft['params'] = {};
  for (const [name, value] of Object.entries((raw.params as object | null) ?? {})) {
    if (typeof value === 'string' || typeof value === 'boolean') params[name] = value;
  }
  const tools: DraftTool[] = list(raw.tools).map((tool) => ({
    id: newId(),
    kind: tool.kind === 'custom' ? 'custom' : 'function',
    name: text(tool.name),
    description: text(tool.description),
    schema: text(tool.schema),
    strict: tool.strict === true,
    grammar: tool.grammar === 'regex' || tool.grammar === 'lark' ? tool.grammar : 'text',
    definition: text(tool.definition),
  }));
  const format = (raw.responseFormat ?? {}) as Record<string, unknown>;
  const variables = list(raw.variables)
    .filter((entry) => typeof entry.name === 'string' && /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(entry.name))
    .slice(0, variableLimits.count)
    .map((entry) => ({ name: entry.name as string, value: text(entry.value).slice(0, variableLimits.value) }));
  return {
    messages,
    params: { ...base.params, ...params },
    tools,
    toolChoice: text(raw.toolChoice),
    responseFormat: {
      type: format.type === 'json_object' || format.type === 'json_schema' ? format.type : 'text',
      name: text(format.name) || 'answer',
      schema: text(format.schema),
      strict: format.strict !== false,
    },
    variables,
  };
}

/** The draft in a shared link, or null when the hash holds none (or a broken one). */
export function draftFromHash(hash: string): Draft | null {
  const match = /prompt=([A-Za-z0-9_-]+)/.exec(hash);
  if (!match?.[1]) return null;
  try {
    const raw = JSON.parse(fromBase64Url(match[1])) as unknown;
    return typeof raw === 'object' && raw !== null && Array.isArray((raw as { messages?: unknown }).messages)
      ? normalize(raw as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
