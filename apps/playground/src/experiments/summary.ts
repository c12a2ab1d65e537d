import type { Cell, ExperimentVariant } from './experiment.ts';

export interface VariantSummary {
  variant: string;
  done: number;
  /** Share of finished cells that passed every grader; null before any. */
  passRate: number | null;
  meanCost: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
}

/** The value at quantile `q` (0..1) of sorted numbers, nearest rank. */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

export const cellPassed = (cell: Cell) => cell.status === 'done' && cell.grades.every((grade) => grade.pass);

export function summarize(variants: readonly ExperimentVariant[], cells: Iterable<Cell>): VariantSummary[] {
  const byVariant = new Map<string, Cell[]>(variants.map((variant) => [variant.id, []]));
  for (const cell of cells) byVariant.get(cell.variant)?.push(cell);
  return variants.map((variant) => {
    const list = byVariant.get(variant.id) ?? [];
    const costs = list.map((cell) => cell.cost).filter((cost): cost is number => cost !== null);
    const latencies = list
      .filter((cell) => cell.status === 'done')
      .map((cell) => cell.latencyMs)
      .sort((a, b) => a - b);
    return {
      variant: variant.id,
      done: list.length,
      passRate: list.length ? list.filter(cellPassed).length / list.length : null,
      meanCost: costs.length ? costs.reduce((sum, cost) => sum + cost, 0) / costs.length : null,
      p50Ms: quantile(latencies, 0.5),
      p95Ms: quantile(latencies, 0.95),
    };
  });
}

export type RowFilter = 'all' | 'failures' | 'disagreements';

/** Rows to show: all, those with a failing cell, or those where the variants' pass or fail differ. */
export function filterRows(
  rowCount: number,
  variants: readonly ExperimentVariant[],
  cells: ReadonlyMap<string, Cell>,
  keyOf: (variant: string, row: number) => string,
  filter: RowFilter,
): number[] {
  const rows = Array.from({ length: rowCount }, (_, row) => row);
  if (filter === 'all') return rows;
  return rows.filter((row) => {
    const outcomes = variants
      .map((variant) => cells.get(keyOf(variant.id, row)))
      .filter((cell): cell is Cell => cell !== undefined)
      .map(cellPassed);
    if (filter === 'failures') return outcomes.includes(false);
    return outcomes.includes(true) && outcomes.includes(false);
  });
}
