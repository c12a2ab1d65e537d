import { DeleteStored, MetadataEditor, StoredDetail, StoredFilters, StoredTable } from '@completions-kit/components';
import type { StoredListQuery } from '@completions-kit/core';
import {
  useChatCompletionsClient,
  useDeleteStoredCompletion,
  useStoredCompletion,
  useStoredCompletionMessages,
  useStoredCompletions,
  useUpdateStoredCompletion,
} from '@completions-kit/hooks';
import { useQueries } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useDraft } from '../state/draft.ts';
import { storedToDraft } from './stored-to-draft.ts';

/** First user words of the rows in view: one small /messages request per visible row, cached. */
function usePreviews(ids: readonly string[]) {
  const client = useChatCompletionsClient();
  const results = useQueries({
    queries: ids.map((id) => ({
      queryKey: ['playground', 'preview', id],
      queryFn: async ({ signal }: { signal: AbortSignal }) => {
        const page = await client.chat.completions.messages.list(id, { limit: 5 }, { signal });
        const user = page.data.find((entry) => (entry.role as string) === 'user') ?? page.data[0];
        return typeof user?.content === 'string' ? user.content.slice(0, 80) : '';
      },
      staleTime: Number.POSITIVE_INFINITY,
    })),
  });
  return useMemo(() => new Map(ids.map((id, index) => [id, results[index]?.data])), [ids, results]);
}

function Detail({
  id,
  onOpenInPlayground,
  onDeleted,
  onLoaded,
}: {
  id: string;
  onOpenInPlayground: () => void;
  onDeleted: () => void;
  /** Called once the completion has loaded and is drawn. */
  onLoaded: () => void;
}) {
  const completion = useStoredCompletion(id);
  const messages = useStoredCompletionMessages(id);
  const update = useUpdateStoredCompletion();
  const remove = useDeleteStoredCompletion();
  const replace = useDraft((state) => state.replace);
  const loaded = Boolean(completion.data);
  useEffect(() => {
    if (loaded) onLoaded();
  }, [loaded, onLoaded]);
  if (!completion.data)
    return <p role="status">{completion.error ? `Could not load ${id}: ${completion.error.message}` : 'Loading…'}</p>;
  const stored = completion.data as typeof completion.data & { metadata?: Record<string, string> | null };
  return (
    <StoredDetail completion={stored} messages={messages.items} loadingMessages={messages.isPending}>
      <button
        type="button"
        disabled={messages.isPending}
        onClick={() => {
          replace(storedToDraft(stored, messages.items));
          onOpenInPlayground();
        }}
      >
        Open in playground
      </button>
      <MetadataEditor
        key={`${id}-${JSON.stringify(stored.metadata)}`}
        metadata={stored.metadata}
        saving={update.isPending}
        onSave={(metadata) => update.mutateAsync({ id, metadata }).then(() => undefined)}
      />
      <DeleteStored
        label="this stored completion"
        deleting={remove.isPending}
        onDelete={() => remove.mutateAsync({ id }).then(onDeleted)}
      />
    </StoredDetail>
  );
}

/**
 * In one column (phones) the detail is drawn below the whole list: opening a row brings it into
 * view, and focus with it, so a tap shows what it opened.
 */
function useDetailInView(selected: string | undefined) {
  const detail = useRef<HTMLDivElement>(null);
  const bring = useCallback(() => {
    const element = detail.current;
    if (!element) return;
    const box = element.getBoundingClientRect();
    const list = element.previousElementSibling?.getBoundingClientRect();
    // Two columns (the detail beside the list) or already near the top of the window: leave it.
    if (!list || box.top < list.bottom - 1 || (box.top >= 0 && box.top < innerHeight / 3)) return;
    element.scrollIntoView({ block: 'start' });
    element.focus({ preventScroll: true });
  }, []);
  // Again once the detail has loaded: rows above it may have changed height meanwhile.
  useEffect(() => {
    if (selected) bring();
  }, [selected, bring]);
  return { detail, bring };
}

/** The stored-completions browser: filter, page, open, edit metadata, delete, open in playground. */
export function LogsView({ onOpenInPlayground }: { onOpenInPlayground: () => void }) {
  const [query, setQuery] = useState<StoredListQuery>({});
  const [selected, setSelected] = useState<string | undefined>();
  const [visible, setVisible] = useState<string[]>([]);
  const list = useStoredCompletions(query);
  const previews = usePreviews(visible);
  const models = useMemo(() => [...new Set(list.items.map((item) => item.model))], [list.items]);
  const loadMore = useCallback(() => void list.fetchNextPage(), [list.fetchNextPage]);
  const { detail, bring } = useDetailInView(selected);
  return (
    <div className="logs">
      <section aria-label="Stored completions list" className="logs-list">
        <h2>Stored completions</h2>
        <StoredFilters value={query} onChange={setQuery} models={models} />
        {list.error ? <p role="alert">Could not list stored completions: {list.error.message}</p> : null}
        <StoredTable
          items={list.items}
          hasMore={list.hasNextPage}
          loadingMore={list.isFetching}
          onLoadMore={loadMore}
          onOpen={setSelected}
          selectedId={selected}
          preview={(row) => previews.get(row.id)}
          onVisibleRows={setVisible}
        />
      </section>
      <div className="logs-detail" ref={detail} tabIndex={-1}>
        {selected ? (
          <Detail
            key={selected}
            id={selected}
            onOpenInPlayground={onOpenInPlayground}
            onDeleted={() => setSelected(undefined)}
            onLoaded={bring}
          />
        ) : (
          <p className="hint">Open a row to see its request, response and usage.</p>
        )}
      </div>
    </div>
  );
}
