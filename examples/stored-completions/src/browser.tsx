import { StoredFilters, StoredTable } from '@completions-kit/components';
import type { StoredListQuery } from '@completions-kit/core';
import { useStoredCompletions } from '@completions-kit/hooks';
import { useState } from 'react';
import { Detail } from './detail.tsx';

/** Stored completions, newest first: filter by model and metadata, page on scroll, open one. */
export function Browser() {
  const [query, setQuery] = useState<StoredListQuery>({});
  const [selected, setSelected] = useState<string>();
  const list = useStoredCompletions(query);
  const models = [...new Set(list.items.map((item) => item.model))];
  return (
    <main className="browser">
      <h1>Stored completions</h1>
      <section aria-label="Stored completions list">
        <StoredFilters value={query} onChange={setQuery} models={models} />
        {list.error ? <p role="alert">Could not list stored completions: {list.error.message}</p> : null}
        {list.isSuccess && list.items.length === 0 ? (
          <p>Nothing stored yet: create a completion with store: true.</p>
        ) : null}
        <StoredTable
          items={list.items}
          hasMore={list.hasNextPage}
          loadingMore={list.isFetching}
          onLoadMore={() => void list.fetchNextPage()}
          onOpen={setSelected}
          selectedId={selected}
        />
      </section>
      {selected ? <Detail key={selected} id={selected} onDeleted={() => setSelected(undefined)} /> : null}
    </main>
  );
}
