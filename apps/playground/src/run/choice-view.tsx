import { type AudioFormat, type ChoiceLike, Message, TokenLogprobs } from '@completions-kit/components';
import type { RunStatus } from '@completions-kit/core';
import { functionCalls } from './function-calls.ts';
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
  return (
    <div className="choice">
      <Message
        message={choice.message}
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
      {calls.length > 0 && status !== 'streaming' && status !== 'submitted' ? (
        <ToolAnswers calls={calls} onContinue={(results) => onAnswerTools(choice, results)} />
      ) : null}
    </div>
  );
}
