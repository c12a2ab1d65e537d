import type { Cell, Dataset, Experiment } from './experiment.ts';

// Datasets, experiments and their cells in IndexedDB: a cell is written the moment it ends, so a
// reload loses no finished answer and Resume knows exactly which are left.
const DB_NAME = 'ck-playground-experiments';
type StoreName = 'datasets' | 'experiments' | 'cells';

let opening: Promise<IDBDatabase> | undefined;

function database(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore('datasets', { keyPath: 'id' });
      db.createObjectStore('experiments', { keyPath: 'id' });
      db.createObjectStore('cells', { keyPath: 'key' }).createIndex('experiment', 'experiment');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  opening.catch(() => {
    opening = undefined;
  });
  return opening;
}

/** Runs `work` in one transaction; resolves with its request's result once the transaction has committed. */
async function transact<T>(
  name: StoreName,
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => IDBRequest | undefined,
) {
  const db = await database();
  return new Promise<T>((resolve, reject) => {
    const transaction = db.transaction(name, mode);
    const request = work(transaction.objectStore(name));
    transaction.oncomplete = () => resolve(request?.result as T);
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}

export const listDatasets = () => transact<Dataset[]>('datasets', 'readonly', (store) => store.getAll());
export const getDataset = (id: string) =>
  transact<Dataset | undefined>('datasets', 'readonly', (store) => store.get(id));
export const listExperiments = () => transact<Experiment[]>('experiments', 'readonly', (store) => store.getAll());
export const putExperiment = (experiment: Experiment) =>
  transact('experiments', 'readwrite', (store) => store.put(experiment));
export const putCell = (cell: Cell) => transact('cells', 'readwrite', (store) => store.put(cell));
export const listCells = (experiment: string) =>
  transact<Cell[]>('cells', 'readonly', (store) => store.index('experiment').getAll(experiment));

/** Saves a table as the next version of the dataset with that name (v1 when new); versions are never changed. */
export async function saveDataset(name: string, table: Pick<Dataset, 'columns' | 'rows'>): Promise<Dataset> {
  const versions = (await listDatasets()).filter((dataset) => dataset.name === name);
  const version = Math.max(0, ...versions.map((dataset) => dataset.version)) + 1;
  const dataset: Dataset = { id: `${name}@v${version}`, name, version, createdAt: Date.now(), ...table };
  await transact('datasets', 'readwrite', (store) => store.put(dataset));
  return dataset;
}
