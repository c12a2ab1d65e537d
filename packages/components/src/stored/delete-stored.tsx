import { type ComponentPropsWithoutRef, forwardRef, useEffect, useId, useRef, useState } from 'react';

export interface DeleteStoredProps extends Omit<ComponentPropsWithoutRef<'div'>, 'onClick'> {
  /** What is being deleted, for the confirmation text. */
  label: string;
  /** Called after the reader confirms. */
  onDelete: () => void | Promise<void>;
  /** A delete in flight (e.g. a mutation's pending state): Delete is disabled and says Deleting…. Default: false. */
  deleting?: boolean;
}

/** A Delete button that asks first: Cancel has focus, Escape cancels, and only Delete deletes. */
export const DeleteStored = forwardRef<HTMLDivElement, DeleteStoredProps>(function DeleteStored(
  { label, onDelete, deleting = false, ...props },
  ref,
) {
  const [asking, setAsking] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const baseId = useId();
  useEffect(() => {
    if (asking) cancel.current?.focus();
  }, [asking]);
  const close = () => {
    setAsking(false);
    requestAnimationFrame(() => opener.current?.focus());
  };
  return (
    <div data-slot="delete-stored" data-state={asking ? 'confirming' : 'idle'} {...props} ref={ref}>
      {asking ? (
        <div
          role="alertdialog"
          aria-labelledby={`${baseId}-title`}
          aria-describedby={`${baseId}-text`}
          onKeyDown={(event) => event.key === 'Escape' && close()}
        >
          <p id={`${baseId}-title`}>
            <strong>Delete {label}?</strong>
          </p>
          <p id={`${baseId}-text`}>It is removed from storage for good; this cannot be undone.</p>
          <button ref={cancel} type="button" onClick={close}>
            Cancel
          </button>
          <button type="button" data-slot="confirm-delete" disabled={deleting} onClick={() => void onDelete()}>
            {deleting ? 'Deleting…' : 'Delete'}
          </button>
        </div>
      ) : (
        <button ref={opener} type="button" onClick={() => setAsking(true)}>
          Delete…
        </button>
      )}
    </div>
  );
});
