import type { MessageLabels } from '@completions-kit/components';
import {
  type AttachmentLimits,
  type ChatLabels,
  ChatLabelsProvider,
  ThreadList,
} from '@completions-kit/components/chat';
import {
  type ChatCompletionsClient,
  type ChatCompletionsClientOptions,
  type ConversationParams,
  createChatCompletionsClient,
} from '@completions-kit/core';
import { type ComponentPropsWithoutRef, type ReactNode, useMemo, useRef, useSyncExternalStore } from 'react';
import { ChatConversation, type ChatFeedback } from './conversation-view.tsx';
import { writeFeedback } from './feedback.ts';
import type { FollowUps } from './follow-ups.ts';
import { localStorageThreads, type ThreadStorage } from './storage.ts';
import { StorageNotice, UnreadableThreads } from './storage-notice.tsx';
import { ThreadsToggle, useThreadDrawer } from './thread-drawer.tsx';
import { type ChatTool, toolDefinitions } from './tools.ts';
import { useChatSession } from './use-chat-session.ts';

export interface ChatProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The endpoint, e.g. `http://127.0.0.1:8787/v1`, `https://api.openai.com/v1`. Ignored when `client` is given. */
  baseURL?: string;
  /** Sent as the key header. Kept in memory only; never saved with the threads. Prefer a proxy for real keys. */
  apiKey?: string;
  /** Provider and endpoint details (Azure deployment, api-version, headers) for the client made from `baseURL`. */
  clientOptions?: Partial<ChatCompletionsClientOptions>;
  /** A client of your own instead of `baseURL`. */
  client?: ChatCompletionsClient;
  /** The model to ask. */
  model: string;
  /** Any other request settings (temperature, n, logprobs, tools of your own, ...). */
  params?: Omit<ConversationParams, 'model'>;
  /** Stream answers as they are written. Default: true. Read once, when the chat mounts. */
  stream?: boolean;
  /** Tools the model may call, by name; each call waits for approval (or your renderer). */
  tools?: Record<string, ChatTool>;
  /** Prompts offered while the thread is empty. */
  starters?: readonly string[];
  /**
   * Follow-up prompts the app suggests after each finished answer (a function of the answer and the
   * conversation, sync or async), shown as buttons above the composer and sent when picked.
   */
  followUps?: FollowUps;
  /**
   * Shows thumbs up and down on each finished answer and hears each verdict. With `params.store`,
   * the verdict is also written into the stored completion's metadata (`feedback`), so the Logs view
   * (or any list of stored completions) filters by it; `saved` says whether that worked.
   */
  onFeedback?: (feedback: ChatFeedback) => void;
  /** Shown while the thread is empty. Default: labels.empty. */
  greeting?: ReactNode;
  /** Where threads are kept across reloads. Default: localStorage. `false`: nothing is kept. */
  storage?: ThreadStorage | false;
  /** The storage key prefix (two chats on one page need two). Default: `ck-chat`. */
  storageKey?: string;
  /** Show the list of saved threads. Default: true when threads are kept. */
  threadList?: boolean;
  /** Which files may be attached, how large, how many. */
  limits?: AttachmentLimits;
  /** Replace any of the chat's strings, its messages' too (role headers, status lines, Copy). */
  labels?: Partial<ChatLabels & MessageLabels>;
  /**
   * The locale (BCP 47, e.g. `fr-FR`) for numbers, costs and dates, and the chat's `lang`. Default:
   * none (numbers as en-US, times as ISO dates in UTC, the page's language).
   */
  locale?: string;
}

const defaultStorage = typeof localStorage === 'undefined' ? null : localStorageThreads();
const noThreads = { getState: () => null, subscribe: () => () => undefined };

/**
 * A complete streaming chat on any Chat Completions endpoint, straight from the browser: threads
 * kept across reloads, edits and regenerations as branches, tool calls with approval, attachments.
 *
 * @example
 * <Chat baseURL="http://127.0.0.1:8787/v1" model="ck-local-ngram" />
 */
