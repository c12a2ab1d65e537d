import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { type MessageLabels, MessageLabelsProvider } from '../message/message-labels.tsx';

/**
 * Every string the chat parts show or announce. English by default; replace any through
 * `ChatLabelsProvider`, which also takes the messages' own (`MessageLabels`: role headers, status
 * lines, the code block's Copy).
 */
export interface ChatLabels {
  thread: string;
  empty: string;
  starters: string;
  /** The list of follow-up prompts the app suggests after an answer. */
  followUps: string;
  jumpToLatest: string;
  answerStarted: string;
  answerDone: string;
  answerStopped: string;
  composer: string;
  placeholder: string;
  send: string;
  stop: string;
  attach: string;
  record: string;
  stopRecording: string;
  recordingDenied: string;
  removeAttachment: (name: string) => string;
  attachments: string;
  dropHere: string;
  tooLarge: (name: string, maxBytes: number) => string;
  wrongType: (name: string) => string;
  tooMany: (max: number) => string;
  messageActions: string;
  copy: string;
  copied: string;
  edit: string;
  save: string;
  cancel: string;
  editLabel: string;
  regenerate: string;
  retry: string;
  /** The thumbs on an answer: their names (and tooltips). */
  feedbackUp: string;
  feedbackDown: string;
  branch: (index: number, count: number) => string;
  previousBranch: string;
  nextBranch: string;
  approve: string;
  deny: string;
  approved: string;
  denied: string;
  toolApproval: (name: string) => string;
  showLogprobs: string;
  /** The usage button under an answer. */
  usage: (totalTokens: number) => string;
  error: string;
  threads: string;
  newThread: string;
  rename: (title: string) => string;
  remove: (title: string) => string;
  untitled: string;
  /** Why the open conversation is not being saved (the store is full, refused, failed, or could not be read). */
  notSaved: (reason: 'full' | 'denied' | 'failed' | 'unreadable') => string;
  /** What the reader can do about it while the store is full. */
  freeSpace: string;
  exportThread: string;
  /** The heading of saved conversations whose data could not be read. */
  unreadableThreads: string;
  exportUnreadable: (title: string) => string;
  /** The short text of an export button. */
  exportShort: string;
}

const megabytes = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export const defaultChatLabels: ChatLabels = {
  thread: 'Conversation',
  empty: 'Ask anything to start.',
  starters: 'Suggestions',
  followUps: 'Follow-up suggestions',
  jumpToLatest: 'Jump to latest',
  answerStarted: 'The assistant is answering.',
  answerDone: 'The answer is complete.',
  answerStopped: 'The answer stopped.',
  composer: 'Message',
  placeholder: 'Write a message…',
  send: 'Send',
  stop: 'Stop',
  attach: 'Attach files',
  record: 'Record audio',
  stopRecording: 'Stop recording',
  recordingDenied: 'The microphone is not available.',
  removeAttachment: (name) => `Remove ${name}`,
  attachments: 'Attachments',
  dropHere: 'Drop files to attach them',
  tooLarge: (name, maxBytes) => `${name} is larger than ${megabytes(maxBytes)}.`,
  wrongType: (name) => `${name} is not a type this chat accepts.`,
  tooMany: (max) => `At most ${max} attachments per message.`,
  messageActions: 'Message actions',
  copy: 'Copy',
  copied: 'Copied',
  edit: 'Edit',
  save: 'Save and send',
  cancel: 'Cancel',
  editLabel: 'Edit message',
  regenerate: 'Regenerate',
  retry: 'Retry',
  feedbackUp: 'Good answer',
  feedbackDown: 'Bad answer',
  branch: (index, count) => `${index} of ${count}`,
  previousBranch: 'Previous version',
  nextBranch: 'Next version',
  approve: 'Approve',
  deny: 'Deny',
  approved: 'Approved',
  denied: 'Denied',
  toolApproval: (name) => `The assistant wants to call ${name}`,
  showLogprobs: 'Token probabilities',
  usage: (totalTokens) => `${totalTokens} tokens`,
  error: 'The answer failed.',
  threads: 'Conversations',
  newThread: 'New conversation',
  rename: (title) => `Rename ${title}`,
  remove: (title) => `Delete ${title}`,
  untitled: 'New conversation',
  notSaved: (reason) =>
    ({
      full: 'This conversation is not being saved: the browser’s storage for this site is full.',
      denied: 'This conversation is not being saved: this browser does not allow this site to store data.',
      failed: 'This conversation is not being saved: the browser’s storage failed.',
      unreadable: 'This conversation is not being saved: the saved conversations could not be read.',
    })[reason],
  freeSpace: 'Delete old conversations to make room (the next answer is then saved), or export this one.',
  exportThread: 'Export this conversation',
  unreadableThreads: 'Could not be read',
  exportUnreadable: (title) => `Export ${title}`,
  exportShort: 'Export',
};

const LabelsContext = createContext<ChatLabels>(defaultChatLabels);

/** Replaces some or all of the chat's strings for everything inside. */
export function ChatLabelsProvider({
  labels,
  children,
}: {
  /** The strings to replace (names, announcements, messages' too), e.g. a translation; the rest stay English. */
  labels: Partial<ChatLabels & MessageLabels>;
  /** The chat parts these strings apply to. */
  children: ReactNode;
}) {
  const parent = useContext(LabelsContext);
  const merged = useMemo(() => ({ ...parent, ...labels }), [parent, labels]);
  return (
    <LabelsContext.Provider value={merged}>
      <MessageLabelsProvider labels={labels}>{children}</MessageLabelsProvider>
    </LabelsContext.Provider>
  );
}

/** The strings in effect: the provider's, then a part's own `labels` prop over them. */
export function useChatLabels(own?: Partial<ChatLabels>): ChatLabels {
  const context = useContext(LabelsContext);
  return useMemo(() => (own ? { ...context, ...own } : context), [context, own]);
}
