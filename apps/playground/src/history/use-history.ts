import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { filterRuns } from './run-list.ts';
import type { HistoryRun } from './run-record.ts';
import { deleteRun, historyStore, listRuns } from './store.ts';

export interface HistoryFilter {
  text: string;
  model: string;
  onText: (text: string) => void;
  onModel: (model: string) => void;
}

/** The History view's state: the kept runs, the filter, the open run and the two picked for a diff. */
export function useHistory() {
  const runs = useSyncExternalStore(historyStore.subscribe, historyStore.runs);
  const loaded = useSyncExternalStore(historyStore.subscribe, historyStore.loaded);
  const [error, setError] = useState<string | undefined>();
  const [text, setText] = useState('');
  const [model, setModel] = useState('');
  const [openId, setOpenId] = useState<string | undefined>();
  const [selected, setSelected] = useState<string[]>([]);
  const [diffing, setDiffing] = useState(false);
  useEffect(() => void listRuns().catch((reason: Error) => setError(reason.message)), []);
  const models = useMemo(() => [...new Set(runs.map((run) => run.model))].sort(), [runs]);
  const shown = useMemo(() => filterRuns(runs, text, model), [runs, text, model]);
  const pair = selected.map((id) => runs.find((run) => run.id === id)).filter((run): run is HistoryRun => !!run);
  return {
    runs,
    loaded,
    error,
    models,
    shown,
    pair,
    selected,
    openId,
    opened: runs.find((run) => run.id === openId),
    diffing,
    setDiffing,
    filter: { text, model, onText: setText, onModel: setModel } satisfies HistoryFilter,
    open(id: string) {
      setOpenId(id);
      setDiffing(false);
    },
    // Ticking a third run lets go of the first: a diff has two sides.
    toggle: (id: string) =>
      setSelected((now) => (now.includes(id) ? now.filter((entry) => entry !== id) : [...now, id].slice(-2))),
    remove(run: HistoryRun) {
      setOpenId(undefined);
      setSelected((now) => now.filter((id) => id !== run.id));
      void deleteRun(run.id).catch((reason: Error) => setError(reason.message));
    },
  };
}
