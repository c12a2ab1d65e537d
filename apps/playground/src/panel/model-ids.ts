/** At most this many ids are offered: a proxy in front of a large catalogue must not flood the list. */
export const MAX_MODELS = 500;

/**
 * Model ids from a `/models` answer, sorted and unique. The answer is untrusted: anything but a
 * `data` list is an error, and entries without a string id are skipped.
 */
export function modelIds(body: unknown): string[] {
  const data = (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) throw new Error('the answer has no data list');
  const ids = data.map((entry) => (entry as { id?: unknown } | null)?.id).filter((id) => typeof id === 'string');
  return [...new Set(ids as string[])].sort().slice(0, MAX_MODELS);
}
