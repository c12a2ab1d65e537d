import type { ChatCompletionContentPart, FinishReason, UrlCitationAnnotation } from '@completions-kit/core';
import { type ComponentPropsWithoutRef, forwardRef, type ReactNode } from 'react';
import { type AudioFormat, AudioOutput } from '../audio/audio-output.tsx';
import { CitedText, Sources } from '../citations/cited-text.tsx';
import { Markdown } from '../markdown/markdown.tsx';
import { ToolCall } from '../tool-call/tool-call.tsx';
import { AudioInputContent, FileContent, ImageContent } from './content-parts.tsx';

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

export type MessageStatus = 'streaming' | 'done' | 'error' | 'aborted' | 'incomplete';

export interface MessageProps extends Omit<ComponentPropsWithoutRef<'article'>, 'content'> {
  /** The message: a request message, a response's `choice.message`, a stream snapshot's or a stored one. */
  message: AnyMessage;
  /** The stream's state, for a message still arriving or cut short. Default: done. */
  status?: MessageStatus;
  /** The choice's `finish_reason`; anything but stop is said in words (truncated, content filter, tool calls). Default: none. */
  finishReason?: FinishReason | null;
  /** The request's `audio.format`, for playing `message.audio`. Default: wav. */
  audioFormat?: AudioFormat;
  /** Renders text your own way. Default: markdown for the assistant's text, plain text otherwise. */
  renderText?: (text: string) => ReactNode;
}

const finishText: Record<string, string> = {
  stop: 'Finished',
  length: 'Truncated: the token limit was reached',
  tool_calls: 'Waiting for tool results',
  content_filter: 'Stopped by the content filter',
  function_call: 'Waiting for the function result',
};

const statusText: Partial<Record<MessageStatus, string>> = {
  streaming: 'Writing…',
  aborted: 'Stopped: the answer is partial',
  incomplete: 'The connection ended early: the answer may be incomplete',
  error: 'An error ended the answer: what arrived is kept',
};

function Parts({
  parts,
  renderText,
}: {
  parts: NonNullable<Exclude<AnyMessage['content'], string>>;
  renderText: (text: string) => ReactNode;
}) {
  return (
    <>
      {parts.map((part, index) => {
        const key = `${part.type}-${index}`;
        if (part.type === 'text')
          return (
            <p key={key} data-slot="text-part">
              {renderText(part.text)}
            </p>
          );
        if (part.type === 'refusal')
          return (
            <p key={key} data-slot="message-refusal">
              {part.refusal}
            </p>
          );
        if (part.type === 'image_url') return <ImageContent key={key} part={part} />;
        if (part.type === 'input_audio') return <AudioInputContent key={key} part={part} />;
        if (part.type === 'file') return <FileContent key={key} part={part} />;
        return null;
      })}
    </>
  );
}

/**
 * A chat message of any role with everything it can hold: text (with citations), content parts,
 * a refusal, tool calls, the legacy function call, an audio transcript, its finish reason and
 * stream state. State shows as data-role, data-status and data-finish-reason.
 */
export const Message = forwardRef<HTMLElement, MessageProps>(function Message(
  { message, status = 'done', finishReason, renderText: customRender, audioFormat, ...props },
  ref,
) {
  const customText = customRender !== undefined;
  const renderText = customRender ?? ((text: string) => text);
  const content = message.content;
  const complete = status !== 'streaming';
  const refused = !!message.refusal;
  return (
    <article
      data-slot="message"
      data-role={message.role}
      data-status={status}
      data-finish-reason={finishReason ?? undefined}
      data-refused={refused || undefined}
      aria-busy={status === 'streaming'}
      {...props}
      ref={ref}
    >
      <header data-slot="message-role">
        {message.role}
        {message.name ? <span data-slot="message-name"> · {message.name}</span> : null}
      </header>
      {typeof content === 'string' && content !== '' ? (
        message.role === 'assistant' && !customText ? (
          <>
            <Markdown text={content} annotations={message.annotations} streaming={status === 'streaming'} />
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
        <p data-slot="message-refusal" role="note" aria-label="Refusal">
          {message.refusal}
        </p>
      ) : null}
      {message.audio ? (
        <AudioOutput audio={message.audio} format={audioFormat} streaming={status === 'streaming'} />
      ) : null}
      {message.tool_calls?.map((call, index) => (
        <ToolCall key={'id' in call && call.id ? call.id : index} call={call} complete={complete} />
      ))}
      {message.function_call ? <ToolCall call={message.function_call} complete={complete} /> : null}
      {statusText[status] ? (
        <p data-slot="stream-status" role="status">
          {statusText[status]}
        </p>
      ) : finishReason && finishReason !== 'stop' ? (
        <p data-slot="finish-reason" data-reason={finishReason}>
          {finishText[finishReason] ?? finishReason}
        </p>
      ) : null}
    </article>
  );
});
