import type { PresetId } from '../state/connection.ts';
import { type DraftMessage, newId } from '../state/draft.ts';

/** Where a variant sends its request: the connection in use, or one of the saved presets. */
export type VariantConnection = 'current' | PresetId;

export interface Variant {
  id: string;
  name: string;
  /** The fields of the compared sections, as typed; every other field comes from the composer. */
  params: Record<string, string | boolean>;
  connection: VariantConnection;
  /**
   * The variant's own messages, or null for the composer's. `from` says where they were taken from
   * (a saved prompt's version, or the composer), for the summary line.
   */
  messages: { list: DraftMessage[]; from: string } | null;
}

export type SectionId = 'model' | 'sampling' | 'length' | 'messages';

/** The settings a variant can change, in sections that can be kept the same across all variants. */
export const sections: { id: SectionId; label: string; fields: string[] }[] = [
  { id: 'model', label: 'Model', fields: ['model', 'reasoning_effort', 'verbosity', 'service_tier'] },
  {
    id: 'sampling',
    label: 'Sampling',
    fields: ['temperature', 'top_p', 'seed', 'frequency_penalty', 'presence_penalty'],
  },
  { id: 'length', label: 'Length', fields: ['max_completion_tokens', 'stop'] },
  // Not request parameters: the variant's `messages` (see `setMessages`).
  { id: 'messages', label: 'Messages', fields: [] },
];

export type Synced = Record<SectionId, boolean>;

export const noneSynced: Synced = { model: false, sampling: false, length: false, messages: false };

/** How many variants the page offers at most: enough to compare widely, few enough to stay responsive. */
export const MAX_VARIANTS = 12;

const sectionOf = (field: string) => sections.find((section) => section.fields.includes(field));

const letter = (index: number) => String.fromCharCode(65 + (index % 26));

/** A variant holding the draft's values for every compared field. */
export function variantFrom(params: Record<string, string | boolean>, name: string): Variant {
  const own: Record<string, string | boolean> = {};
  for (const field of sections.flatMap((section) => section.fields)) {
    const value = params[field];
    if (value !== undefined) own[field] = value;
  }
  return { id: newId(), name, params: own, connection: 'current', messages: null };
}

/** The next free letter name, so names stay unique after removals. */
export function nextName(variants: Variant[]): string {
  const taken = new Set(variants.map((variant) => variant.name));
  for (let index = 0; ; index++) {
    const name = index < 26 ? letter(index) : `${letter(index)}${Math.floor(index / 26)}`;
    if (!taken.has(name)) return name;
  }
}

/**
 * One field edited in one variant; when its section is synced, in every variant. The connection
 * is the Model section's too: it decides which models exist.
 */
export function editField(
  variants: Variant[],
  synced: Synced,
  id: string,
  field: string,
  value: string | boolean,
): Variant[] {
  const section = field === 'connection' ? 'model' : sectionOf(field)?.id;
  const all = section !== undefined && synced[section];
  return variants.map((variant) => {
    if (!all && variant.id !== id) return variant;
    if (field === 'connection') return { ...variant, connection: value as VariantConnection };
    return { ...variant, params: { ...variant.params, [field]: value } };
  });
}

/**
 * A variant's messages set (null: back to the composer's); when Messages is synced, every variant's.
 * Each variant gets its own copy, so an edit in one never reaches another through a shared array.
 */
export function setMessages(variants: Variant[], synced: Synced, id: string, messages: Variant['messages']): Variant[] {
  return variants.map((variant) =>
    synced.messages || variant.id === id ? { ...variant, messages: copyMessages(messages) } : variant,
  );
}

const copyMessages = (messages: Variant['messages']): Variant['messages'] =>
  messages ? { from: messages.from, list: messages.list.map((entry) => ({ ...entry })) } : null;

/** The target with the source's values for one section (and, for Model, its connection). */
function copySection(source: Variant, target: Variant, section: SectionId): Variant {
  if (section === 'messages') return { ...target, messages: copyMessages(source.messages) };
  const params = { ...target.params };
  for (const field of sections.find((entry) => entry.id === section)?.fields ?? []) {
    if (source.params[field] === undefined) delete params[field];
    else params[field] = source.params[field];
  }
  return { ...target, params, connection: section === 'model' ? source.connection : target.connection };
}

/** Turning a section's sync on copies the first variant's section into every other, so all agree. */
export function setSync(variants: Variant[], synced: Synced, section: SectionId, on: boolean) {
  const next = { ...synced, [section]: on };
  const first = variants[0];
  if (!on || !first) return { variants, synced: next };
  return { variants: variants.map((variant) => copySection(first, variant, section)), synced: next };
}

/** A copy placed right after the original, under a new name. */
export function duplicate(variants: Variant[], id: string): Variant[] {
  const at = variants.findIndex((variant) => variant.id === id);
  const original = variants[at];
  if (!original || variants.length >= MAX_VARIANTS) return variants;
  const copy = {
    ...original,
    id: newId(),
    name: nextName(variants),
    params: { ...original.params },
    messages: copyMessages(original.messages),
  };
  return [...variants.slice(0, at + 1), copy, ...variants.slice(at + 1)];
}

/** Every variant but one; the last one stays, since there is nothing to compare without it. */
export function remove(variants: Variant[], id: string): Variant[] {
  return variants.length <= 1 ? variants : variants.filter((variant) => variant.id !== id);
}

/** A new variant from the composer's values, taking the synced sections from the first variant. */
export function add(variants: Variant[], synced: Synced, params: Record<string, string | boolean>): Variant[] {
  if (variants.length >= MAX_VARIANTS) return variants;
  const first = variants[0];
  let fresh = variantFrom(params, nextName(variants));
  if (!first) return [fresh];
  for (const section of sections) if (synced[section.id]) fresh = copySection(first, fresh, section.id);
  return [...variants, fresh];
}
