/**
 * Where threads are kept. Values are JSON text: the turn tree, titles and per-answer usage; never a
 * client, a key or a header. Methods may return promises.
 */
export interface ThreadStorage {
  get(key: string): string | null | Promise<string | null>;
  set(key: string, value: string): void | Promise<void>;
  delete(key: string): void | Promise<void>;
}

/** The default: window.localStorage (about 5 MB per origin; images attached as data URLs count). */
export function localStorageThreads(): ThreadStorage {
  return {
    get: (key) => localStorage.getItem(key),
    set: (key, value) => localStorage.setItem(key, value),
    delete: (key) => localStorage.removeItem(key),
  };
}

const request = <T>(
  run: (store: IDBObjectStore) => IDBRequest<T>,
  open: () => Promise<IDBDatabase>,
  mode: IDBTransactionMode,
) =>
  open().then(
    (database) =>
      new Promise<T>((resolve, reject) => {
        const call = run(database.transaction('threads', mode).objectStore('threads'));
        call.onsuccess = () => resolve(call.result);
        call.onerror = () => reject(call.error);
      }),
  );

/**
 * The last write still in flight per database, across every storage made in this page. A chat mounted
 * again right after an answer (a route change) opens its own connection, and its first read could
 * otherwise run before the write the one before it had started: it reads after that write instead,
 * and writes land in the order they were made.
 */
const writing = new Map<string, Promise<unknown>>();

function inOrder<T>(databaseName: string, run: () => Promise<T>, write: boolean): Promise<T> {
  const before = writing.get(databaseName) ?? Promise.resolve();
  const result = before.then(run, run);
  if (write)
    writing.set(
      databaseName,
      result.catch(() => undefined),
    );
  return result;
}

/** IndexedDB, for threads too large for localStorage (many attachments). */
export function indexedDbThreads(databaseName = 'completions-kit-chat'): ThreadStorage {
  let opened: Promise<IDBDatabase> | null = null;
  const open = () => {
    opened ??= new Promise((resolve, reject) => {
      const opening = indexedDB.open(databaseName, 1);
      opening.onupgradeneeded = () => opening.result.createObjectStore('threads');
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => reject(opening.error);
    });
    return opened;
  };
  return {
    get: (key) =>
      inOrder(databaseName, () => request((store) => store.get(key), open, 'readonly'), false).then(
        (value) => (value as string | undefined) ?? null,
      ),
    set: (key, value) =>
      inOrder(databaseName, () => request((store) => store.put(value, key), open, 'readwrite'), true).then(
        () => undefined,
      ),
    delete: (key) =>
      inOrder(databaseName, () => request((store) => store.delete(key), open, 'readwrite'), true).then(() => undefined),
  };
}
