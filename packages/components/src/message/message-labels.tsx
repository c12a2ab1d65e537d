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
  /**
   * The locale (BCP 47) numbers, costs and dates are written in, through Intl. Default: none, which
   * writes numbers as en-US and times as ISO dates in UTC.
   */
  locale?: string;
  /** Markdown: the button under a long answer, with the count of characters left (already formatted). */
  showMoreCharacters: (count: string) => string;
  /** Markdown: the button under a long list or table: how many more, and how many are left. */
  showMoreEntries: (more: string, left: string, kind: 'items' | 'rows') => string;
  /** Markdown: a list nested past what is laid out. */
  nestedTooDeep: string;
  /** Markdown: an image whose address is not allowed, and its description. */
  imageNotShown: (description: string) => string;
  /** Markdown: the button that loads an image, before its host's name. */
  loadImage: (description: string) => string;
  /** Sources: the list's name, and the line for those left out (count, and formatted). */
  sources: string;
  moreSources: (count: number, formatted: string) => string;
  /** Usage: the section's name, and the name of each row. */
  usageView: string;
  usageTerm: (term: UsageTerm) => string;
  /** Usage: the parts of a count or a cost (`cached`, `audio output`, ...). */
  usagePart: (part: string) => string;
  usageNotReported: string;
  noPrice: (model: string) => string;
}

/** The rows of the usage view. */
export type UsageTerm =
  | 'prompt'
  | 'completion'
  | 'total'
  | 'cost'
  | 'usage'
  | 'model'
  | 'created'
  | 'serviceTier'
  | 'fingerprint'
  | 'id';

const usageTerms: Record<UsageTerm, string> = {
  prompt: 'Prompt tokens',
  completion: 'Completion tokens',
  total: 'Total tokens',
  cost: 'Cost',
  usage: 'Usage',
  model: 'Model',
  created: 'Created',
  serviceTier: 'Service tier',
  fingerprint: 'System fingerprint',
  id: 'Id',
};

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
  showMoreCharacters: (count) => `Show more (${count} characters)`,
  showMoreEntries: (more, left, kind) => `Show ${more} more ${kind} (${left} not shown)`,
  nestedTooDeep: '[nested too deep to lay out]',
  imageNotShown: (description) => `[image not shown: ${description}]`,
  loadImage: (description) => `Load image “${description}” from`,
  sources: 'Sources',
  moreSources: (count, formatted) => `and ${formatted} more ${count === 1 ? 'source' : 'sources'}, not shown`,
  usageView: 'Usage and cost',
  usageTerm: (term) => usageTerms[term],
  usagePart: (part) => part,
  usageNotReported: 'Not reported (streams report it with stream_options.include_usage)',
  noPrice: (model) => `No price for ${model} in the price table`,
};

/** A count in the labels' locale (en-US when none is set). */
export const formatCount = (labels: Pick<MessageLabels, 'locale'>, value: number) =>
  value.toLocaleString(labels.locale ?? 'en-US');

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
