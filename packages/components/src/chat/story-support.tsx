// Data and a small harness for the chat stories: a thread of messages with an answer streamed in on
// a timer, as the conversation store would hand them over.
import { useEffect, useRef, useState } from 'react';
import { type AnyMessage, Message } from '../message/message.tsx';
import { Thread } from './thread.tsx';

const words =
  'Streams deliver an answer in pieces, so a reader can start before the end arrives. Each piece is a small delta that the client folds into the message shown so far.'.split(
    ' ',
  );

export const sampleMessages = (count: number): AnyMessage[] =>
  Array.from({ length: count }, (_, index) =>
    index % 2 === 0
      ? { role: 'user', content: `Question ${index / 2 + 1}: how do streams work?` }
      : { role: 'assistant', content: `Answer ${(index + 1) / 2}. ${words.slice(0, 8 + (index % 7) * 3).join(' ')}` },
  );

export interface DemoThreadProps {
  messages: AnyMessage[];
  /** Words of an answer to stream in after the messages, one every `interval` ms. */
  stream?: number;
  interval?: number;
  starters?: string[];
  onPick?: (prompt: string) => void;
  height?: number;
  /** The reader stops the answer after this many words (kept, marked as stopped). */
  stopAfter?: number;
}

export function DemoThread({
  messages,
  stream = 0,
  interval = 40,
  starters,
  onPick,
  height = 420,
  stopAfter,
}: DemoThreadProps) {
  const [written, setWritten] = useState(0);
  const timer = useRef(0);
  useEffect(() => {
    if (!stream) return;
    timer.current = window.setInterval(() => {
      setWritten((count) => {
        const last = Math.min(stream, stopAfter ?? stream);
        if (count + 1 >= last) window.clearInterval(timer.current);
        return Math.min(last, count + 1);
      });
    }, interval);
    return () => window.clearInterval(timer.current);
  }, [stream, interval, stopAfter]);
  const stopped = stopAfter !== undefined && written >= stopAfter;
  const streaming = stream > 0 && written < stream && !stopped;
  const status = streaming ? 'streaming' : stopped ? 'aborted' : 'done';
  const answer: AnyMessage = {
    role: 'assistant',
    content: Array.from({ length: written }, (_, index) => words[index % words.length]).join(' '),
  };
  const all = stream ? [...messages, answer] : messages;
  return (
    <div style={{ height, display: 'flex', flexDirection: 'column' }} data-slot="chat-main" data-written={written}>
      <Thread.Root count={all.length} status={status}>
        <Thread.Viewport
          renderItem={(index) => (
            <Message
              message={all[index] as AnyMessage}
              status={index !== all.length - 1 || !stream ? 'done' : status}
            />
          )}
        />
        <Thread.Empty>
          <p>Ask anything to start.</p>
          {starters ? <Thread.Starters prompts={starters} onPick={onPick ?? (() => undefined)} /> : null}
        </Thread.Empty>
        <Thread.JumpToLatest />
      </Thread.Root>
    </div>
  );
}
