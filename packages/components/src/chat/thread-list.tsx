import { type ComponentPropsWithoutRef, forwardRef, useState } from 'react';
import { type ChatLabels, useChatLabels } from './labels.tsx';

export interface ThreadSummary {
  id: string;
  title: string;
  updatedAt: number;
}

export interface ThreadListProps extends Omit<ComponentPropsWithoutRef<'nav'>, 'onSelect'> {
  /** The saved conversations, in the order shown (newest first, usually). */
  threads: readonly ThreadSummary[];
  /** The thread on screen (marked aria-current="page"); null for a new, unsaved one. */
  activeId: string | null;
  /** Called with the id of the thread the reader opened. */
  onSelect: (id: string) => void;
  /** Called by the "New conversation" button. */
  onNew: () => void;
  /** Called with the new title when a rename is saved (Enter); Escape calls nothing. */
  onRename: (id: string, title: string) => void;
  /** Called with the id of the thread to delete. */
  onDelete: (id: string) => void;
  /** Replaces some of the chat's strings (names, announcements) for this part; see ChatLabelsProvider for all parts. */
  labels?: Partial<ChatLabels>;
}

/** The saved conversations: new, switch, rename (in place, Enter saves, Escape leaves) and delete. */
export const ThreadList = forwardRef<HTMLElement, ThreadListProps>(function ThreadList(
  { threads, activeId, onSelect, onNew, onRename, onDelete, labels: own, ...props },
  ref,
) {
  const labels = useChatLabels(own);
  const [renaming, setRenaming] = useState<string | null>(null);
  return (
    <nav data-slot="thread-list" aria-label={labels.threads} {...props} ref={ref}>
      <button type="button" data-slot="thread-new" onClick={onNew}>
        {labels.newThread}
      </button>
      <ul>
        {threads.map((thread) => {
          const title = thread.title || labels.untitled;
          return (
            <li key={thread.id} data-slot="thread-entry" data-selected={thread.id === activeId || undefined}>
              {renaming === thread.id ? (
                <input
                  data-slot="thread-rename-input"
                  aria-label={labels.rename(title)}
                  defaultValue={thread.title}
                  // biome-ignore lint/a11y/noAutofocus: the reader just asked to rename this entry
                  autoFocus
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') {
                      onRename(thread.id, event.currentTarget.value.trim());
                      setRenaming(null);
                    } else if (event.key === 'Escape') setRenaming(null);
                  }}
                  onBlur={(event) => {
                    onRename(thread.id, event.currentTarget.value.trim());
                    setRenaming(null);
                  }}
                />
              ) : (
                <button
                  type="button"
                  data-slot="thread-select"
                  aria-current={thread.id === activeId ? 'page' : undefined}
                  onClick={() => onSelect(thread.id)}
                >
                  {title}
                </button>
              )}
              <button
                type="button"
                data-slot="thread-rename"
                aria-label={labels.rename(title)}
                onClick={() => setRenaming(thread.id)}
              >
                ✎
              </button>
              <button
                type="button"
                data-slot="thread-delete"
                aria-label={labels.remove(title)}
                onClick={() => onDelete(thread.id)}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
});
