import { presets } from '../state/connection.ts';
import { sections, type Variant } from './variants.ts';

/** Short names for the one-line summary; a field not listed is shown by its API name. */
const shortNames: Record<string, string> = {
  temperature: 'temperature',
  top_p: 'top_p',
  seed: 'seed',
  frequency_penalty: 'frequency penalty',
  presence_penalty: 'presence penalty',
  reasoning_effort: 'reasoning',
  verbosity: 'verbosity',
  service_tier: 'tier',
  stop: 'stop',
};

const filled = (value: string | boolean | undefined) => value !== undefined && value !== '' && value !== false;

/**
 * A variant's settings in one line: model · temperature · seed · max tokens · every other field it
 * sets. Unset sampling fields say "default", so two lines can be read against each other.
 */
export function variantSummary(variant: Variant): string {
  const params = variant.params;
  const parts: string[] = [String(params.model || 'no model')];
  if (variant.connection !== 'current') parts.push(presets[variant.connection].label);
  parts.push(`temperature ${filled(params.temperature) ? params.temperature : 'default'}`);
  if (filled(params.seed)) parts.push(`seed ${params.seed}`);
  if (filled(params.max_completion_tokens)) parts.push(`max ${params.max_completion_tokens} tokens`);
  const shown = new Set(['model', 'temperature', 'seed', 'max_completion_tokens']);
  for (const field of sections.flatMap((section) => section.fields)) {
    if (shown.has(field) || !filled(params[field])) continue;
    const value = String(params[field]).replace(/\s+/g, ' ');
    parts.push(`${shortNames[field] ?? field} ${value.length > 24 ? `${value.slice(0, 23)}…` : value}`);
  }
  if (variant.messages) parts.push(messagesLabel(variant.messages.from));
  return parts.join(' · ');
}

/** Where a variant's own messages came from, as its select and its summary say it. */
export function messagesLabel(from: string): string {
  const saved = /^saved:(.*):(\d+)$/.exec(from);
  return saved ? `messages of ${saved[1]} v${saved[2]}` : 'own messages';
}
