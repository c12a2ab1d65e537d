import type { ChatCompletionMessageParam, TurnNode } from '@completions-kit/core';
import { useEffect, useRef, useState } from 'react';
import { textOf } from './turn-view.tsx';

/** What a follow-up callback is given: the answer just finished, and the conversation that led to it. */
export interface FollowUpContext {
  /** The answer's text. */
  answer: string;
  /** Every message of the conversation as shown, the answer last. */
  messages: readonly ChatCompletionMessageParam[];
}

/** The app's follow-up suggestions for an answer: a few short prompts, now or later. */
export type FollowUps = (context: FollowUpContext) => readonly string[] | Promise<readonly string[]>;

/**
 * The suggestions for the newest answer once it has finished with text: asked once per answer, and
 * dropped as soon as the conversation moves on (a new question, a regeneration, a branch switch). A
 * callback that fails or answers late for an answer no longer shown is ignored.
 */
export function useFollowUps(path: readonly TurnNode[], idle: boolean, followUps: FollowUps | undefined) {
  const [shown, setShown] = useState<{ id: string; prompts: readonly string[] } | null>(null);
  const last = path.at(-1);
  const answer = last?.message.role === 'assistant' && !last.message.tool_calls?.length ? last : undefined;
  const text = answer ? textOf(answer.message.content) : '';
  const id = idle && answer && text.trim() ? answer.id : null;
  // Asked once per finished answer (its id names it), with that answer's text and path.
  const latest = useRef({ text, path });
  latest.current = { text, path };
  useEffect(() => {
    if (!followUps || !id) return;
    let current = true;
    const { text: answerText, path: shownPath } = latest.current;
    Promise.resolve()
      .then(() => followUps({ answer: answerText, messages: shownPath.map((node) => node.message) }))
      .then(
        (prompts) => {
          if (current) setShown({ id, prompts: prompts.filter((prompt) => prompt.trim()).slice(0, 6) });
        },
        () => undefined,
      );
    return () => {
      current = false;
    };
  }, [followUps, id]);
  return shown && shown.id === id ? shown.prompts : [];
}
