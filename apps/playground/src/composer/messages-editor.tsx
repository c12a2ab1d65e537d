import { type DraftMessage, message as newMessage, type Role, useDraft } from '../state/draft.ts';
import { MessageParts } from './message-parts.tsx';

const roles: Role[] = ['system', 'developer', 'user', 'assistant', 'tool'];

/** The conversation to send: every role, reorder, delete, content parts for user messages. */
export function MessagesEditor() {
  const messages = useDraft((state) => state.draft.messages);
  const set = useDraft((state) => state.set);
  const update = (id: string, change: Partial<DraftMessage>) =>
    set({ messages: messages.map((entry) => (entry.id === id ? { ...entry, ...change } : entry)) });
  const move = (index: number, by: number) => {
    const next = [...messages];
    const [moved] = next.splice(index, 1);
    if (moved) next.splice(index + by, 0, moved);
    set({ messages: next });
  };
  return (
    <fieldset className="messages">
      <legend>Messages</legend>
      <ol>
        {messages.map((entry, index) => {
          const label = `Message ${index + 1}`;
          return (
            <li key={entry.id} className="draft-message" data-role={entry.role}>
              <select
                aria-label={`${label} role`}
                value={entry.role}
                onChange={(event) => update(entry.id, { role: event.target.value as Role })}
              >
                {roles.map((role) => (
                  <option key={role}>{role}</option>
                ))}
              </select>
              {entry.role === 'tool' ? (
                <input
                  aria-label={`${label} tool call id`}
                  value={entry.toolCallId}
                  placeholder="call id"
                  onChange={(event) => update(entry.id, { toolCallId: event.target.value })}
                />
              ) : null}
              <textarea
                aria-label={`${label} text`}
                rows={3}
                value={entry.text}
                onChange={(event) => update(entry.id, { text: event.target.value })}
              />
              {entry.toolCalls.length > 0 ? (
                <p className="hint">
                  Calls: {entry.toolCalls.map((call) => `${call.name}(${call.arguments})`).join(', ')}
                </p>
              ) : null}
              <div className="message-actions">
                <button
                  type="button"
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                  aria-label={`Move ${label.toLowerCase()} up`}
                >
                  ↑
                </button>
                <button
                  type="button"
                  disabled={index === messages.length - 1}
                  onClick={() => move(index, 1)}
                  aria-label={`Move ${label.toLowerCase()} down`}
                >
                  ↓
                </button>
                <button
                  type="button"
                  onClick={() => set({ messages: messages.filter((other) => other.id !== entry.id) })}
                  aria-label={`Delete ${label.toLowerCase()}`}
                >
                  Delete
                </button>
              </div>
              {entry.role === 'user' ? (
                <details>
                  <summary>Images, audio and files ({entry.parts.length})</summary>
                  <MessageParts message={entry} onChange={(parts) => update(entry.id, { parts })} />
                </details>
              ) : null}
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        onClick={() =>
          set({ messages: [...messages, newMessage(messages.at(-1)?.role === 'user' ? 'assistant' : 'user')] })
        }
      >
        Add message
      </button>
    </fieldset>
  );
}
