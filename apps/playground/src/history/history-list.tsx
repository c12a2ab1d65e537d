import { formatDollars } from '@completions-kit/components';
import { type KeyboardEvent, useState } from 'react';
import { runLabel, runTime, statusText } from './compare-fields.ts';
import { preview } from './run-list.ts';
import type { HistoryRun } from './run-record.ts';

/** Rows drawn at once; more on request, so thousands of runs never render together. */
const PAGE = 100;

export interface HistoryListProps {
  runs: HistoryRun[];
  openId: string | undefined;
  selected: readonly string[];
  onOpen: (id: string) => void;
  onToggle: (id: string) => void;
}

// Up and down arrows (and Home, End) move between the rows' open buttons, as in a list box.
function moveFocus(event: KeyboardEvent<HTMLElement>) {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(event.key)) return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button[data-run]')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0) return;
  event.preventDefault();
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? buttons.length - 1
        : Math.min(buttons.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)));
  buttons[next]?.focus();
}

function Row({
  run,
  open,
  checked,
  onOpen,
  onToggle,
}: { run: HistoryRun; open: boolean; checked: boolean } & Pick<HistoryListProps, 'onOpen' | 'onToggle'>) {
  const time = runTime(run);
  const tokens = run.usage ? `${run.usage.total_tokens} tokens` : 'no usage';
  return (
    <li className="history-row" data-status={run.status} aria-current={open ? 'true' : undefined}>
      <input
        type="checkbox"
        checked={checked}
        aria-label={`Select the run of ${time} for diff`}
        onChange={() => onToggle(run.id)}
      />
      <button type="button" data-run={run.id} onClick={() => onOpen(run.id)}>
        <span className="history-row-head">
          <time dateTime={new Date(run.at).toISOString()}>{time}</time> ·{' '}
          <span className="history-status">{statusText(run)}</span>
        </span>
        <span className="history-label">{runLabel(run)}</span>
        <span className="history-preview">{preview(run) || '(no output)'}</span>
        <span className="history-figures">
          {tokens} · {run.timings.totalMs.toLocaleString('en-US')} ms ·{' '}
          {run.cost === null ? 'no price' : formatDollars(run.cost)}
        </span>
      </button>
    </li>
  );
}

/** The kept runs, newest first: open one, or tick two to diff them. */
export function HistoryList({ runs, openId, selected, onOpen, onToggle }: HistoryListProps) {
  const [shown, setShown] = useState(PAGE);
  if (runs.length === 0) return <p className="hint">No runs to show.</p>;
  return (
    <>
      <ol className="history-list" aria-label="Runs" onKeyDown={moveFocus}>
        {runs.slice(0, shown).map((run) => (
          <Row
            key={run.id}
            run={run}
            open={run.id === openId}
            checked={selected.includes(run.id)}
            onOpen={onOpen}
            onToggle={onToggle}
          />
        ))}
      </ol>
      {runs.length > shown ? (
        <button type="button" onClick={() => setShown(shown + PAGE)}>
          Show {Math.min(PAGE, runs.length - shown)} more of {runs.length - shown}
        </button>
      ) : null}
    </>
  );
}
