import type { Draft } from '../state/draft.ts';
import { useCompare } from './compare-store.ts';
import { variantRequest } from './variant-column.tsx';
import type { VariantRun } from './variant-runs.ts';
import { MAX_VARIANTS, type Variant } from './variants.ts';

interface CompareBarProps {
  draft: Draft;
  variants: Variant[];
  baseline: Variant | undefined;
  runOf: (id: string) => VariantRun;
}

/** Run all, Stop all, Add variant, and the baseline the others are diffed against. */
export function CompareBar({ draft, variants, baseline, runOf }: CompareBarProps) {
  const runAll = () => {
    // A variant with a problem is not sent; its column shows why.
    for (const variant of variants) {
      const { body, problems } = variantRequest(draft, variant);
      if (Object.keys(problems).length === 0) runOf(variant.id).start(body);
    }
  };
  const stopAll = () => {
    for (const variant of variants) runOf(variant.id).run.stop();
  };
  return (
    <div className="compare-bar">
      <button type="button" onClick={runAll}>
        Run all
      </button>
      <button type="button" onClick={stopAll}>
        Stop all
      </button>
      <button
        type="button"
        onClick={() => useCompare.getState().add(draft.params)}
        disabled={variants.length >= MAX_VARIANTS}
      >
        Add variant
      </button>
      <label>
        Baseline{' '}
        <select value={baseline?.id ?? ''} onChange={(event) => useCompare.getState().setBaseline(event.target.value)}>
          {variants.map((variant) => (
            <option key={variant.id} value={variant.id}>
              Variant {variant.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
