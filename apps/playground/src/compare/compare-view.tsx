import { useEffect, useState } from 'react';
import { RepeatView } from '../repeat/repeat-view.tsx';
import { useDraft } from '../state/draft.ts';
import { CompareBar } from './compare-bar.tsx';
import { useCompare } from './compare-store.ts';
import { SyncBar } from './sync-bar.tsx';
import { VariantColumn } from './variant-column.tsx';
import { isLive, useVariantRuns, type VariantRun } from './variant-runs.ts';

type Mode = 'compare' | 'repeat';

/** Escape stops every variant still running, as it stops the answer in the Playground view. */
function useStopKey(entries: VariantRun[]) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const live = entries.filter((entry) => isLive(entry.run.getState()));
      if (live.length === 0) return;
      event.preventDefault();
      for (const entry of live) entry.run.stop();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [entries]);
}

/** The composer's prompt sent with several variants' settings at once, side by side; or repeated. */
export function CompareView() {
  const draft = useDraft((state) => state.draft);
  const { variants, baselineId, keys } = useCompare();
  const [mode, setMode] = useState<Mode>('compare');
  const runOf = useVariantRuns(variants, keys);
  useStopKey(variants.map((variant) => runOf(variant.id)));
  useEffect(() => useCompare.getState().start(useDraft.getState().draft.params), []);
  const baseline = variants.find((variant) => variant.id === baselineId) ?? variants[0];
  const baselineRun = { name: baseline?.name ?? '', entry: runOf(baseline?.id ?? '') };
  return (
    <div className="compare">
      <h2>Compare</h2>
      <p className="hint">
        Each variant sets its model, sampling and length, and can send its own messages or a saved prompt&rsquo;s; the
        tools and response format come from the composer.
      </p>
      <fieldset className="compare-modes">
        <legend data-slot="visually-hidden">Compare or repeat</legend>
        {(['compare', 'repeat'] as const).map((entry) => (
          <button key={entry} type="button" aria-pressed={mode === entry} onClick={() => setMode(entry)}>
            {entry === 'compare' ? 'Variants' : 'Repeat'}
          </button>
        ))}
      </fieldset>
      {/* Both stay mounted, so a repeat under way and the columns' answers survive a switch. */}
      <div hidden={mode !== 'repeat'}>
        <RepeatView draft={draft} variants={variants} />
      </div>
      <div hidden={mode !== 'compare'}>
        <CompareBar draft={draft} variants={variants} baseline={baseline} runOf={runOf} />
        <SyncBar />
        {/* The columns share the width and wrap to rows: nothing scrolls sideways. */}
        <section className="compare-columns" aria-label="Variants">
          {variants.map((variant) => (
            <VariantColumn
              key={variant.id}
              variant={variant}
              draft={draft}
              entry={runOf(variant.id)}
              baseline={baselineRun}
              count={variants.length}
            />
          ))}
        </section>
      </div>
    </div>
  );
}
