import { useMemo } from 'react';
import { consistency, type RepeatOutput, type Spread } from './consistency.ts';

const show = (value: Spread | null, digits = 0) =>
  value ? `${value.min.toFixed(digits)} / ${value.median.toFixed(digits)} / ${value.max.toFixed(digits)}` : '–';

/** The repeat's consistency in figures: distinct outputs, disagreement, and the spreads. */
export function ConsistencySummary({ outputs }: { outputs: RepeatOutput[] }) {
  const figures = useMemo(() => consistency(outputs), [outputs]);
  const failed = outputs.length - figures.runs;
  return (
    <dl className="consistency" aria-label="Consistency">
      <dt>Distinct outputs</dt>
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
    </dl>
  );
}
