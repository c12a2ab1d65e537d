import type { ThreadStorage } from './storage.ts';

/** Why a write did not land: the store is full, the browser refuses storage here, or it failed otherwise. */
export type StorageProblem = 'full' | 'denied' | 'failed' | 'unreadable';

function problemOf(error: unknown): StorageProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return 'full';
  if (name === 'SecurityError' || name === 'InvalidAccessError') return 'denied';
  return 'failed';
}

/**
 * A store's write that never throws into the caller (a send, a keystroke): thrown or rejected, the
 * failure comes back as a problem, null when the value landed.
 */
export function safeWrite(run: () => void | Promise<void>): Promise<StorageProblem | null> {
  try {
    return Promise.resolve(run()).then(
      () => null,
      (error: unknown) => problemOf(error),
    );
  } catch (error) {
    return Promise.resolve(problemOf(error));
  }
}

/** A store's read that never throws: the text, or `undefined` when the store could not be read. */
export function safeRead(storage: ThreadStorage, key: string): Promise<string | null | undefined> {
  try {
    return Promise.resolve(storage.get(key)).then(
      (text) => (typeof text === 'string' ? text : null),
      () => undefined,
    );
  } catch {
    return Promise.resolve(undefined);
  }
}

/** JSON that is not what we wrote (edited by hand, another app's key, cut short) reads as undefined. */
export function parseJson(text: string | null | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Offers text as a file download (an export of a conversation the store cannot keep or read). */
export function downloadText(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
