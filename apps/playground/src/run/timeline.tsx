import type { StreamTimings } from '@completions-kit/core';
import type { ChunkTime } from './use-run.ts';

const WIDTH = 480;
const HEIGHT = 120;

/** Chunk arrivals as a chart: characters received over time, with time to first token, rate and gaps. */
export function Timeline({ chunks, timings }: { chunks: readonly ChunkTime[]; timings: StreamTimings | undefined }) {
  if (chunks.length === 0) return null;
  const end = Math.max(1, chunks[chunks.length - 1]?.at ?? 1);
  let total = 0;
  const points = chunks.map((chunk) => {
    total += chunk.characters;
    return { at: chunk.at, total };
  });
  const height = Math.max(1, total);
  const path = points
    .map(
      (point, index) =>
        `${index === 0 ? 'M' : 'L'}${((point.at / end) * WIDTH).toFixed(1)},${(HEIGHT - (point.total / height) * HEIGHT).toFixed(1)}`,
    )
    .join(' ');
  // One path for every chunk's tick: thousands of chunks stay one element.
  const ticks = chunks.map((chunk) => `M${((chunk.at / end) * WIDTH).toFixed(1)},${HEIGHT - 6}v6`).join('');
  let gap = 0;
  for (let index = 1; index < chunks.length; index++)
    gap = Math.max(gap, (chunks[index]?.at ?? 0) - (chunks[index - 1]?.at ?? 0));
  const first = timings?.timeToFirstTokenMs;
  const rate = timings?.tokensPerSecond;
  const summary = `${chunks.length} chunks over ${Math.round(end)} ms; first token after ${first === null || first === undefined ? '–' : Math.round(first)} ms; ${rate ? rate.toFixed(0) : '–'} tokens/s; longest gap ${Math.round(gap)} ms`;
  return (
    <figure className="timeline">
      <svg
        role="img"
        aria-label={`Chunk timeline: ${summary}`}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        height={HEIGHT}
        preserveAspectRatio="none"
      >
        {/* Stretched to the answer's width; the strokes keep their own width. */}
        <path d={path} fill="none" stroke="currentColor" strokeWidth="2" vectorEffect="non-scaling-stroke" />
        <path d={ticks} stroke="currentColor" opacity="0.4" vectorEffect="non-scaling-stroke" />
      </svg>
      <figcaption>{summary}</figcaption>
    </figure>
  );
}
