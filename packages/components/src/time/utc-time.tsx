import { utcTime } from '../text/utc-time.ts';

export interface UtcTimeProps {
  /** Unix seconds. Out of a Date's range it is clamped; not a number shows a dash. */
  seconds: number;
  /** Default: minutes. */
  precision?: 'minutes' | 'seconds';
  /** Text after the time, inside the element (e.g. " UTC"). Default: none. */
  suffix?: string;
}

/** Unix seconds as a `<time>` in UTC: `2026-11-29 06:49` (or with seconds), the ISO instant in `dateTime`. */
export function UtcTime({ seconds, precision = 'minutes', suffix = '' }: UtcTimeProps) {
  const iso = utcTime(seconds);
  if (iso === null) return <span data-slot="time-unknown">–</span>;
  return (
    <time dateTime={iso}>
      {iso.replace('T', ' ').slice(0, precision === 'seconds' ? 19 : 16)}
      {suffix}
    </time>
  );
}
