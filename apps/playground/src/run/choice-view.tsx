import { type AudioFormat, type ChoiceLike, Message, TokenLogprobs } from '@completions-kit/components';
import type { RunStatus } from '@completions-kit/core';
import { useState } from 'react';
import { functionCalls } from './function-calls.ts';
import { jsonFence, prettyJson } from './pretty-json.ts';
import { ToolAnswers } from './tool-answers.tsx';

export interface ChoiceViewProps {
  choice: ChoiceLike;
  status: RunStatus;
  audioFormat: AudioFormat | undefined;
  onAnswerTools: (choice: ChoiceLike, results: Record<string, string>) => void;
}

/** One choice: the message (markdown, citations, tool calls, audio), its logprobs, and tool answers. */
export function ChoiceView({ choice, status, audioFormat, onAnswerTools }: ChoiceViewProps) {
  const content = choice.logprobs?.content ?? null;
  const refusal = choice.logprobs?.refusal ?? null;
  const calls = functionCalls(choice.message);
  const [raw, setRaw] = useState(false);
  const arriving = status === 'streaming' || status === 'submitted';
  // A JSON answer reads indented, in a code block; the toggle shows it as it came.
  const pretty = arriving ? null : prettyJson(choice.message.content);
  const message = pretty && !raw ? { ...choice.message, content: jsonFence(pretty) } : choice.message;
  return (
    <div className="choice">
      {pretty ? (
        <button type="button" className="json-toggle" aria-pressed={raw} onClick={() => setRaw(!raw)}>
          Show the raw JSON
        </button>
      ) : null}
      <Message
        message={message}
        status={status}
        finishReason={choice.finish_reason}
        audioFormat={audioFormat}
        aria-label={`Choice ${choice.index + 1}`}
      />
      {content && content.length > 0 ? <TokenLogprobs tokens={content} label={`Choice ${choice.index + 1}`} /> : null}
      {refusal && refusal.length > 0 ? (
        <TokenLogprobs tokens={refusal} label={`Choice ${choice.index + 1} refusal`} />
      ) : null}
      {/* A named tool_choice ends with finish_reason "stop" and still calls: any call gets the form. */}
      {calls.length > 0 && !arriving ? (
        <ToolAnswers calls={calls} onContinue={(results) => onAnswerTools(choice, results)} />
      ) : null}
    </div>
  );
}
