import { ChatCompletionsError } from '../client/errors.ts';

/** The API's limits on stored-completion metadata. */
export const metadataLimits = { maxKeys: 16, maxKeyLength: 64, maxValueLength: 512 } as const;

export interface MetadataIssue {
  /** The key at fault, or null when the whole object is (too many keys, not an object). */
  key: string | null;
  reason: 'not-an-object' | 'too-many-keys' | 'empty-key' | 'key-too-long' | 'not-a-string' | 'value-too-long';
  message: string;
}

/** Characters as a person counts them: an emoji is one, not two UTF-16 units. */
function characters(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * Checks metadata against the API's limits (16 keys, keys <= 64 and values <= 512 characters, string
 * values) and lists every problem, so a form can show each next to its field. `null` clears metadata.
 */
export function validateMetadata(metadata: unknown): MetadataIssue[] {
  if (metadata === null) return [];
  if (typeof metadata !== 'object' || Array.isArray(metadata)) {
    return [{ key: null, reason: 'not-an-object', message: 'Metadata must be an object of string values.' }];
  }
  const issues: MetadataIssue[] = [];
  const keys = Object.keys(metadata);
  if (keys.length > metadataLimits.maxKeys) {
    const message = `At most ${metadataLimits.maxKeys} keys are allowed; there are ${keys.length}.`;
    issues.push({ key: null, reason: 'too-many-keys', message });
  }
  for (const key of keys) {
    const value = (metadata as Record<string, unknown>)[key];
    if (key === '') issues.push({ key, reason: 'empty-key', message: 'A key cannot be empty.' });
    if (characters(key) > metadataLimits.maxKeyLength) {
      const message = `Key "${key.slice(0, 20)}…" is longer than ${metadataLimits.maxKeyLength} characters.`;
      issues.push({ key, reason: 'key-too-long', message });
    }
    if (typeof value !== 'string') {
      issues.push({ key, reason: 'not-a-string', message: `The value of "${key}" must be a string.` });
    } else if (characters(value) > metadataLimits.maxValueLength) {
      const message = `The value of "${key}" is longer than ${metadataLimits.maxValueLength} characters.`;
      issues.push({ key, reason: 'value-too-long', message });
    }
  }
  return issues;
}

/** Throws a typed `invalid` error naming the first problem, before any request is sent. */
export function assertValidMetadata(metadata: unknown): void {
  const issues = validateMetadata(metadata);
  const first = issues[0];
  if (!first) return;
  const param = first.key === null ? 'metadata' : `metadata.${first.key}`;
  throw new ChatCompletionsError('invalid', first.message, {
    type: 'invalid_request_error',
    code: first.reason,
    param,
  });
}
