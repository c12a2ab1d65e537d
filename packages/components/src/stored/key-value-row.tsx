import type { ReactNode } from 'react';

export interface KeyValueRowProps {
  slot: string;
  /** Accessible names: the key field, the value field, the remove button. */
  labels: { key: string; value: string; remove: string };
  pair: { key: string; value: string };
  onChange: (patch: { key?: string; value?: string }) => void;
  onRemove: () => void;
  /** The id of the message that explains why the pair is invalid, when it is. */
  errorId?: string | undefined;
  /** Shown between the two fields. Default: nothing. */
  separator?: ReactNode;
  children?: ReactNode;
}

/** One key=value pair as two labelled fields and a remove button: the metadata editor's and filters' row. */
export function KeyValueRow({
  slot,
  labels,
  pair,
  onChange,
  onRemove,
  errorId,
  separator,
  children,
}: KeyValueRowProps) {
  const invalid = errorId ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
  return (
    <div data-slot={slot} data-invalid={errorId ? '' : undefined}>
      <input
        aria-label={labels.key}
        value={pair.key}
        {...invalid}
        onChange={(event) => onChange({ key: event.target.value })}
      />
      {separator}
      <input
        aria-label={labels.value}
        value={pair.value}
        {...invalid}
        onChange={(event) => onChange({ value: event.target.value })}
      />
      <button type="button" aria-label={labels.remove} onClick={onRemove}>
        ×
      </button>
      {children}
    </div>
  );
}
