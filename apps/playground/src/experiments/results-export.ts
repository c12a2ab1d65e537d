import type { Table } from './dataset-parse.ts';
import type { Cell, Dataset, Experiment } from './experiment.ts';
import { cellKey } from './experiment.ts';
import { cellPassed } from './summary.ts';

/** An experiment's results as one table: a line per finished cell, the row's values first. */
export function resultsTable(experiment: Experiment, dataset: Dataset, cells: ReadonlyMap<string, Cell>): Table {
  const columns = [
    'row',
    ...dataset.columns,
    'variant',
    'answer',
    'pass',
    'grades',
    'prompt_tokens',
    'completion_tokens',
    'cost_usd',
    'latency_ms',
    'error',
  ];
  const rows: string[][] = [];
  for (const [row, values] of dataset.rows.entries())
    for (const variant of experiment.variants) {
      const cell = cells.get(cellKey(experiment.id, variant.id, row));
      if (!cell) continue;
      rows.push([
        String(row + 1),
        ...values,
        variant.name,
        cell.answer,
        cell.status === 'error' ? 'error' : String(cellPassed(cell)),
        cell.grades.map((grade) => `${grade.pass ? 'pass' : 'fail'}: ${grade.reason}`).join(' | '),
        String(cell.promptTokens ?? ''),
        String(cell.completionTokens ?? ''),
        cell.cost === null ? '' : cell.cost.toFixed(8),
        String(Math.round(cell.latencyMs)),
        cell.error ?? '',
      ]);
    }
  return { columns, rows };
}
