/** Unix seconds as a `<time>` in UTC: `2026-11-29 06:49` (or with seconds), the ISO instant in `dateTime`. */
export function UtcTime({ seconds, precision = 'minutes' }: { seconds: number; precision?: 'minutes' | 'seconds' }) {
  const iso = new Date(seconds * 1000).toISOString();
  return <time dateTime={iso}>{iso.replace('T', ' ').slice(0, precision === 'seconds' ? 19 : 16)}</time>;
}
