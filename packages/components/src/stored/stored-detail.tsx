import type { ChatCompletion, ChatCompletionStoreMessage } from '@completions-kit/core';
import { type ComponentPropsWithoutRef, forwardRef, type ReactNode } from 'react';
import { type ChoiceLike, Choices } from '../choices/choices.tsx';
import { type AnyMessage, Message } from '../message/message.tsx';
import type { PriceTable } from '../usage/cost.ts';
import { UsageView } from '../usage/usage-view.tsx';

export interface StoredDetailProps extends ComponentPropsWithoutRef<'article'> {
  /** The stored completion (`GET /chat/completions/{id}`). */
  completion: ChatCompletion & { metadata?: Record<string, string> | null };
  /** Its request messages (`GET /chat/completions/{id}/messages`), when loaded. */
  messages?: readonly ChatCompletionStoreMessage[];
  /** Messages are loading; shown in their place. */
  loadingMessages?: boolean;
  /** Prices per million tokens by model, for the cost. Default: `examplePrices`. */
  prices?: PriceTable;
  /** Actions for this completion: a metadata editor, delete, "open in playground". */
  children?: ReactNode;
}

/** A stored message as a message to show: its content parts (null union keys dropped), else its text. */
export function storedMessageToMessage(stored: ChatCompletionStoreMessage): AnyMessage {
  const parts = (stored as { content_parts?: unknown[] | null }).content_parts;
  return {
    role: stored.role,
    name: (stored as { name?: string | null }).name ?? null,
    content: Array.isArray(parts)
      ? (parts.map((part) =>
          Object.fromEntries(Object.entries(part as object).filter(([, value]) => value !== null)),
        ) as unknown as AnyMessage['content'])
      : stored.content,
  };
}

/** One stored completion: the request messages, the response (all choices), usage and your actions. */
export const StoredDetail = forwardRef<HTMLElement, StoredDetailProps>(function StoredDetail(
  { completion, messages, loadingMessages = false, prices, children, ...props },
  ref,
) {
  const choices = completion.choices as unknown as ChoiceLike[];
  return (
    <article data-slot="stored-detail" aria-label={`Stored completion ${completion.id}`} {...props} ref={ref}>
      <section aria-label="Request messages" data-slot="stored-request">
        <h3>Request</h3>
        {loadingMessages ? <p>Loading the request messages…</p> : null}
        {messages?.map((stored) => (
          <Message key={stored.id} message={storedMessageToMessage(stored)} />
        ))}
        {!loadingMessages && messages?.length === 0 ? <p>No request messages were stored.</p> : null}
      </section>
      <section aria-label="Response" data-slot="stored-response">
        <h3>Response</h3>
        {choices.length > 1 ? (
          <Choices choices={choices} />
        ) : choices[0] ? (
          <Message message={choices[0].message} finishReason={choices[0].finish_reason} />
        ) : null}
      </section>
      <UsageView completion={completion} prices={prices} />
      {children ? <div data-slot="stored-actions">{children}</div> : null}
    </article>
  );
});
