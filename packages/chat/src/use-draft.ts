import { useCallback, useEffect, useRef, useState } from 'react';
import { safeRead, safeWrite } from './safe-storage.ts';
import type { ThreadStorage } from './storage.ts';

/**
 * The composer's text, kept per thread so a reload (or a switch away and back) finds it again.
 * Written on every change and never thrown: a store that refuses it leaves the text in memory.
 * `threadId` undefined: the saved threads are not known yet; null: a new thread.
 */
export function useDraft(storage: ThreadStorage | null, prefix: string, threadId: string | null | undefined) {
  const [text, setText] = useState('');
  const latest = useRef({ text, key: null as string | null });
  latest.current.text = text;
  useEffect(() => {
    if (!storage || threadId === undefined) return;
    const key = `${prefix}:draft:${threadId ?? 'new'}`;
    const from = latest.current.key;
    latest.current.key = key;
    let current = true;
    void safeRead(storage, key).then((saved) => {
      if (!current) return;
      // What is in the composer stays when the thread it was written in was new (its first send names
      // it) and this one holds no draft: nothing typed is dropped by a switch.
      const keep = from?.endsWith(':draft:new') && latest.current.text !== '' && !saved;
      if (keep && from) {
        void safeWrite(() => storage.set(key, latest.current.text));
        void safeWrite(() => storage.delete(from));
      } else setText(saved ?? '');
    });
    return () => {
      current = false;
    };
  }, [storage, prefix, threadId]);
  const change = useCallback(
    (next: string) => {
      setText(next);
      const key = latest.current.key;
      if (!storage || !key) return;
      void safeWrite(() => (next ? storage.set(key, next) : storage.delete(key)));
    },
    [storage],
  );
  return { text, change };
}
