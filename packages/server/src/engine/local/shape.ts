import { randomBytes } from 'node:crypto';
import type { ChatCompletion, ChatCompletionTokenLogprob, CompletionUsage } from '@completions-kit/core';
import type { CreateRequest } from '../../validation/create-params.ts';
import type { GeneratedChoice, GeneratedToken } from './generate.ts';
import { encode, tokenBytes, tokenText } from './tokenizer.ts';

export const SYSTEM_FINGERPRINT = 'fp_ck_local';
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomId(prefix: string, length = 29): string {
  const bytes = randomBytes(length);
  let id = prefix;
  for (const byte of bytes) id += alphabet[byte % alphabet.length];
  return id;
}

export interface CompletionMeta {
  id: string;
  created: number;
  model: string;
}

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

export function usageOf(promptTokens: number, choices: GeneratedChoice[]): CompletionUsage {
  const completion = choices.reduce((sum, choice) => sum + choice.completionTokens, 0);
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completion,
    total_tokens: promptTokens + completion,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

function logprobEntry(token: GeneratedToken): ChatCompletionTokenLogprob {
  return {
    token: tokenText(token.id),
    logprob: token.logprob,
    bytes: tokenBytes(token.id),
    top_logprobs: token.top.map((alternative) => ({
      token: tokenText(alternative.id),
      logprob: alternative.logprob,
      bytes: tokenBytes(alternative.id),
    })),
  };
}

export function completionFrom(
  request: CreateRequest,
  choices: GeneratedChoice[],
  meta: CompletionMeta,
  usage: CompletionUsage,
): ChatCompletion {
  return {
    id: meta.id,
    object: 'chat.completion',
    created: meta.created,
    model: meta.model,
    choices: choices.map((choice, index) => ({
      index,
      message: { role: 'assistant', content: choice.content, refusal: null, annotations: [] },
      logprobs: request.logprobs ? { content: choice.tokens.map(logprobEntry), refusal: null } : null,
      finish_reason: choice.finishReason,
    })),
    usage,
    service_tier: 'default',
    system_fingerprint: SYSTEM_FINGERPRINT,
  };
}

/** Random padding like the real API's, so chunk sizes do not reveal token lengths. */
function obfuscation(): string {
  const bytes = randomBytes(16);
  const length = (bytes[0] as number) % 16;
  let text = '';
  for (let index = 1; index <= length; index++) text += alphabet[(bytes[index] as number) % alphabet.length];
  return text;
}

/**
 * The chunks of a streamed completion in the real API's order: a role chunk per choice, content
 * chunks interleaved across choices, a finish chunk per choice, then the usage chunk if asked for.
 */
export function* chunksFrom(
  request: CreateRequest,
  choices: GeneratedChoice[],
  meta: CompletionMeta,
  usage: CompletionUsage,
): Generator<Record<string, unknown>> {
  const frame = (chunkChoices: unknown[], extra: Record<string, unknown> = {}) => {
    const chunk: Record<string, unknown> = {
      id: meta.id,
      object: 'chat.completion.chunk',
      created: meta.created,
      model: meta.model,
      service_tier: 'default',
      system_fingerprint: SYSTEM_FINGERPRINT,
      choices: chunkChoices,
    };
    if (request.includeUsage) chunk.usage = null;
    Object.assign(chunk, extra);
    if (request.includeObfuscation) chunk.obfuscation = obfuscation();
    return chunk;
  };
  const emptyLogprobs = request.logprobs ? { content: [], refusal: null } : null;
  for (const [index] of choices.entries()) {
    yield frame([
      { index, delta: { role: 'assistant', content: '', refusal: null }, logprobs: emptyLogprobs, finish_reason: null },
    ]);
  }
  const longest = Math.max(0, ...choices.map((choice) => choice.tokens.length));
  for (let position = 0; position < longest; position++) {
    for (const [index, choice] of choices.entries()) {
      const token = choice.tokens[position];
      if (!token) continue;
      const logprobs = request.logprobs ? { content: [logprobEntry(token)], refusal: null } : null;
      yield frame([{ index, delta: { content: token.text }, logprobs, finish_reason: null }]);
    }
  }
  for (const [index, choice] of choices.entries()) {
    yield frame([{ index, delta: {}, logprobs: null, finish_reason: choice.finishReason }]);
  }
  if (request.includeUsage) yield frame([], { usage });
}
