import { useDraft } from '../state/draft.ts';

/** After a load put a changed draft aside (Open in playground, Load, a share link): one click brings it back. */
export function UndoReplace() {
  const replaced = useDraft((state) => state.replaced);
  const undo = useDraft((state) => state.undoReplace);
  const dismiss = useDraft((state) => state.dismissUndo);
  if (!replaced) return null;
  return (
    <div className="undo-replace" role="status">
      <span>Your changed draft was replaced.</span>
      <button type="button" onClick={undo}>
        Undo
      </button>
      <button type="button" aria-label="Keep the new draft" onClick={dismiss}>
        Keep
      </button>
    </div>
  );
}
