import type { ChatCompletionMessageToolCall } from '@completions-kit/core';
import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import { ToolCall } from '../tool-call/tool-call.tsx';
import { type ChatLabels, useChatLabels } from './labels.tsx';

export type ToolApprovalState = 'pending' | 'approved' | 'denied';

export interface ToolApprovalProps extends ComponentPropsWithoutRef<'section'> {
  /** The tool call the model asked for (function or custom), shown as text. */
  call: ChatCompletionMessageToolCall;
  /** Pending until answered. Default: pending. */
  state?: ToolApprovalState;
  /** Called with the call's id when the reader approves: run the tool, then answer the call. */
  onApprove: (callId: string) => void;
  /** Called with the call's id when the reader denies: answer the call with a refusal. */
  onDeny: (callId: string) => void;
  /** Replaces some of the chat's strings (names, announcements) for this part; see ChatLabelsProvider for all parts. */
  labels?: Partial<ChatLabels>;
}

const nameOf = (call: ChatCompletionMessageToolCall) =>
  call.type === 'custom' ? call.custom.name : call.function.name;

/**
 * A tool call waiting for a person: its name and arguments (shown as text, never run), and
 * Approve and Deny. Once answered it says which, and the buttons go.
 */
export const ToolApproval = forwardRef<HTMLElement, ToolApprovalProps>(function ToolApproval(
  { call, state = 'pending', onApprove, onDeny, labels: own, ...props },
  ref,
) {
  const labels = useChatLabels(own);
  const name = nameOf(call);
  return (
    <section data-slot="tool-approval" data-state={state} aria-label={labels.toolApproval(name)} {...props} ref={ref}>
      <p data-slot="tool-approval-title">{labels.toolApproval(name)}</p>
      <ToolCall call={call} />
      {state === 'pending' ? (
        <div data-slot="tool-approval-buttons">
          <button type="button" data-slot="tool-approve" onClick={() => onApprove(call.id)}>
            {labels.approve}
          </button>
          <button type="button" data-slot="tool-deny" onClick={() => onDeny(call.id)}>
            {labels.deny}
          </button>
        </div>
      ) : (
        <p data-slot="tool-approval-result">{state === 'approved' ? labels.approved : labels.denied}</p>
      )}
    </section>
  );
});
