/**
 * Append-only lists whose snapshots share one backing array: the logprob tokens of a stream.
 *
 * A snapshot handed out must never change, yet a UI reads one per frame while tokens keep coming.
 * Copying the grown array at every read makes a long stream quadratic (20,000 tokens read every 8
 * chunks: 2,500 copies of up to 20,000 entries). Here every snapshot gets a read-only view of a fixed
 * length over a backing array that only ever grows at its end, so a token costs one push and a read
 * costs nothing: what a view shows (its first `length` entries) is never written again.
 *
 * A view is a real array to its readers (`Array.isArray`, indexing, `length`, iteration, every array
 * method, `JSON.stringify`, `slice()` for a plain copy); writes through it throw a TypeError in strict
 * code. It is not structured-cloneable (a Proxy): `finalizeSnapshot` returns plain arrays, and
 * `plainArray` gives one for `postMessage` or IndexedDB.
 */
import type { AccumulatorDraft } from './accumulate-chunk.ts';

/** The trap set of one view: its backing array and the length it shows. */
class View<T> implements ProxyHandler<T[]> {
  constructor(
    readonly items: T[],
    public length: number,
  ) {}

  get(target: T[], key: string | symbol, receiver: unknown): unknown {
    if (key === 'length') return this.length;
    const index = indexOf(key);
    if (index !== -1) return index < this.length ? target[index] : undefined;
    return Reflect.get(target, key, receiver);
  }

  has(target: T[], key: string | symbol): boolean {
    const index = indexOf(key);
    if (index !== -1) return index < this.length;
    return Reflect.has(target, key);
  }

  ownKeys(): (string | symbol)[] {
    const keys: string[] = [];
    for (let index = 0; index < this.length; index++) keys.push(String(index));
    keys.push('length');
    return keys;
  }

  getOwnPropertyDescriptor(target: T[], key: string | symbol): PropertyDescriptor | undefined {
    // `length` is non-configurable on the target, so it must be reported writable to satisfy the
    // proxy invariants; the `set` trap refuses every write anyway.
    if (key === 'length') return { value: this.length, writable: true, enumerable: false, configurable: false };
    const index = indexOf(key);
    if (index === -1) return Reflect.getOwnPropertyDescriptor(target, key);
    if (index >= this.length) return undefined;
    return { value: target[index], writable: false, enumerable: true, configurable: true };
  }

  set(): boolean {
    return false;
  }
  defineProperty(): boolean {
    return false;
  }
  deleteProperty(): boolean {
    return false;
  }
  setPrototypeOf(): boolean {
    return false;
  }
  // Freezing the view would freeze the shared backing array that later snapshots still grow.
  preventExtensions(): boolean {
    return false;
  }
}

/** The array index a property key names, or -1. Array methods always ask with canonical keys. */
function indexOf(key: string | symbol): number {
  if (typeof key !== 'string') return -1;
  const first = key.charCodeAt(0);
  if (first < 48 || first > 57) return -1;
  const index = Number(key);
  return Number.isInteger(index) && String(index) === key ? index : -1;
}

const views = new WeakMap<object, View<unknown>>();

function viewOf<T>(items: T[], draft: AccumulatorDraft | undefined): T[] {
  const view = new View(items, items.length);
  const proxy = new Proxy(items, view);
  views.set(proxy, view as View<unknown>);
  draft?.owned.add(proxy);
  return proxy;
}

/**
 * `list` followed by `added`, without changing `list` or `added`. O(length of `added`): the result
 * shares `list`'s backing array unless another append already went past `list`'s end (a second fold
 * from the same snapshot), which costs one copy. A view the draft made and nobody saw grows in place.
 */
export function appendShared<T>(list: T[] | null, added: readonly T[], draft: AccumulatorDraft | undefined): T[] {
  if (list === null) return viewOf(added.slice(), draft);
  const view = views.get(list) as View<T> | undefined;
  const atEnd = view !== undefined && view.length === view.items.length;
  if (atEnd && draft?.owned.has(list)) {
    for (const item of added) view.items.push(item);
    view.length = view.items.length;
    return list;
  }
  const items = view === undefined ? Array.from(list) : atEnd ? view.items : view.items.slice(0, view.length);
  for (const item of added) items.push(item);
  return viewOf(items, draft);
}

/** A plain array with the entries of `list` (a shared view or an array), for cloning or storing. */
export function plainArray<T>(list: readonly T[]): T[] {
  const view = views.get(list) as View<T> | undefined;
  return view ? view.items.slice(0, view.length) : list.slice();
}
