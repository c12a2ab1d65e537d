import type { Metadata, StoredListQuery } from '@completions-kit/core';
import { type ComponentPropsWithoutRef, type FormEvent, forwardRef, useId, useState } from 'react';
import { KeyValueRow } from './key-value-row.tsx';

export interface StoredFiltersProps extends Omit<ComponentPropsWithoutRef<'form'>, 'onChange'> {
  /** The query in force; the form edits a draft of it. */
  value: StoredListQuery;
  /** Called with the new query on Apply (model and metadata) and at once on the order toggle. */
  onChange: (query: StoredListQuery) => void;
  /** Models to suggest in the model field. */
  models?: readonly string[];
}

type Pair = { key: string; value: string; id: number };
let pairIds = 0;
const toPairs = (metadata: Metadata | undefined): Pair[] =>
  Object.entries(metadata ?? {}).map(([key, value]) => ({ key, value, id: pairIds++ }));

/** Filter controls for the stored-completions list: model, metadata key=value pairs, order. */
export const StoredFilters = forwardRef<HTMLFormElement, StoredFiltersProps>(function StoredFilters(
  { value, onChange, models = [], ...props },
  ref,
) {
  const [model, setModel] = useState(value.model ?? '');
  const [pairs, setPairs] = useState<Pair[]>(() => toPairs(value.metadata));
  const baseId = useId();
  const order = value.order ?? 'desc';
  const query = (): StoredListQuery => {
    const metadata: Metadata = {};
    for (const pair of pairs) if (pair.key.trim()) metadata[pair.key.trim()] = pair.value;
    return {
      ...value,
      model: model.trim() || undefined,
      metadata: Object.keys(metadata).length > 0 ? metadata : undefined,
    };
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(query());
  };
  const update = (id: number, change: Partial<Pair>) =>
    setPairs((now) => now.map((pair) => (pair.id === id ? { ...pair, ...change } : pair)));
  return (
    <form data-slot="stored-filters" aria-label="Filter stored completions" onSubmit={submit} {...props} ref={ref}>
      <label htmlFor={`${baseId}-model`}>Model</label>
      <input
        id={`${baseId}-model`}
        value={model}
        list={models.length > 0 ? `${baseId}-models` : undefined}
        onChange={(event) => setModel(event.target.value)}
        placeholder="any model"
      />
      {models.length > 0 ? (
        <datalist id={`${baseId}-models`}>
          {models.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      ) : null}
      <fieldset data-slot="metadata-filters">
        <legend>Metadata (all pairs must match)</legend>
        {pairs.map((pair, position) => (
          <KeyValueRow
            key={pair.id}
            slot="metadata-filter"
            labels={{
              key: `Filter ${position + 1} key`,
              value: `Filter ${position + 1} value`,
              remove: `Remove filter ${position + 1}`,
            }}
            pair={pair}
            onChange={(patch) => update(pair.id, patch)}
            onRemove={() => setPairs((now) => now.filter((other) => other.id !== pair.id))}
            separator={<span aria-hidden="true">=</span>}
          />
        ))}
        <button
          type="button"
          onClick={() => setPairs((now) => [...now, { key: '', value: '', id: pairIds++ }])}
          disabled={pairs.length >= 16}
        >
          Add metadata filter
        </button>
      </fieldset>
      <button type="submit">Apply filters</button>
      <button
        type="button"
        data-slot="order-toggle"
        data-order={order}
        onClick={() => onChange({ ...query(), order: order === 'desc' ? 'asc' : 'desc' })}
      >
        Order: {order === 'desc' ? 'newest first' : 'oldest first'}
      </button>
    </form>
  );
});
