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
    return [{ key: null, reason: 'not-an-object', message: 'Metadata must be an object.' }];
  }
  const issues: MetadataIssue[] = [];
  const keys = Object.keys(metadata);
  if (keys.length > metadataLimits.maxKeys) {
    issues.push({ key: null, reason: 'too-many-keys', message: `${keys.length} keys: at most 16 are allowed.` });
  }
  for (const key of keys) {
    const value = (metadata as Record<string, unknown>)[key];
    if (key === '') issues.push({ key, reason: 'empty-key', message: 'A key cannot be empty.' });
    if (characters(key) > metadataLimits.maxKeyLength) {
      issues.push({ key, reason: 'key-too-long', message: 'Keys are at most 64 characters.' });
    }
    if (typeof value !== 'string') {
      issues.push({ key, reason: 'not-a-string', message: 'Values must be strings.' });
    } else if (characters(value) > metadataLimits.maxValueLength) {
      issues.push({ key, reason: 'value-too-long', message: 'Values are at most 512 characters.' });
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
