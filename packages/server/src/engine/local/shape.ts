import type { CompletionUsage } from '@completions-kit/core';
import type { CreateRequest } from '../../validation/create-params.ts';
import { checkBudget } from './budget.ts';
import type { Reply } from './reply.ts';
import { encode } from './tokenizer.ts';

export { randomId } from './random-id.ts';
export const SYSTEM_FINGERPRINT = 'fp_ck_local';

/** Prompt tokens as the API counts chat input: each message's text plus a few tokens of framing. */
export function countPromptTokens(request: CreateRequest): number {
  let count = 3;
  for (const message of request.messages) {
    count += 3;
    const content = message.content;
    if (typeof content === 'string') count += encode(content).length;
    else if (Array.isArray(content)) {
      for (const part of content) if (part.type === 'text') count += encode(part.text).length;
    }
    if ('name' in message && message.name) count += 1;
  }
  return count;
}

/**
 * Usage as the API reports it. With a prediction, the prediction's tokens that the output reused
 * (the longest common subsequence of the two token lists) are accepted, the rest rejected.
 */
export function usageOf(promptTokens: number, replies: Reply[], prediction: string | null): CompletionUsage {
  const text = replies.reduce((sum, reply) => sum + reply.textTokens, 0);
  const audio = replies.reduce((sum, reply) => sum + reply.audioTokens, 0);
  let accepted = 0;
  let rejected = 0;
  if (prediction !== null) {
    const predicted = encode(prediction);
    for (const reply of replies) {
      // Both sides tokenized the same way: a sampled token run need not be the text's own tokens.
      const reused = commonSubsequence(predicted, encode(reply.text));
      accepted += reused;
      rejected += predicted.length - reused;
    }
  }
  const usage: CompletionUsage = {
    prompt_tokens: promptTokens,
    completion_tokens: text + audio,
    total_tokens: promptTokens + text + audio,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: audio,
      accepted_prediction_tokens: accepted,
      rejected_prediction_tokens: rejected,
    },
  };
  if (audio > 0) {
    Object.assign(usage.prompt_tokens_details as object, { text_tokens: promptTokens, image_tokens: 0 });
    Object.assign(usage.completion_tokens_details as object, { text_tokens: text });
  }
  return usage;
}

function commonSubsequence(a: number[], b: number[]): number {
  const shorter = a.length <= b.length ? a : b;
  const longer = shorter === a ? b : a;
  let previous = new Uint32Array(shorter.length + 1);
  let current = new Uint32Array(shorter.length + 1);
  for (const item of longer.slice(0, 20_000)) {
    checkBudget();
    for (let index = 1; index <= shorter.length; index++) {
      current[index] =
        shorter[index - 1] === item
          ? (previous[index - 1] as number) + 1
          : Math.max(previous[index] as number, current[index - 1] as number);
    }
    [previous, current] = [current, previous];
  }
  return previous[shorter.length] as number;
}
