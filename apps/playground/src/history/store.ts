import { overCap, readRuns } from './run-list.ts';
import { type HistoryRun, makeRecord, type RecordInput } from './run-record.ts';

// One IndexedDB object store: runs keyed by id. IndexedDB rather than localStorage because a
// prompt with images or audio would use up localStorage's few megabytes in a handful of runs.
const DB_NAME = 'ck-playground-history';
const STORE = 'runs';

let opening: Promise<IDBDatabase> | undefined;

function database(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  opening.catch(() => {
    opening = undefined;
  });
  return opening;
}

/** Runs `work` in one transaction and resolves when it has committed. */
async function transact<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T> | undefined) {
  const db = await database();
  return new Promise<T | undefined>((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = work(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(request?.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

let cache: HistoryRun[] = [];
let loaded = false;
const listeners = new Set<() => void>();

function publish(runs: HistoryRun[]) {
  cache = runs;
  loaded = true;
  for (const listener of listeners) listener();
}

/** Every readable kept run, newest first (damaged entries are skipped). */
export async function listRuns(): Promise<HistoryRun[]> {
  const values = await transact<unknown[]>('readonly', (store) => store.getAll());
  const runs = readRuns(values ?? []);
  publish(runs);
  return runs;
}

/**
 * Keeps a finished, stopped or failed run; drops the oldest past the cap. Never throws: a history
 * that cannot be written (private mode, full disk) must not break the run itself.
 */
export async function recordRun(input: RecordInput): Promise<HistoryRun | undefined> {
  try {
    const run = makeRecord(input);
    await transact('readwrite', (store) => store.put(run));
    const runs = await listRuns();
    const drop = overCap(runs);
    if (drop.length === 0) return run;
    await transact('readwrite', (store) => {
      for (const id of drop) store.delete(id);
      return undefined;
    });
    await listRuns();
    return run;
  } catch (error) {
    console.warn('The run could not be kept in the history:', error);
    return undefined;
  }
}

export async function deleteRun(id: string) {
  await transact('readwrite', (store) => store.delete(id));
  await listRuns();
}

export async function clearRuns() {
  await transact('readwrite', (store) => store.clear());
  await listRuns();
}

/** For useSyncExternalStore: the runs as last read, and whether they have been read yet. */
export const historyStore = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
  runs: () => cache,
  loaded: () => loaded,
};
