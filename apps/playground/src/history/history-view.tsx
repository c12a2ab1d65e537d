import { useEffect, useId, useRef, useState } from 'react';
import { defaultDraft, useDraft } from '../state/draft.ts';
import { HistoryDetail } from './history-detail.tsx';
import { HistoryDiff } from './history-diff.tsx';
import { HistoryList } from './history-list.tsx';
import type { HistoryRun } from './run-record.ts';
import { clearRuns } from './store.ts';
import { type HistoryFilter, useHistory } from './use-history.ts';

function ClearAll({ count }: { count: number }) {
  const [asking, setAsking] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  // The question takes focus once asked, on the harmless answer.
  useEffect(() => {
    if (asking) cancel.current?.focus();
  }, [asking]);
  if (!asking)
    return (
      <button type="button" disabled={count === 0} onClick={() => setAsking(true)}>
        Clear history
      </button>
    );
  return (
    <fieldset className="history-confirm">
      <legend>Delete all {count} kept runs?</legend>
      <button type="button" onClick={() => void clearRuns().then(() => setAsking(false))}>
        Delete all
      </button>{' '}
      <button type="button" ref={cancel} onClick={() => setAsking(false)}>
        Cancel
      </button>
    </fieldset>
  );
}

function Filters({ text, model, models, onText, onModel }: HistoryFilter & { models: string[] }) {
  const id = useId();
  return (
    <div className="history-filters">
      <label htmlFor={`${id}-text`}>Filter runs</label>
      <input id={`${id}-text`} type="search" value={text} onChange={(event) => onText(event.target.value)} />
      <label htmlFor={`${id}-model`}>Model</label>
      <select id={`${id}-model`} value={model} onChange={(event) => onModel(event.target.value)}>
        <option value="">Any model</option>
        {models.map((name) => (
          <option key={name}>{name}</option>
        ))}
      </select>
    </div>
  );
}

type History = ReturnType<typeof useHistory>;

function Side({ history }: { history: History }) {
  const { runs, shown, pair } = history;
  return (
    <section aria-labelledby="history-title" className="history-side">
      <h2 id="history-title">History</h2>
      <p>
        {history.loaded ? `${runs.length} ${runs.length === 1 ? 'run' : 'runs'} kept in this browser` : 'Loading…'}
        {shown.length !== runs.length ? `, ${shown.length} shown` : ''}.
      </p>
      {history.error ? <p role="alert">Could not read the history: {history.error}</p> : null}
      <Filters {...history.filter} models={history.models} />
      <div className="history-actions">
        <button type="button" disabled={pair.length !== 2} onClick={() => history.setDiffing(true)}>
          Diff selected runs{pair.length === 2 ? '' : ` (${pair.length} of 2 selected)`}
        </button>
        <ClearAll count={runs.length} />
      </div>
      <HistoryList
        runs={shown}
        openId={history.openId}
        selected={history.selected}
        onOpen={history.open}
        onToggle={history.toggle}
      />
    </section>
  );
}

/** Every run kept in this browser: filter, open, reopen in the playground, diff two, delete. */
export function HistoryView({ onOpenInPlayground }: { onOpenInPlayground: () => void }) {
  const history = useHistory();
  const { pair, opened } = history;
  const reopen = (run: HistoryRun) => {
    // A run kept before a field existed (variables came later) gets that field's default.
    useDraft.getState().replace({ ...defaultDraft(), ...structuredClone(run.draft) });
    onOpenInPlayground();
  };
  return (
    <div className="history">
      <Side history={history} />
      {history.diffing && pair.length === 2 ? (
        <HistoryDiff runs={pair as [HistoryRun, HistoryRun]} onClose={() => history.setDiffing(false)} />
      ) : opened ? (
        <HistoryDetail key={opened.id} run={opened} onOpenInPlayground={reopen} onDelete={history.remove} />
      ) : (
        <p className="hint">
          Every run from the playground is kept here. Open one to read it, or tick two to diff them.
        </p>
      )}
    </div>
  );
}
