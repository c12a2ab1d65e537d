import {
  type ChatCompletionContentPart,
  type FinishReason,
  isRunning,
  type RunStatus,
  type UrlCitationAnnotation,
} from '@completions-kit/core';
import { type ComponentPropsWithoutRef, forwardRef, type ReactNode, useState } from 'react';
import { type AudioFormat, AudioOutput } from '../audio/audio-output.tsx';
import { CitedText, Sources } from '../citations/cited-text.tsx';
import { Markdown } from '../markdown/markdown.tsx';
import { reveal } from '../text/reveal.ts';
import { ToolCall } from '../tool-call/tool-call.tsx';
import { Parts } from './content-parts.tsx';
import { MessageBoundary } from './message-boundary.tsx';
import { statusLine, useMessageLabels } from './message-labels.tsx';

/** Any message: a request message, a response message, a snapshot mid-stream or a stored one. */
export interface AnyMessage {
  role: string;
  content?: string | null | readonly (ChatCompletionContentPart | { type: 'refusal'; refusal: string })[];
  name?: string | null;
  refusal?: string | null;
  annotations?: readonly UrlCitationAnnotation[];
  tool_calls?: readonly (Parameters<typeof ToolCall>[0]['call'] & object)[] | null;
  function_call?: { name: string; arguments: string } | null;
  audio?: { id?: string; data?: string; transcript?: string; expires_at?: number } | null;
}

export interface MessageProps extends Omit<ComponentPropsWithoutRef<'article'>, 'content'> {
  /** The message: a request message, a response's `choice.message`, a stream snapshot's or a stored one. */
  message: AnyMessage;
  /** The run's status, for a message still arriving or cut short (`submitted` shows as arriving). Default: done. */
  status?: RunStatus;
  /** The choice's `finish_reason`; anything but stop is said in words (truncated, content filter, tool calls). Default: none. */
  finishReason?: FinishReason | null;
  /** The request's `audio.format`, for playing `message.audio`. Default: wav. */
  audioFormat?: AudioFormat;
  /** Renders text your own way. Default: markdown for the assistant's text, plain text otherwise. */
  renderText?: (text: string) => ReactNode;
}

/** Tool calls shown before a "Show more" button. */
const MAX_TOOL_CALLS = 64;

/**
 * A chat message of any role with everything it can hold: text (with citations), content parts,
 * a refusal, tool calls, the legacy function call, an audio transcript, its finish reason and
 * stream state. State shows as data-role, data-status and data-finish-reason.
 */
export const Message = forwardRef<HTMLElement, MessageProps>(function Message(props, ref) {
  return (
    <MessageBoundary message={props.message}>
      <MessageBody {...props} ref={ref} />
    </MessageBoundary>
  );
});

const MessageBody = forwardRef<HTMLElement, MessageProps>(function MessageBody(
  { message, status = 'done', finishReason, renderText: customRender, audioFormat, ...props },
  ref,
) {
  const labels = useMessageLabels();
  const line = statusLine(labels, status);
  const customText = customRender !== undefined;
  const renderText = customRender ?? reveal;
  const content = message.content;
  const arriving = isRunning(status);
  const refused = !!message.refusal;
  // Hundreds of tool calls take long to lay out: the first ones show, the rest on request.
  const [allCalls, showAllCalls] = useState(false);
  const calls = message.tool_calls ?? [];
  const shownCalls = allCalls ? calls : calls.slice(0, MAX_TOOL_CALLS);
  return (
    <article
      data-slot="message"
      data-role={message.role}
      data-status={status}
      data-finish-reason={finishReason ?? undefined}
      data-refused={refused || undefined}
      aria-busy={arriving}
      {...props}
      ref={ref}
    >
      <header data-slot="message-role">
        {reveal(labels.role(message.role))}
        {message.name ? <span data-slot="message-name"> · {reveal(message.name)}</span> : null}
      </header>
      {typeof content === 'string' && content !== '' ? (
        message.role === 'assistant' && !customText ? (
          <>
            <Markdown text={content} annotations={message.annotations} status={status} />
            <Sources text={content} annotations={message.annotations} />
          </>
        ) : message.annotations?.length ? (
          <>
            <CitedText text={content} annotations={message.annotations} renderText={renderText} />
            <Sources text={content} annotations={message.annotations} />
          </>
        ) : (
          <p data-slot="text-part">{renderText(content)}</p>
        )
      ) : null}
      {Array.isArray(content) ? <Parts parts={content} renderText={renderText} /> : null}
      {refused ? (
        <p data-slot="message-refusal" role="note" aria-label={labels.refusal}>
          {reveal(message.refusal as string)}
        </p>
      ) : null}
      {message.audio ? <AudioOutput audio={message.audio} format={audioFormat} status={status} /> : null}
      {shownCalls.map((call, index) => (
        <ToolCall key={'id' in call && call.id ? call.id : index} call={call} status={status} />
      ))}
      {calls.length > shownCalls.length ? (
        <button type="button" data-slot="more-tool-calls" onClick={() => showAllCalls(true)}>
          {labels.moreToolCalls(calls.length - shownCalls.length)}
        </button>
      ) : null}
      {message.function_call ? <ToolCall call={message.function_call} status={status} /> : null}
      {line ? (
        <p data-slot="stream-status" role="status">
          {line}
        </p>
      ) : finishReason && finishReason !== 'stop' ? (
        <p data-slot="finish-reason" data-reason={finishReason}>
          {labels.finishReason(finishReason)}
        </p>
      ) : null}
    </article>
  );
});
