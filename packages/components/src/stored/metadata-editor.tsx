import { type Metadata, metadataLimits, validateMetadata } from '@completions-kit/core';
import { type ComponentPropsWithoutRef, type FormEvent, forwardRef, useId, useState } from 'react';
import { KeyValueRow } from './key-value-row.tsx';

export interface MetadataEditorProps extends Omit<ComponentPropsWithoutRef<'form'>, 'onSubmit'> {
  /** The stored metadata (null: none). The editor keeps a draft until Save. */
  metadata: Metadata | null | undefined;
  /** Called with valid metadata only. Reject (or throw) to keep the draft and show the error. */
  onSave: (metadata: Metadata) => void | Promise<void>;
  /** A save in flight (controlled by the app, e.g. a mutation's pending state). */
  saving?: boolean;
  /** An error from the last save, shown above the buttons (the stored value stays as it was). */
  error?: string | null;
}

type Row = { id: number; key: string; value: string };
let rowIds = 0;
const rowsOf = (metadata: Metadata | null | undefined): Row[] =>
  Object.entries(metadata ?? {}).map(([key, value]) => ({ id: rowIds++, key, value }));

/** Problems per row: the API's limits (via core's validateMetadata) and duplicate keys. */
function problems(rows: readonly Row[]): Map<number, string[]> {
  const found = new Map<number, string[]>();
  const add = (id: number, message: string) => found.set(id, [...(found.get(id) ?? []), message]);
  const uses = new Map<string, number>();
  for (const row of rows) uses.set(row.key, (uses.get(row.key) ?? 0) + 1);
  for (const row of rows) {
    for (const issue of validateMetadata({ [row.key]: row.value })) add(row.id, issue.message);
    if ((uses.get(row.key) ?? 0) > 1) add(row.id, `The key “${row.key}” is already used.`);
  }
  return found;
}

/**
 * Edits stored-completion metadata within the API's limits (16 keys, keys <= 64 and values <= 512
 * characters), with each problem shown next to its field before anything is sent.
 */
export const MetadataEditor = forwardRef<HTMLFormElement, MetadataEditorProps>(function MetadataEditor(
  { metadata, onSave, saving = false, error, ...props },
  ref,
) {
  const [rows, setRows] = useState<Row[]>(() => rowsOf(metadata));
  const [failure, setFailure] = useState<string | null>(null);
  const baseId = useId();
  const issues = problems(rows);
  const full = rows.length >= metadataLimits.maxKeys;
  const update = (id: number, change: Partial<Row>) =>
    setRows((now) => now.map((row) => (row.id === id ? { ...row, ...change } : row)));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (issues.size > 0) return;
    setFailure(null);
    try {
      await onSave(Object.fromEntries(rows.map((row) => [row.key, row.value])));
    } catch (caught) {
      setFailure(caught instanceof Error ? caught.message : String(caught));
    }
  };
  const shownError = error ?? failure;
  return (
    <form data-slot="metadata-editor" aria-label="Metadata" onSubmit={submit} noValidate {...props} ref={ref}>
      <p data-slot="metadata-count" id={`${baseId}-count`}>
        {rows.length} of {metadataLimits.maxKeys} keys
      </p>
      {rows.map((row, position) => {
        const messages = issues.get(row.id);
        const errorId = `${baseId}-error-${row.id}`;
        return (
          <KeyValueRow
            key={row.id}
            slot="metadata-row"
            labels={{
              key: `Key ${position + 1}`,
              value: `Value ${position + 1}`,
              remove: `Remove key ${position + 1}`,
            }}
            pair={row}
            onChange={(patch) => update(row.id, patch)}
            onRemove={() => setRows((now) => now.filter((other) => other.id !== row.id))}
            errorId={messages ? errorId : undefined}
          >
            {messages ? (
              <p id={errorId} data-slot="field-error" role="alert">
                {messages.join(' ')}
              </p>
            ) : null}
          </KeyValueRow>
        );
      })}
      <button
        type="button"
        disabled={full}
        aria-describedby={`${baseId}-count`}
        onClick={() => setRows((now) => [...now, { id: rowIds++, key: '', value: '' }])}
      >
        Add key
      </button>
      {shownError ? (
        <p data-slot="save-error" role="alert">
          Not saved: {shownError}
        </p>
      ) : null}
      <button type="submit" disabled={saving || issues.size > 0}>
        {saving ? 'Saving…' : 'Save metadata'}
      </button>
      <button type="button" disabled={saving} onClick={() => setRows(rowsOf(metadata))}>
        Reset
      </button>
    </form>
  );
});
