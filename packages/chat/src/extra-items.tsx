import { Choices, Message } from '@completions-kit/components';
import { type ChatLabels, MessageActions } from '@completions-kit/components/chat';
import type { ConversationState, ConversationStore } from '@completions-kit/hooks';
import type { ReactNode } from 'react';

/** What follows the turns: the answer streaming in, n > 1 choices to pick from, or an error with Retry. */
export function extraItems(
  conversation: Pick<ConversationState, 'status' | 'streaming' | 'choices' | 'error'>,
  store: ConversationStore,
  labels: ChatLabels,
  onChoose?: (index: number) => void,
): (() => ReactNode)[] {
  const extras: (() => ReactNode)[] = [];
  if (conversation.status === 'running')
    extras.push(() => (
      <Message
        message={conversation.streaming?.choices[0]?.message ?? { role: 'assistant', content: '' }}
        status="streaming"
      />
    ));
  if (conversation.choices)
    extras.push(() => (
      <Choices
        choices={conversation.choices ?? []}
        onUseChoice={(index) => {
          onChoose?.(index);
          store.getState().pickChoice(index);
        }}
      />
    ));
  if (conversation.status === 'error')
    extras.push(() => (
      <div data-slot="chat-error" role="alert">
        <p>{conversation.error?.message ?? labels.error}</p>
        {/* A partial answer kept from the failed run stays as a branch beside the new one. */}
        <MessageActions.Root>
          <MessageActions.Retry onAction={() => void store.getState().regenerate()} />
        </MessageActions.Root>
      </div>
    ));
  return extras;
}
