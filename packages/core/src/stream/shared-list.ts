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
 * `view.slice()` gives one for `postMessage` or IndexedDB.
 */
import type { AccumulatorDraft } from './accumulate-chunk.ts';

interface View {
  items: unknown[];
  length: number;
}

const views = new WeakMap<object, View>();
const refuse = () => false;

function viewOf<T>(items: T[], draft: AccumulatorDraft | undefined): T[] {
  const view: View = { items, length: items.length };
  // Keys past the view's end read as absent. A key that is no index (`map`, `constructor`, '1e3')
  // converts to NaN or names no entry of the backing array either way, so `+key` is test enough.
  const beyond = (key: string | symbol) => typeof key === 'string' && +key >= view.length;
  const proxy = new Proxy(items, {
    get: (target, key) => (key === 'length' ? view.length : beyond(key) ? undefined : Reflect.get(target, key)),
    has: (target, key) => !beyond(key) && Reflect.has(target, key),
    ownKeys: () => Object.keys(items.slice(0, view.length)).concat('length'),
    // `length` is non-configurable on the target, so the invariants make it writable here; the traps
    // below refuse every write anyway.
    getOwnPropertyDescriptor: (target, key) =>
      key === 'length'
        ? { value: view.length, writable: true, enumerable: false, configurable: false }
        : beyond(key)
          ? undefined
          : Reflect.getOwnPropertyDescriptor(target, key),
    set: refuse,
    defineProperty: refuse,
    deleteProperty: refuse,
    setPrototypeOf: refuse,
    // Freezing the view would freeze the backing array that later snapshots still grow.
    preventExtensions: refuse,
  });
  views.set(proxy, view);
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
  const view = views.get(list);
  const atEnd = view !== undefined && view.length === view.items.length;
  if (atEnd && draft?.owned.has(list)) {
    for (const item of added) view.items.push(item);
    view.length = view.items.length;
    return list;
  }
  const items = view === undefined ? Array.from(list) : atEnd ? view.items : view.items.slice(0, view.length);
  for (const item of added) items.push(item);
  return viewOf(items as T[], draft);
}
