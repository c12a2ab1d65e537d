import { type ThreadSummary, useChatLabels } from '@completions-kit/components/chat';
import { type Conversation, saveConversation } from '@completions-kit/core';
import { downloadText } from './safe-storage.ts';
import type { Threads, ThreadsState } from './threads.ts';

/**
 * Said once, while saves fail: the conversation goes on in memory. Offers an export of it; deleting
 * old conversations in the list frees room, and the next answer is then saved.
 */
export function StorageNotice({ state, conversation }: { state: ThreadsState; conversation: Conversation }) {
  const labels = useChatLabels();
  if (!state.problem) return null;
  const exportOpen = () =>
    downloadText(
      JSON.stringify(saveConversation(conversation.getState().tree), null, 2),
      `${state.activeId ?? 'conversation'}.json`,
    );
  return (
    <div data-slot="chat-storage-notice" role="status" data-problem={state.problem}>
      <p>{labels.notSaved(state.problem)}</p>
      {state.problem === 'full' ? <p>{labels.freeSpace}</p> : null}
      <button type="button" data-slot="chat-export" onClick={exportOpen}>
        {labels.exportThread}
      </button>
    </div>
  );
}

/** Saved conversations whose data could not be read: set apart, each with Export (as saved) and Delete. */
export function UnreadableThreads({ threads, state }: { threads: Threads; state: ThreadsState }) {
  const labels = useChatLabels();
  const unreadable = state.threads.filter((thread) => state.unreadable.includes(thread.id));
  if (unreadable.length === 0) return null;
  const exportRaw = (thread: ThreadSummary) =>
    void threads.rawText(thread.id).then((text) => downloadText(text ?? '', `${thread.id}.json`));
  return (
    <section data-slot="chat-unreadable" aria-label={labels.unreadableThreads}>
      <h2>{labels.unreadableThreads}</h2>
      <ul>
        {unreadable.map((thread) => {
          const title = thread.title || labels.untitled;
          return (
            <li key={thread.id} data-slot="chat-unreadable-entry">
              <span>{title}</span>
              <button type="button" onClick={() => exportRaw(thread)} aria-label={labels.exportUnreadable(title)}>
                {labels.exportShort}
              </button>
              <button type="button" onClick={() => threads.remove(thread.id)} aria-label={labels.remove(title)}>
                ×
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