export function Chat({
  baseURL,
  apiKey,
  clientOptions,
  client: ownClient,
  model,
  params,
  stream = true,
  tools,
  starters,
  followUps,
  onFeedback,
  greeting,
  storage,
  storageKey = 'ck-chat',
  threadList,
  limits,
  labels,
  locale,
  ...props
}: ChatProps) {
  const client = useMemo(
    () => ownClient ?? createChatCompletionsClient({ baseURL, apiKey, ...clientOptions }),
    [ownClient, baseURL, apiKey, clientOptions],
  );
  const request = useMemo<ConversationParams>(() => {
    const definitions = tools && Object.keys(tools).length ? toolDefinitions(tools) : [];
    return {
      ...(stream ? { stream_options: { include_usage: true } } : {}),
      ...params,
      ...(definitions.length ? { tools: [...definitions, ...(params?.tools ?? [])] } : {}),
      model,
    } as ConversationParams;
  }, [model, params, tools, stream]);
  const stores = (params as { store?: boolean | null } | undefined)?.store === true;
  const writes = useRef(new Map<string, Promise<boolean>>());
  // A new function each render costs nothing: ChatConversation reads the latest through a ref.
  const feedback = onFeedback
    ? (event: ChatFeedback) => {
        const id = event.completionId;
        let saved: Promise<boolean> | null = null;
        if (stores && id) {
          // One write at a time per completion: each reads back what the one before it wrote, so quick
          // presses end with the last verdict, not whichever write landed last.
          saved = (writes.current.get(id) ?? Promise.resolve(true)).then(() => writeFeedback(client, id, event.value));
          writes.current.set(id, saved);
        }
        onFeedback({ ...event, saved });
      }
    : undefined;
  const session = useChatSession({
    client,
    params: request,
    stream,
    storage: storage === false ? null : (storage ?? defaultStorage),
    storageKey,
  });
  const threads = session.threads;
  // On the server no thread is read: the list renders once the browser's storage answers.
  const state = useSyncExternalStore(
    (threads ?? noThreads).subscribe,
    (threads ?? noThreads).getState,
    noThreads.getState,
  );
  const main = useRef<HTMLElement>(null);
  const drawer = useThreadDrawer(main);
  const listed = threads && state && threadList !== false;
  const content = (
    // data-threads follows what is rendered: on the server and while hydrating there is no list yet, so
    // the attribute must not be there either (React keeps the server's attributes when it hydrates).
    <div data-slot="chat" data-threads={listed ? '' : undefined} lang={locale} {...props}>
      {listed ? (
        <ThreadList
          {...drawer.drawer}
          threads={state.threads.filter((thread) => !state.unreadable.includes(thread.id))}
          activeId={state.activeId}
          onSelect={(id) => {
            threads.select(id);
            drawer.picked();
          }}
          onNew={() => {
            threads.create();
            drawer.picked();
          }}
          onRename={threads.rename}
          onDelete={threads.remove}
        />
      ) : null}
      {listed ? <UnreadableThreads threads={threads} state={state} /> : null}
      <section data-slot="chat-main" ref={main}>
        {listed ? <ThreadsToggle toggle={drawer.toggle} /> : null}
        {state ? <StorageNotice state={state} conversation={session.conversation} /> : null}
        <ChatConversation
          draft={session.draft.text}
          onDraftChange={session.draft.change}
          conversation={session.conversation}
          tools={tools}
          starters={starters}
          followUps={followUps}
          onFeedback={feedback}
          greeting={greeting}
          limits={limits}
        />
      </section>
    </div>
  );
  const strings = useMemo(() => (locale ? { ...labels, locale } : labels), [labels, locale]);
  return strings ? <ChatLabelsProvider labels={strings}>{content}</ChatLabelsProvider> : content;
}
