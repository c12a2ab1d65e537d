import {
  type AttachmentLimits,
  Composer,
  type ComposerMessage,
  Thread,
  toContent,
  useChatLabels,
} from '@completions-kit/components/chat';
import type { ChatCompletionContentPart, ChatCompletionMessageToolCall } from '@completions-kit/core';
import { activePath, type ConversationStore, siblingsOf, useConversation } from '@completions-kit/hooks';
import { type ReactNode, useMemo, useRef } from 'react';
import { extraItems } from './extra-items.tsx';
import type { AnswerFacts } from './threads.ts';
import { type ChatTool, runTool } from './tools.ts';
import { type TurnActions, TurnView } from './turn-view.tsx';

export interface ChatConversationProps {
  store: ConversationStore;
  /** Usage and logprobs per answer, by turn id. */
  facts?: { current: Record<string, AnswerFacts> };
  tools?: Record<string, ChatTool>;
  starters?: readonly string[];
  limits?: AttachmentLimits;
  /** Called with the choice index before an n > 1 choice is picked. */
  onChoose?: (index: number) => void;
  /** Shown above the starters while the thread is empty. */
  greeting?: ReactNode;
}

const noTools: Record<string, ChatTool> = {};

/** A conversation store bound to the thread and the composer: the chat without its thread list. */
export function ChatConversation({
  store,
  facts,
  tools = noTools,
  starters = [],
  limits,
  onChoose,
  greeting,
}: ChatConversationProps) {
  const conversation = useConversation(store);
  const labels = useChatLabels();
  const stopped = useRef(false);
  const running = conversation.status === 'running';
  // From the tree alone, so streaming updates leave the turns (and their memoized views) as they were.
  const { tree } = conversation;
  const { turns, answers } = useMemo(() => {
    const path = activePath(tree);
    const answers: Record<string, string> = {};
    for (const node of path)
      if (node.message.role === 'tool') answers[node.message.tool_call_id] = String(node.message.content);
    const turns = path
      .filter((node) => node.message.role !== 'tool')
      .map((node) => ({ node, branch: siblingsOf(tree, node.id) }));
    return { turns, answers };
  }, [tree]);
  const actions = useMemo<TurnActions>(
    () => ({
      edit: (id, text) => {
        // An edited question keeps its attachments: only its text is replaced.
        const content = store.getState().tree.nodes[id]?.message.content;
        const parts = Array.isArray(content)
          ? (content.filter((part) => part.type !== 'text' && part.type !== 'refusal') as ChatCompletionContentPart[])
          : [];
        void store.getState().edit(id, parts.length ? [{ type: 'text', text }, ...parts] : text);
      },
      regenerate: () => void store.getState().regenerate(),
      switchBranch: (id, step) => store.getState().switchBranch(id, step),
      respond: (callId, content) => void store.getState().answerToolCall(callId, content),
      approve: (call: ChatCompletionMessageToolCall) =>
        void runTool(call.type === 'function' ? tools[call.function.name] : undefined, call).then((content) =>
          store.getState().answerToolCall(call.id, content),
        ),
    }),
    [store, tools],
  );
  const extras = extraItems(conversation, store, labels, onChoose);
  const count = turns.length + extras.length;
  const send = (message: ComposerMessage) => {
    stopped.current = false;
    void store.getState().send(toContent(message.text, message.attachments));
  };
  return (
    <>
      <Thread.Root count={count} streaming={running} stopped={stopped.current}>
        <Thread.Viewport
          getKey={(index) => turns[index]?.node.id ?? `extra-${index - turns.length}`}
          renderItem={(index) => {
            const turn = turns[index];
            if (!turn) return extras[index - turns.length]?.();
            return (
              <TurnView
                node={turn.node}
                branchIndex={turn.branch.index}
                branchCount={turn.branch.count}
                last={index === turns.length - 1}
                running={running}
                facts={facts?.current[turn.node.id]}
                answers={answers}
                tools={tools}
                actions={actions}
              />
            );
          }}
        />
        <Thread.Empty>
          {greeting ?? <p>{labels.empty}</p>}
          {starters.length ? (
            <Thread.Starters prompts={starters} onPick={(text) => send({ text, attachments: [] })} />
          ) : null}
        </Thread.Empty>
        <Thread.JumpToLatest />
      </Thread.Root>
      <Composer.Root
        onSend={send}
        onStop={() => {
          stopped.current = true;
          store.getState().stop();
        }}
        streaming={running}
        limits={limits}
      >
        <Composer.Attachments />
        <Composer.Problems />
        <div data-slot="composer-row">
          <Composer.Attach />
          <Composer.Record />
          <Composer.Input />
          <Composer.Submit />
        </div>
      </Composer.Root>
    </>
  );
}
