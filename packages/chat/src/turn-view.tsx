import { Choices, Message } from '@completions-kit/components';
import {
  EditForm,
  type FeedbackValue,
  MessageActions,
  ToolApproval,
  useChatLabels,
} from '@completions-kit/components/chat';
import type { ChatCompletionMessageToolCall, TurnNode } from '@completions-kit/core';
import { memo, useEffect, useRef, useState } from 'react';
import { AnswerDetails, UsageToggle } from './answer-details.tsx';
import { type ChatTool, deniedAnswer, parseArguments } from './tools.ts';

export interface TurnActions {
  edit: (id: string, text: string) => void;
  regenerate: () => void;
  retry: () => void;
  pickChoice: (id: string, index: number) => void;
  switchBranch: (id: string, step: 1 | -1) => void;
  approve: (call: ChatCompletionMessageToolCall) => void;
  respond: (callId: string, content: string) => void;
  /** The reader's verdict on an answer; absent when the chat takes no feedback. */
  feedback?: (id: string, value: FeedbackValue) => void;
}

export interface TurnViewProps {
  node: TurnNode;
  branchIndex: number;
  branchCount: number;
  /** The last turn of the open branch (regenerate applies to it). */
  last: boolean;
  running: boolean;
  /** Tool answers on the open branch, by call id. */
  answers: Record<string, string>;
  tools: Record<string, ChatTool>;
  actions: TurnActions;
  /** The verdict given on this answer (feedback). */
  verdict?: FeedbackValue;
}

export const textOf = (content: TurnNode['message']['content']): string =>
  typeof content === 'string' ? content : (content ?? []).map((part) => ('text' in part ? part.text : '')).join('');

function ToolCalls({
  calls,
  answers,
  tools,
  actions,
}: Pick<TurnViewProps, 'answers' | 'tools' | 'actions'> & { calls: ChatCompletionMessageToolCall[] }) {
  return (
    <>
      {calls.map((call) => {
        const answer = answers[call.id];
        const custom = call.type === 'function' ? tools[call.function.name]?.render : undefined;
        if (custom && call.type === 'function')
          return (
            <div key={call.id} data-slot="tool-render">
              {custom({
                call,
                args: parseArguments(call.function.arguments),
                respond: (content) => actions.respond(call.id, content),
              })}
            </div>
          );
        return (
          <ToolApproval
            key={call.id}
            call={call}
            state={answer === undefined ? 'pending' : answer === deniedAnswer ? 'denied' : 'approved'}
            onApprove={() => actions.approve(call)}
            onDeny={() => actions.respond(call.id, deniedAnswer)}
          />
        );
      })}
    </>
  );
}

function AnswerError({ message, last, onRetry }: { message: string; last: boolean; onRetry: () => void }) {
  const labels = useChatLabels();
  return (
    <div data-slot="chat-error" role="alert">
      <p>{message || labels.error}</p>
      {last ? (
        <MessageActions.Root>
          <MessageActions.Retry onAction={onRetry} />
        </MessageActions.Root>
      ) : null}
    </div>
  );
}

/** One turn of the thread: the message, its tool calls waiting for approval, its actions and facts. */
export const TurnView = memo(function TurnView({
  node,
  branchIndex,
  branchCount,
  last,
  running,
  answers,
  tools,
  actions,
  verdict = null,
}: TurnViewProps) {
  const [editing, setEditing] = useState(false);
  const [showUsage, setShowUsage] = useState(false);
  const turn = useRef<HTMLDivElement>(null);
  const cancelled = useRef(false);
  // A cancelled edit gives the focus back to the Edit button it came from.
  useEffect(() => {
    if (editing || !cancelled.current) return;
    cancelled.current = false;
    turn.current?.querySelector<HTMLElement>('[data-slot="message-edit"]')?.focus();
  }, [editing]);
  const { message } = node;
  const text = textOf(message.content);
  const calls = message.role === 'assistant' ? ((message.tool_calls ?? []) as ChatCompletionMessageToolCall[]) : [];
  if (message.role === 'tool') return null;
  if (editing)
    return (
      <EditForm
        initialText={text}
        onSave={(next) => {
          setEditing(false);
          actions.edit(node.id, next);
        }}
        onCancel={() => {
          cancelled.current = true;
          setEditing(false);
        }}
      />
    );
  const { completion, status } = node;
  if (completion && completion.choices.length > 1 && node.choice === undefined && status === 'done')
    return <Choices choices={completion.choices} onUseChoice={(index) => actions.pickChoice(node.id, index)} />;
  const failed = status === 'error' || status === 'incomplete';
  return (
    <div data-slot="chat-turn" data-role={message.role} ref={turn}>
      {/* The calls show once, in their approval (with its buttons), not also in the message. */}
      <Message message={calls.length ? { ...message, tool_calls: undefined } : message} status={status} />
      {failed && node.error ? <AnswerError message={node.error.message} last={last} onRetry={actions.retry} /> : null}
      {calls.length > 0 ? <ToolCalls calls={calls} answers={answers} tools={tools} actions={actions} /> : null}
      <MessageActions.Root>
        <MessageActions.BranchPicker
          index={branchIndex}
          count={branchCount}
          onSwitch={(step) => actions.switchBranch(node.id, step)}
        />
        {text ? <MessageActions.Copy text={text} /> : null}
        {message.role === 'user' && !running ? <MessageActions.Edit onAction={() => setEditing(true)} /> : null}
        <UsageToggle completion={completion} open={showUsage} onToggle={() => setShowUsage(!showUsage)} />
        {message.role === 'assistant' && last && !running ? (
          <MessageActions.Regenerate onAction={actions.regenerate} />
        ) : null}
        {actions.feedback && message.role === 'assistant' && text && status === 'done' ? (
          <MessageActions.Feedback value={verdict} onFeedback={(value) => actions.feedback?.(node.id, value)} />
        ) : null}
      </MessageActions.Root>
      <AnswerDetails completion={completion} choice={node.choice} showUsage={showUsage} />
    </div>
  );
});
