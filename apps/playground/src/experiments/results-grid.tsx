import { formatDollars, Markdown } from '@completions-kit/components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef, useState } from 'react';
import { InlineDiff } from '../diff/inline-diff.tsx';
import type { Cell, Dataset, Experiment } from './experiment.ts';
import { cellKey } from './experiment.ts';
import { cellPassed } from './summary.ts';

interface ResultsGridProps {
  experiment: Experiment;
  dataset: Dataset;
  cells: ReadonlyMap<string, Cell>;
  rows: number[];
  onOpen: (cell: Cell) => void;
}

/**
 * The answer through the kit's Markdown, parsed only once opened: a closed <details> still renders its
 * children, and markdown for every cell scrolled into view cost whole frames (pnpm bench:experiments).
 */
function FormattedAnswer({ text }: { text: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Formatted answer</summary>
      {open && <Markdown text={text} />}
    </details>
  );
}

const ResultCell = memo(function ResultCell({
  cell,
  label,
  onOpen,
}: {
  cell: Cell | undefined;
  label: string;
  onOpen: (cell: Cell) => void;
}) {
  if (!cell)
    return (
      <td className="experiment-cell" data-status="pending" aria-label={label}>
        Not run yet
      </td>
    );
  const verdict = cell.status === 'error' ? 'error' : cellPassed(cell) ? 'pass' : 'fail';
  return (
    <td className="experiment-cell" data-status={verdict} aria-label={label}>
      <strong className="experiment-verdict">
        {verdict === 'pass' ? 'Pass' : verdict === 'fail' ? 'Fail' : 'Error'}
      </strong>
      {cell.error ? (
        <p className="experiment-problem">{cell.error}</p>
      ) : (
        <>
          <p className="experiment-answer">{cell.answer.slice(0, 400)}</p>
          <FormattedAnswer text={cell.answer} />
        </>
      )}
      <ul className="experiment-grades">
        {cell.grades.map((grade) => (
          <li key={grade.grader} data-pass={grade.pass}>
            {grade.pass ? '✓' : '✗'} {grade.reason}
          </li>
        ))}
      </ul>
      <p className="experiment-figures">
        {cell.promptTokens ?? '–'} + {cell.completionTokens ?? '–'} tokens ·{' '}
        {cell.cost === null ? 'no price' : formatDollars(cell.cost)} · {Math.round(cell.latencyMs)} ms
      </p>
      <button type="button" onClick={() => onOpen(cell)}>
        Open in playground
      </button>
    </td>
  );
});

/** A word diff of the first two variants' answers on a row, opened on demand (diffing every row is wasted work). */
function RowDiff({
  experiment,
  cells,
  row,
}: {
  experiment: Experiment;
  cells: ReadonlyMap<string, Cell>;
  row: number;
}) {
  const { variants } = experiment;
  // Any two variants: the first two until the reader picks others (with three or more).
  const [pair, setPair] = useState<[number, number]>([0, 1]);
  const first = variants[pair[0]] ?? variants[0];
  const second = variants[pair[1]] ?? variants[1];
  const before = first && cells.get(cellKey(experiment.id, first.id, row));
  const after = second && cells.get(cellKey(experiment.id, second.id, row));
  if (!first || !second || !before || !after) return null;
  const pick = (side: 0 | 1, label: string) => (
    <label>
      <span data-slot="visually-hidden">Row {row + 1}, </span>
      {label}
      <select
        value={pair[side]}
        onChange={(event) =>
          setPair(side === 0 ? [Number(event.target.value), pair[1]] : [pair[0], Number(event.target.value)])
        }
      >
        {variants.map((variant, index) => (
          <option key={variant.id} value={index}>
            {variant.name}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <details>
      <summary>
        Word diff: {first.name} → {second.name}
      </summary>
      {variants.length > 2 ? (
        <div className="experiment-diff-pick">
          {pick(0, 'Diff from')}
          {pick(1, 'to')}
        </div>
      ) : null}
      <InlineDiff before={before.answer} after={after.answer} beforeLabel={first.name} afterLabel={second.name} />
    </details>
  );
}

/** Rows × variants, only the rows in view are in the page (a 10,000-row dataset scrolls smoothly). */
export const ResultsGrid = memo(function ResultsGrid({ experiment, dataset, cells, rows, onOpen }: ResultsGridProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 180,
    overscan: 4,
  });
  const columns = `minmax(10rem, 1fr) repeat(${experiment.variants.length}, minmax(14rem, 2fr))`;
  return (
    <div ref={scroller} className="experiment-grid" data-testid="results-grid">
      <table aria-label="Results" aria-rowcount={rows.length + 1}>
        <thead>
          <tr className="experiment-grid-row experiment-grid-head" style={{ gridTemplateColumns: columns }}>
            <th scope="col">Row</th>
            {experiment.variants.map((variant) => (
              <th scope="col" key={variant.id}>
                {variant.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index] as number;
            return (
              <tr
                key={row}
                aria-rowindex={item.index + 2}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="experiment-grid-row"
                style={{
                  gridTemplateColumns: columns,
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  transform: `translateY(${item.start}px)`,
                }}
              >
                <th scope="row" className="experiment-row-values">
                  <strong>Row {row + 1}</strong>
                  {dataset.columns.map((name, index) => (
                    <span key={name}>
                      {name}: {(dataset.rows[row]?.[index] ?? '').slice(0, 200)}
                    </span>
                  ))}
                  <RowDiff experiment={experiment} cells={cells} row={row} />
                </th>
                {experiment.variants.map((variant) => (
                  <ResultCell
                    key={variant.id}
                    cell={cells.get(cellKey(experiment.id, variant.id, row))}
                    label={`Row ${row + 1}, ${variant.name}`}
                    onOpen={onOpen}
                  />
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
});
