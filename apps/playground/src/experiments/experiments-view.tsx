import './experiments.css';
import { useCallback, useMemo, useRef, useState } from 'react';
import { draftFromRequest } from '../request/draft-from-request.ts';
import { useDraft } from '../state/draft.ts';
import { type Cell, cellKey, rowValues } from './experiment.ts';
import { resultsTable } from './results-export.ts';
import { ResultsGrid } from './results-grid.tsx';
import { RunBar, SummaryTable } from './run-bar.tsx';
import { SetupPanel } from './setup-panel.tsx';
import { filterRows, type RowFilter, summarize } from './summary.ts';
import { download, toCsv, toJsonl } from './table-export.ts';
import { useExperiment } from './use-experiment.ts';

/** Datasets × variants × graders: run a prompt over many inputs and compare pass rates. */
export function ExperimentsView({ onOpenInPlayground }: { onOpenInPlayground: () => void }) {
  const handle = useExperiment();
  const { experiment, dataset, cells, progress } = handle;
  const replace = useDraft((state) => state.replace);
  const [filter, setFilter] = useState<RowFilter>('all');
  const summaries = useMemo(
    () => (experiment ? summarize(experiment.variants, cells.values()) : []),
    [experiment, cells],
  );
  const rows = useMemo(
    () =>
      experiment && dataset
        ? filterRows(
            dataset.rows.length,
            experiment.variants,
            cells,
            (variant, row) => cellKey(experiment.id, variant, row),
            filter,
          )
        : [],
    [experiment, dataset, cells, filter],
  );
  const openCell = (cell: Cell) => {
    const values = dataset ? [...rowValues(dataset, cell.row)].map(([name, value]) => ({ name, value })) : [];
    // The experiment's own bookkeeping stays behind: a run from the playground is not one of its cells.
    const {
      store: _store,
      metadata,
      ...request
    } = cell.request as typeof cell.request & { metadata?: Record<string, string> };
    const { experiment: _experiment, variant: _variant, row: _row, ...kept } = metadata ?? {};
    replace(draftFromRequest(Object.keys(kept).length > 0 ? { ...request, metadata: kept } : request, values));
    onOpenInPlayground();
  };
  // Stable for the memoized grid cells: a new function each render would re-render every answer in view.
  const latestOpen = useRef(openCell);
  latestOpen.current = openCell;
  const open = useCallback((cell: Cell) => latestOpen.current(cell), []);
  const { start } = handle;
  const run = useCallback((created: Parameters<typeof start>[0]) => void start(created), [start]);
  const exportResults = (format: 'csv' | 'jsonl') => {
    if (!experiment || !dataset) return;
    const table = resultsTable(experiment, dataset, cells);
    const text = format === 'csv' ? toCsv(table) : toJsonl(table);
    download(
      `${experiment.name}-${experiment.id}.${format}`,
      text,
      format === 'csv' ? 'text/csv' : 'application/jsonl',
    );
  };

  return (
    <div className="experiments-view">
      <SetupPanel onRun={run} busy={progress.status === 'running' || progress.status === 'pausing'} />
      <section
        className="experiment-section experiment-results"
        aria-labelledby="results-heading"
        data-experiment={experiment?.id}
      >
        <h2 id="results-heading">Results</h2>
        <label>
          Open experiment
          <select
            value={experiment?.id ?? ''}
            onChange={(event) => {
              const chosen = handle.experiments.find((entry) => entry.id === event.target.value);
              if (chosen) void handle.open(chosen);
            }}
          >
            {handle.experiments.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.name} ({new Date(entry.createdAt).toLocaleString()})
              </option>
            ))}
          </select>
        </label>
        {experiment && dataset ? (
          <>
            <p className="experiment-note">
              {experiment.promptLabel} × {dataset.name} v{dataset.version} ({dataset.rows.length} rows) ×{' '}
              {experiment.variants.length} variants
            </p>
            <RunBar progress={progress} onPause={handle.pause} onResume={handle.resume} onCancel={handle.cancel} />
            <SummaryTable experiment={experiment} summaries={summaries} />
            <div className="experiment-tools">
              <label>
                Show
                <select value={filter} onChange={(event) => setFilter(event.target.value as RowFilter)}>
                  <option value="all">All rows</option>
                  <option value="failures">Rows with a failure</option>
                  <option value="disagreements">Rows where variants disagree</option>
                </select>
              </label>
              <span aria-live="polite">{rows.length} rows shown</span>
              <button type="button" onClick={() => exportResults('csv')}>
                Export results CSV
              </button>
              <button type="button" onClick={() => exportResults('jsonl')}>
                Export results JSONL
              </button>
            </div>
            <ResultsGrid experiment={experiment} dataset={dataset} cells={cells} rows={rows} onOpen={open} />
          </>
        ) : (
          <p className="experiment-note">No experiment yet: choose a dataset, set the variants and graders, and run.</p>
        )}
      </section>
    </div>
  );
}
