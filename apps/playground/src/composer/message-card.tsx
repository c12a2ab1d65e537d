import type { DraftMessage, Role } from '../state/draft.ts';
import { MessageParts } from './message-parts.tsx';

const roles: Role[] = ['system', 'developer', 'user', 'assistant', 'tool'];

export interface MessageCardProps {
  message: DraftMessage;
  index: number;
  count: number;
  onChange: (change: Partial<DraftMessage>) => void;
  onMove: (by: number) => void;
  onDelete: () => void;
}

/** One message of the conversation as a card: its role, its text edited in place, and its actions. */
export function MessageCard({ message, index, count, onChange, onMove, onDelete }: MessageCardProps) {
  const label = `Message ${index + 1}`;
  return (
    <li className="message-card" data-role={message.role}>
      <div className="message-card-head">
        <select
          className="role-select"
          aria-label={`${label} role`}
          value={message.role}
          onChange={(event) => onChange({ role: event.target.value as Role })}
        >
          {roles.map((role) => (
            <option key={role}>{role}</option>
          ))}
        </select>
        {message.role === 'tool' ? (
          <input
            aria-label={`${label} tool call id`}
            value={message.toolCallId}
            placeholder="call id"
            onChange={(event) => onChange({ toolCallId: event.target.value })}
          />
        ) : null}
        <div className="message-actions">
          <button
            type="button"
            disabled={index === 0}
            onClick={() => onMove(-1)}
            aria-label={`Move ${label.toLowerCase()} up`}
          >
            ↑
          </button>
          <button
            type="button"
            disabled={index === count - 1}
            onClick={() => onMove(1)}
            aria-label={`Move ${label.toLowerCase()} down`}
          >
            ↓
          </button>
          <button type="button" onClick={onDelete} aria-label={`Delete ${label.toLowerCase()}`}>
            Delete
          </button>
        </div>
      </div>
      <textarea
        aria-label={`${label} text`}
        rows={2}
        value={message.text}
        placeholder={message.role === 'system' || message.role === 'developer' ? 'Instructions…' : 'Text…'}
        onChange={(event) => onChange({ text: event.target.value })}
      />
      {message.toolCalls.length > 0 ? (
        <p className="hint">Calls: {message.toolCalls.map((call) => `${call.name}(${call.arguments})`).join(', ')}</p>
      ) : null}
      {message.role === 'user' ? (
        <details className="parts-panel">
          <summary>Images, audio and files ({message.parts.length})</summary>
          <MessageParts message={message} onChange={(parts) => onChange({ parts })} />
        </details>
      ) : null}
    </li>
  );
}
