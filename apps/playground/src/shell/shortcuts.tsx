import { useEffect, useId, useRef } from 'react';

const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = mac ? '⌘' : 'Ctrl';

export const shortcuts: { keys: string[]; action: string }[] = [
  { keys: [mod, 'Enter'], action: 'Run the prompt (anywhere in the Playground view)' },
  { keys: ['Esc'], action: 'Stop the running answer (in Compare: every running variant)' },
  { keys: ['?'], action: 'Show this list (outside text fields)' },
  { keys: ['Tab'], action: 'Move to the next control; Shift+Tab goes back' },
  { keys: ['←', '→'], action: 'Switch between choices and between tokens in the logprobs view' },
];

/** True when typing a "?" there would type it, so the shortcut must not steal it. */
export const typingIn = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/** The shortcuts list as a modal dialog; "?" outside a text field opens it too. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog ref={dialog} className="shortcuts" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>Keyboard shortcuts</h2>
      <dl>
        {shortcuts.map((shortcut) => (
          <div key={shortcut.action}>
            <dt>
              {shortcut.keys.map((key) => (
                <kbd key={key}>{key}</kbd>
              ))}
            </dt>
            <dd>{shortcut.action}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}
