import { useState } from 'react';
import { DeleteStored, MetadataEditor, StoredDetail, StoredTable } from '../../../packages/components/src/index.ts';
import {
  useDeleteStoredCompletion,
  useStoredCompletion,
  useStoredCompletionMessages,
  useStoredCompletions,
  useUpdateStoredCompletion,
} from '../../../packages/hooks/src/index.ts';
import { ReplayProviders } from './hook-demos.tsx';

function Detail({ id, onDeleted }: { id: string; onDeleted: () => void }) {
  const completion = useStoredCompletion(id);
  const messages = useStoredCompletionMessages(id);
  const update = useUpdateStoredCompletion();
  const remove = useDeleteStoredCompletion();
  if (!completion.data) return <p role="status">{completion.isError ? 'Not found.' : 'Loading…'}</p>;
  return (
    <StoredDetail completion={completion.data} messages={messages.items} loadingMessages={messages.isPending}>
      <MetadataEditor
        metadata={completion.data.metadata}
        saving={update.isPending}
        error={update.error?.message ?? null}
        onSave={(metadata) => update.mutateAsync({ id, metadata }).then(() => undefined)}
      />
      <DeleteStored
        label={id}
        deleting={remove.isPending}
        onDelete={() => remove.mutateAsync({ id }).then(onDeleted)}
      />
    </StoredDetail>
  );
}

function Browser() {
  const list = useStoredCompletions({ limit: 2 });
  const [open, setOpen] = useState<string>();
  return (
    <>
      <StoredTable
        items={list.items}
        hasMore={list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        selectedId={open}
        onOpen={setOpen}
        style={{ ['--ck-table-height' as string]: '14rem' }}
      />
      {open ? <Detail key={open} id={open} onDeleted={() => setOpen(undefined)} /> : <p>Open a row to see it.</p>}
    </>
  );
}

/** The stored-completions hooks on recorded answers of the real API, feeding the stored views. */
export function StoredCompletionsDemo() {
  return (
    <section className="ck-demo sb-unstyled" aria-label="Stored completions demo">
      <ReplayProviders>
        <Browser />
      </ReplayProviders>
    </section>
  );
}
