import type { RunStatus } from '@completions-kit/core';
import { createContext, type ReactNode, useContext, useMemo } from 'react';

/** Every string a message shows or announces (and its code blocks). English by default. */
export interface MessageLabels {
  /** The header naming who wrote it; `role` is the wire's (`assistant`, `user`, `tool`, ...). */
  role: (role: string) => string;
  /** The line under a message still arriving or cut short, by status. */
  waiting: string;
  writing: string;
  stopped: string;
  incomplete: string;
  failed: string;
  /** Why the answer ended, for any `finish_reason` but `stop`. */
  finishReason: (reason: string) => string;
  refusal: string;
  moreToolCalls: (count: number) => string;
  /** The code block's Copy button: its text, and its name for a language (`ts`; empty when none is given). */
  copy: string;
  copied: string;
  copyCode: (language: string) => string;
  /** Announced once the code is on the clipboard. */
  codeCopied: string;
}

const finishReasons: Record<string, string> = {
  stop: 'Finished',
  length: 'Truncated: the token limit was reached',
  tool_calls: 'Waiting for tool results',
  content_filter: 'Stopped by the content filter',
  function_call: 'Waiting for the function result',
};

export const defaultMessageLabels: MessageLabels = {
  role: (role) => role,
  waiting: 'Waiting for the answer…',
  writing: 'Writing…',
  stopped: 'Stopped: the answer is partial',
  incomplete: 'The connection ended early: the answer may be incomplete',
  failed: 'An error ended the answer: what arrived is kept',
  finishReason: (reason) => finishReasons[reason] ?? reason,
  refusal: 'Refusal',
  moreToolCalls: (count) => `Show ${count} more tool calls`,
  copy: 'Copy',
  copied: 'Copied',
  copyCode: (language) => (language ? `Copy ${language} code` : 'Copy code'),
  codeCopied: 'Code copied',
};

/** The status line's text for a status, if it has one. */
export function statusLine(labels: MessageLabels, status: RunStatus): string | undefined {
  const lines: Partial<Record<RunStatus, string>> = {
    submitted: labels.waiting,
    streaming: labels.writing,
    aborted: labels.stopped,
    incomplete: labels.incomplete,
    error: labels.failed,
  };
  return lines[status];
}

// The context holds only what was replaced: a provider (the chat's) carries no copy of the defaults.
const MessageLabelsContext = createContext<Partial<MessageLabels> | null>(null);

/** Replaces some or all of the strings of every message inside (a translation, your own wording). */
export function MessageLabelsProvider({
  labels,
  children,
}: {
  /** The strings to replace; the rest stay English. */
  labels: Partial<MessageLabels>;
  /** The messages these strings apply to. */
  children: ReactNode;
}) {
  const parent = useContext(MessageLabelsContext);
  const merged = useMemo(() => ({ ...parent, ...labels }), [parent, labels]);
  return <MessageLabelsContext.Provider value={merged}>{children}</MessageLabelsContext.Provider>;
}

/** The message strings in effect. */
export function useMessageLabels(): MessageLabels {
  const replaced = useContext(MessageLabelsContext);
  return useMemo(() => (replaced ? { ...defaultMessageLabels, ...replaced } : defaultMessageLabels), [replaced]);
}
