import { type CSSProperties, useMemo } from 'react';
import { type Consistency, consistency, type RepeatOutput, type Spread } from './consistency.ts';

const show = (value: Spread | null, digits = 0) =>
  value ? `${value.min.toFixed(digits)} / ${value.median.toFixed(digits)} / ${value.max.toFixed(digits)}` : '–';

const percent = (value: number) => `${Math.round(value * 100)}%`;

const bands = ['0–20%', '20–40%', '40–60%', '60–80%', '80–100%'] as const;

/** The pairs' word similarity as five bars, 0–20% to 80–100%, each as tall as its share of pairs. */
function SimilarityBars({ figures }: { figures: Consistency }) {
  const most = Math.max(1, ...figures.similarityBins);
  return (
    <ol className="similarity-bins" aria-label="Pairs by word similarity">
      {bands.map((band, bin) => {
        const count = figures.similarityBins[bin] ?? 0;
        return (
          <li key={band} className="similarity-bin" style={{ '--share': count / most } as CSSProperties}>
            <span className="similarity-bar" aria-hidden="true" />
            <span>
              {band}: {count}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** The repeat's consistency in figures: exact matches, word similarity, spreads, finish reasons. */
export function ConsistencySummary({ outputs }: { outputs: RepeatOutput[] }) {
  const figures = useMemo(() => consistency(outputs), [outputs]);
  const failed = outputs.length - figures.runs;
  return (
    <dl className="consistency" aria-label="Consistency">
      <dt>Distinct outputs (exact matches)</dt>
      <dd>
        {figures.distinct} of {figures.runs}
        {failed > 0 ? ` (${failed} failed)` : ''}
      </dd>
      <dt>Differ from the most common</dt>
      <dd>
        {Math.round(figures.differShare * 100)}% ({figures.runs - figures.modeCount} of {figures.runs})
      </dd>
      <dt>Length in characters (min / median / max)</dt>
      <dd>{show(figures.characters)}</dd>
      <dt>Length in tokens (min / median / max)</dt>
      <dd>{show(figures.tokens)}</dd>
      <dt>Mean logprob (min / median / max)</dt>
      <dd>{show(figures.meanLogprob, 3)}</dd>
      <dt>Logprobs left out</dt>
      <dd>
        {figures.leftOutLogprobs === 0
          ? 'none'
          : `${figures.leftOutLogprobs} token${figures.leftOutLogprobs === 1 ? '' : 's'} at the −9999 floor or not a number`}
      </dd>
      <dt>Word similarity of pairs (min / median / max)</dt>
      <dd>
        {figures.similarity
          ? `${percent(figures.similarity.min)} / ${percent(figures.similarity.median)} / ${percent(figures.similarity.max)} over ${figures.pairs} pairs`
          : '–'}
        {figures.pairs > 0 ? <SimilarityBars figures={figures} /> : null}
      </dd>
      <dt>Finish reasons</dt>
      <dd>{figures.finishReasons.map(([reason, count]) => `${reason} ${count}`).join(' · ') || '–'}</dd>
    </dl>
  );
}
