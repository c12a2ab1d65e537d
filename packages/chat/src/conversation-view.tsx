import {
  type AttachmentLimits,
  Composer,
  type ComposerMessage,
  type FeedbackValue,
  Thread,
  toContent,
  useChatLabels,
} from '@completions-kit/components/chat';
import {
  activePath,
  type ChatCompletionContentPart,
  type ChatCompletionMessageToolCall,
  type Conversation,
  siblingsOf,
} from '@completions-kit/core';
import { useConversation } from '@completions-kit/hooks';
import { type ReactNode, useMemo, useRef, useState } from 'react';
import { type FollowUps, useFollowUps } from './follow-ups.ts';
import { type ChatTool, runTool } from './tools.ts';
import { type TurnActions, TurnView, textOf } from './turn-view.tsx';

/** A reader's verdict on one answer, as `onFeedback` hears it. */
export interface ChatFeedback {
  /** The answer's id in the conversation's tree. */
  turnId: string;
  /** Thumbs up, down, or taken back. */
  value: FeedbackValue;
  /** The answer's text. */
  answer: string;
  /** The completion's id, when the answer has one (a stored completion can be found by it). */
  completionId: string | null;
  /**
   * Where `<Chat>` stores completions (`params.store`), the verdict written into the stored
   * completion's metadata as `feedback`: true once written, false if that failed; otherwise null.
   */
  saved: Promise<boolean> | null;
}

export interface ChatConversationProps {
  /** The conversation (core's `createConversation`): every answer in it carries its status and completion. */
  conversation: Conversation;
  tools?: Record<string, ChatTool>;
  starters?: readonly string[];
  /**
   * Follow-up prompts the app suggests after an answer (say, from its own model or a list): shown as
   * buttons under the newest answer once it has finished, sent when picked, gone when the
   * conversation moves on. Called once per answer.
   */
  followUps?: FollowUps;
  /** Shows thumbs up and down on each finished answer, and hears each verdict. */
  onFeedback?: (feedback: ChatFeedback) => void;
  limits?: AttachmentLimits;
  /** Shown above the starters while the thread is empty. */
  greeting?: ReactNode;
  /** The composer's text, when it is kept outside (the chat keeps it per thread, across reloads). */
  draft?: string;
  onDraftChange?: (text: string) => void;
}

const noTools: Record<string, ChatTool> = {};

function turnActions(conversation: Conversation, tools: Record<string, ChatTool>): TurnActions {
  return {
    edit: (id, text) => {
      // An edited question keeps its attachments: only its text is replaced.
      const content = conversation.getState().tree.nodes[id]?.message.content;
      const parts = Array.isArray(content)
        ? (content.filter((part) => part.type !== 'text' && part.type !== 'refusal') as ChatCompletionContentPart[])
        : [];
      void conversation.edit(id, parts.length ? [{ type: 'text', text }, ...parts] : text);
    },
    regenerate: () => void conversation.regenerate(),
    retry: () => void conversation.retry(),
    pickChoice: (id, index) => conversation.pickChoice(index, id),
    switchBranch: conversation.switchBranch,
    respond: (callId, content) => void conversation.answerToolCall(callId, content),
    approve: (call: ChatCompletionMessageToolCall) =>
      void runTool(call.type === 'function' ? tools[call.function.name] : undefined, call).then((content) =>
        conversation.answerToolCall(call.id, content),
      ),
  };
}

/** A conversation bound to the thread and the composer: the chat without its thread list. */
export function ChatConversation({
  conversation,
  tools = noTools,
  starters = [],
  followUps,
  onFeedback,
  limits,
  greeting,
  draft,
  onDraftChange,
}: ChatConversationProps) {
  const { tree, running, status } = useConversation(conversation);
  const labels = useChatLabels();
  // The answer in flight is a turn like any other, under the id it keeps when it ends: its view stays mounted.
  const { path, turns, answers } = useMemo(() => {
    const path = activePath(tree);
    const answers: Record<string, string> = {};
    for (const node of path)
      if (node.message.role === 'tool') answers[node.message.tool_call_id] = String(node.message.content);
    const turns = path
      .filter((node) => node.message.role !== 'tool')
      .map((node) => ({ node, branch: siblingsOf(tree, node.id) }));
    return { path, turns, answers };
  }, [tree]);
  const [verdicts, setVerdicts] = useState<Record<string, FeedbackValue>>({});
  // The latest callback, read when a thumb is pressed: the actions (and the turns) need not change with it.
  const heard = useRef(onFeedback);
  heard.current = onFeedback;
  const takesFeedback = !!onFeedback;
  const actions = useMemo<TurnActions>(
    () => ({
      ...turnActions(conversation, tools),
      feedback: takesFeedback
        ? (turnId, value) => {
            setVerdicts((previous) => ({ ...previous, [turnId]: value }));
            const node = conversation.getState().tree.nodes[turnId];
            heard.current?.({
              turnId,
              value,
              answer: textOf(node?.message.content ?? ''),
              completionId: node?.completion?.id ?? null,
              saved: null,
            });
          }
        : undefined,
    }),
    [conversation, tools, takesFeedback],
  );
  const send = (message: ComposerMessage) => void conversation.send(toContent(message.text, message.attachments));
  const suggested = useFollowUps(path, !running && status === 'done', followUps);
  return (
    <>
      <Thread.Root count={turns.length} status={status}>
        <Thread.Viewport
          // By place, not by node: switching a branch swaps the node at a place, and a view kept mounted
          // keeps the focus on the picker's button (a new view dropped it to the page).
          getKey={(index) => index}
          renderItem={(index) => {
            const turn = turns[index];
            if (!turn) return null;
            return (
              <TurnView
                node={turn.node}
                branchIndex={turn.branch.index}
                branchCount={turn.branch.count}
                last={index === turns.length - 1}
                running={running}
                answers={answers}
                tools={tools}
                actions={actions}
                verdict={verdicts[turn.node.id]}
              />
            );
          }}
        />
        {suggested.length && !running ? (
          <Thread.Starters
            data-followups=""
            aria-label={labels.followUps}
            prompts={suggested}
            onPick={(text) => send({ text, attachments: [] })}
          />
        ) : null}
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
        onStop={conversation.stop}
        status={status}
        limits={limits}
        value={draft}
        onValueChange={onDraftChange}
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
