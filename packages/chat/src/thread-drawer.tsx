// On a narrow chat (the stylesheet's container query) the thread list folds behind a button into a
// drawer over the conversation. While it is open, focus stays inside it (Tab wraps, the conversation
// is inert), Escape or a press outside closes it, and focus goes back to the button.
import { useChatLabels } from '@completions-kit/components/chat';
import {
  type ComponentPropsWithoutRef,
  type KeyboardEvent,
  type RefObject,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';

const focusable = 'button:not(:disabled), input:not(:disabled), [tabindex]:not([tabindex="-1"])';

function focusableIn(element: HTMLElement | null): HTMLElement[] {
  if (!element) return [];
  return [...element.querySelectorAll<HTMLElement>(focusable)].filter((item) => item.getClientRects().length > 0);
}

export function useThreadDrawer(main: RefObject<HTMLElement | null>) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const drawer = useRef<HTMLElement>(null);
  const returnFocus = useRef(false);
  const close = useCallback(() => {
    returnFocus.current = true;
    setOpen(false);
  }, []);
  useEffect(() => {
    if (main.current) main.current.inert = open;
    // Only once the conversation is no longer inert can its button take focus back.
    if (!open && returnFocus.current) toggle.current?.focus();
    returnFocus.current = false;
    if (!open) return;
    focusableIn(drawer.current)[0]?.focus();
    const outside = (event: PointerEvent) => {
      if (!drawer.current?.contains(event.target as Node)) close();
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open, close, main]);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!open) return;
    // Escape in the rename box cancels the rename only.
    if (event.key === 'Escape' && !(event.target instanceof HTMLInputElement)) {
      event.preventDefault();
      close();
    }
    if (event.key !== 'Tab') return;
    const items = focusableIn(drawer.current);
    const edge = event.shiftKey ? items[0] : items.at(-1);
    if (document.activeElement !== edge) return;
    event.preventDefault();
    (event.shiftKey ? items.at(-1) : items[0])?.focus();
  };
  return {
    /** Closes the drawer once a thread is picked (no-op when it is not open). */
    picked: () => open && close(),
    toggle: { ref: toggle, id, open, onToggle: () => setOpen((value) => !value) },
    drawer: { ref: drawer, id: `${id}-threads`, 'data-open': open ? '' : undefined, onKeyDown },
  };
}

interface ThreadsToggleProps extends Omit<ComponentPropsWithoutRef<'button'>, 'id'> {
  toggle: ReturnType<typeof useThreadDrawer>['toggle'];
}

/** The button that opens the thread list when it is folded away (hidden by the stylesheet when wide). */
export function ThreadsToggle({ toggle, ...props }: ThreadsToggleProps) {
  const labels = useChatLabels();
  return (
    <button
      type="button"
      data-slot="chat-threads-toggle"
      ref={toggle.ref}
      aria-expanded={toggle.open}
      aria-controls={`${toggle.id}-threads`}
      onClick={toggle.onToggle}
      {...props}
    >
      {labels.threads}
    </button>
  );
}
