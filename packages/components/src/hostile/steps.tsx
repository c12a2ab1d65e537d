// The renders a hostile case goes through: its streamed steps, then the final one. Shared by the
// hostile suite (hostile.browser.test.tsx) and the benchmark that times them (pnpm bench:hostile).
import type { ReactElement } from 'react';
import { TokenLogprobs } from '../logprobs/token-logprobs.tsx';
import { type AnyMessage, Message } from '../message/message.tsx';
import { StoredTable } from '../stored/stored-table.tsx';
import { UsageView } from '../usage/usage-view.tsx';
import type { HostileCase } from './corpus.ts';

/** The message as it stands `fraction` of the way through its stream: every streamed field cut. */
function partial(message: AnyMessage, fraction: number): AnyMessage {
  const cut = <T,>(text: T): T =>
    (typeof text === 'string' ? text.slice(0, Math.floor(text.length * fraction)) : text) as T;
  const calls = message.tool_calls?.map((call) => {
    if (call && 'custom' in call && call.custom)
      return { ...call, custom: { ...call.custom, input: cut(call.custom.input) } };
    if (call && 'function' in call && call.function)
      return { ...call, function: { ...call.function, arguments: cut(call.function.arguments) } };
    return call;
  });
  return {
    ...message,
    content: cut(message.content),
    refusal: cut(message.refusal),
    tool_calls: calls as AnyMessage['tool_calls'],
    function_call: message.function_call && {
      ...message.function_call,
      arguments: cut(message.function_call.arguments),
    },
    audio: message.audio && { ...message.audio, transcript: cut(message.audio.transcript) },
  };
}

/** The elements to render in turn: the streamed steps, then the final one. */
export function steps(hostile: HostileCase): ReactElement[] {
  switch (hostile.kind) {
    case 'message': {
      const pieces = hostile.pieces ?? 6;
      const streamed = Array.from({ length: pieces - 1 }, (_, index) => (
        <Message key="case" message={partial(hostile.message, (index + 1) / pieces)} status="streaming" />
      ));
      return [...streamed, <Message key="case" message={hostile.message} status="done" />];
    }
    case 'logprobs':
      return [0.25, 0.5, 0.75, 1].map((fraction) => (
        <TokenLogprobs key="case" tokens={hostile.tokens.slice(0, Math.ceil(hostile.tokens.length * fraction))} />
      ));
    case 'usage':
      return [
        <UsageView key="case" completion={{ ...hostile.completion, usage: null }} />,
        <UsageView key="case" completion={hostile.completion} />,
      ];
    case 'stored':
      return [
        <StoredTable key="case" items={hostile.rows.slice(0, 1)} />,
        <StoredTable key="case" items={hostile.rows} />,
      ];
  }
}
