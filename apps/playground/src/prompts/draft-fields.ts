import { fieldValue, paramSpecs } from '../request/param-spec.ts';
import type { Draft, DraftPart } from '../state/draft.ts';

const partText = (part: DraftPart) =>
  part.type === 'image_url'
    ? `image ${part.url.startsWith('data:') ? '(uploaded)' : part.url} (${part.detail})`
    : part.type === 'input_audio'
      ? `audio ${part.name} (${part.format}, ${part.data.length} characters)`
      : `file ${part.filename} (${part.fileData.length} characters)`;

/** Every field of a draft by a readable name (as the composer labels it), empty ones left out. */
export function draftFields(draft: Draft): Map<string, string> {
  const fields = new Map<string, string>();
  const add = (name: string, value: string | boolean) => {
    if (value !== '' && value !== undefined) fields.set(name, String(value));
  };
  draft.messages.forEach((entry, index) => {
    const label = `Message ${index + 1}`;
    add(`${label} role`, entry.role);
    add(`${label} name`, entry.name);
    add(`${label} text`, entry.text);
    add(`${label} tool call id`, entry.toolCallId);
    for (const call of entry.toolCalls) add(`${label} call ${call.id}`, `${call.name}(${call.arguments})`);
    for (const [partIndex, part] of entry.parts.entries()) add(`${label} part ${partIndex + 1}`, partText(part));
  });
  for (const spec of paramSpecs) add(spec.label, fieldValue(spec, draft.params));
  draft.tools.forEach((tool, index) => {
    const label = `Tool ${index + 1}`;
    add(`${label} kind`, tool.kind);
    add(`${label} name`, tool.name);
    add(`${label} description`, tool.description);
    if (tool.kind === 'function') {
      add(`${label} parameters`, tool.schema);
      add(`${label} strict`, tool.strict);
    } else {
      add(`${label} grammar`, tool.grammar);
      add(`${label} grammar definition`, tool.definition);
    }
  });
  add('Tool choice', draft.toolChoice);
  add('Response format', draft.responseFormat.type);
  if (draft.responseFormat.type === 'json_schema') {
    add('Schema name', draft.responseFormat.name);
    add('JSON schema', draft.responseFormat.schema);
    add('Schema strict', draft.responseFormat.strict);
  }
  for (const variable of draft.variables) fields.set(`Variable {{${variable.name}}}`, variable.value);
  return fields;
}

/** A draft as text to read and diff: one "name: value" per field. */
export const readableDraft = (draft: Draft) =>
  [...draftFields(draft)].map(([name, value]) => `${name}: ${value}`).join('\n');

export interface FieldChange {
  field: string;
  before: string | undefined;
  after: string | undefined;
}

/** The fields that differ between two drafts, in the newer one's order, then those it dropped. */
export function changedFields(before: Draft, after: Draft): FieldChange[] {
  const a = draftFields(before);
  const b = draftFields(after);
  const names = [...new Set([...b.keys(), ...a.keys()])];
  return names
    .filter((field) => a.get(field) !== b.get(field))
    .map((field) => ({ field, before: a.get(field), after: b.get(field) }));
}
