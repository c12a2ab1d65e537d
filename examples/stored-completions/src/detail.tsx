import { DeleteStored, MetadataEditor, StoredDetail } from '@completions-kit/components';
import {
  useDeleteStoredCompletion,
  useStoredCompletion,
  useStoredCompletionMessages,
  useUpdateStoredCompletion,
} from '@completions-kit/hooks';

/** One stored completion: its request messages, answer and usage; edit its metadata or delete it. */
export function Detail({ id, onDeleted }: { id: string; onDeleted: () => void }) {
  const completion = useStoredCompletion(id);
  const messages = useStoredCompletionMessages(id);
  const update = useUpdateStoredCompletion();
  const remove = useDeleteStoredCompletion();
  if (!completion.data)
    return <p role="status">{completion.error ? `Could not load ${id}: ${completion.error.message}` : 'Loading…'}</p>;
  const stored = completion.data as typeof completion.data & { metadata?: Record<string, string> | null };
  return (
    <StoredDetail completion={stored} messages={messages.items} loadingMessages={messages.isPending}>
      <MetadataEditor
        key={JSON.stringify(stored.metadata)}
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
