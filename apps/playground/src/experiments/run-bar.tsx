import { formatDollars } from '@completions-kit/components';
import type { Experiment } from './experiment.ts';
import type { RunProgress } from './experiment-runner.ts';
import type { VariantSummary } from './summary.ts';

const seconds = (ms: number) => (ms < 60_000 ? `${Math.ceil(ms / 1000)} s` : `${Math.ceil(ms / 60_000)} min`);
const percent = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 100)}%`);
const millis = (ms: number | null) => (ms === null ? '–' : `${Math.round(ms)} ms`);

interface RunBarProps {
  progress: RunProgress;
  onPause: () => void;
  onResume: () => void;
  onCancel: () => void;
}

/** Progress with time left, and pause, resume and cancel. */
export function RunBar({ progress, onPause, onResume, onCancel }: RunBarProps) {
  const running = progress.status === 'running' || progress.status === 'pausing';
  const left = progress.done < progress.total;
  return (
    <div className="experiment-run-bar" data-status={progress.status}>
      <progress aria-label="Experiment progress" max={progress.total || 1} value={progress.done} />
      <span className="experiment-progress-text" aria-live="polite">
        {progress.done} of {progress.total} done
        {progress.status === 'running' && progress.leftMs !== null ? ` · about ${seconds(progress.leftMs)} left` : ''}
        {progress.status === 'pausing' ? ' · pausing' : ''}
        {progress.status === 'paused' || progress.status === 'cancelled' ? ` · ${progress.status}` : ''}
      </span>
      {running && progress.status === 'running' && (
        <button type="button" onClick={onPause}>
          Pause
        </button>
      )}
      {!running && left && (
        <button type="button" onClick={onResume}>
          Resume
        </button>
      )}
      {running && (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}

/** Per variant: pass rate, mean cost, p50 and p95 latency. */
export function SummaryTable({ experiment, summaries }: { experiment: Experiment; summaries: VariantSummary[] }) {
  return (
    <table className="experiment-summary" aria-label="Pass rates">
      <thead>
        <tr>
          <th scope="col">Variant</th>
          <th scope="col">Done</th>
          <th scope="col">Pass rate</th>
          <th scope="col">Mean cost</th>
          <th scope="col">p50 latency</th>
          <th scope="col">p95 latency</th>
        </tr>
      </thead>
      <tbody>
        {summaries.map((summary, index) => (
          <tr key={summary.variant}>
            <th scope="row">{experiment.variants[index]?.name}</th>
            <td>{summary.done}</td>
            <td>{percent(summary.passRate)}</td>
            <td>{summary.meanCost === null ? '–' : formatDollars(summary.meanCost)}</td>
            <td>{millis(summary.p50Ms)}</td>
            <td>{millis(summary.p95Ms)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
