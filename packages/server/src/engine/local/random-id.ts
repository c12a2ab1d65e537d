import { randomBytes } from 'node:crypto';

export const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Ids like the API's (`chatcmpl-…`, `call_…`, `audio_…`): random, never derived from the seed. */
export function randomId(prefix: string, length = 29): string {
  const bytes = randomBytes(length);
  let id = prefix;
  for (const byte of bytes) id += alphabet[byte % alphabet.length];
  return id;
}
