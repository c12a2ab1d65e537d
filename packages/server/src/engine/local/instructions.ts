import type { ChatCompletionMessageParam } from '@completions-kit/core';
import { conversationText } from '../../validation/messages.ts';

const NUMBERS: Record<string, number> = {
  a: 1,
  one: 1,
  single: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

const LIMIT =
  /\b(?:at most|no more than|not more than|up to|only|exactly|in|with|using)\s+(?:a\s+)?(\d{1,2}|a|one|single|two|three|four|five|six|seven|eight|nine|ten)\s+sentences?\b/i;

/**
 * The number of sentences the system (or developer) messages allow an answer, when they say so
 * plainly ("answer in at most three sentences", "in one sentence"); null when they do not.
 */
export function sentenceLimit(messages: ChatCompletionMessageParam[]): number | null {
  const instructions = messages.filter((message) => message.role === 'system' || message.role === 'developer');
  const match = LIMIT.exec(conversationText(instructions).slice(0, 20_000));
  if (!match) return null;
  const word = (match[1] as string).toLowerCase();
  const count = NUMBERS[word] ?? Number(word);
  return count >= 1 ? count : null;
}
