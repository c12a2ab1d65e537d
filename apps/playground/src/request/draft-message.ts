import { type DraftMessage, type DraftPart, message, newId, type Role } from '../state/draft.ts';

type Json = Record<string, unknown>;
const record = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const roles: Role[] = ['system', 'developer', 'user', 'assistant', 'tool'];

/** A content part as a composer part; text parts and unknown kinds give null. */
function draftPart(part: Json): DraftPart | null {
  if (part.type === 'image_url') {
    const image = record(part.image_url);
    const detail = image.detail === 'low' || image.detail === 'high' ? image.detail : 'auto';
    return { id: newId(), type: 'image_url', url: text(image.url), detail };
  }
  if (part.type === 'input_audio') {
    const audio = record(part.input_audio);
    const format = audio.format === 'mp3' ? 'mp3' : 'wav';
    return { id: newId(), type: 'input_audio', data: text(audio.data), format, name: `audio.${format}` };
  }
  if (part.type === 'file') {
    const file = record(part.file);
    return { id: newId(), type: 'file', filename: text(file.filename), fileData: text(file.file_data) };
  }
  return null;
}

/**
 * A request message (or a stored one from `/messages`, whose parts are `content_parts`) as a
 * composer message: its text parts joined, its other parts kept, its name, tool calls and call id.
 */
export function draftMessage(entry: Json): DraftMessage {
  const role = roles.includes(entry.role as Role) ? (entry.role as Role) : 'user';
  const partsSource = Array.isArray(entry.content_parts)
    ? entry.content_parts
    : Array.isArray(entry.content)
      ? entry.content
      : [];
  const parts = partsSource.map(record);
  const joined = parts.map((part) => (part.type === 'text' ? text(part.text) : '')).join('');
  const toolCalls = (Array.isArray(entry.tool_calls) ? entry.tool_calls : []).map(record).map((call) => {
    const fn = record(call.function);
    return { id: text(call.id), name: text(fn.name), arguments: text(fn.arguments) };
  });
  return message(role, typeof entry.content === 'string' ? entry.content : joined, {
    name: text(entry.name),
    parts: parts.map(draftPart).filter((part): part is DraftPart => part !== null),
    toolCalls,
    toolCallId: text(entry.tool_call_id),
  });
}
