// The furthest a Date reaches, in seconds either side of 1970.
const LIMIT = 8.64e12;

/** A Unix time in seconds as an ISO string, clamped to what a Date can hold; null when not a number. */
export function utcTime(seconds: unknown): string | null {
  if (typeof seconds !== 'number' || Number.isNaN(seconds)) return null;
  return new Date(Math.min(LIMIT, Math.max(-LIMIT, seconds)) * 1000).toISOString();
}
