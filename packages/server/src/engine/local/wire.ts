import { randomBytes } from 'node:crypto';
import type { ChatCompletion, ChatCompletionTokenLogprob, CompletionUsage } from '@completions-kit/core';
import type { CreateRequest } from '../../validation/create-params.ts';
import type { GeneratedToken } from './generate.ts';
import { alphabet } from './random-id.ts';
import { type Reply, textOf } from './reply.ts';
import { SYSTEM_FINGERPRINT } from './shape.ts';
import { tokenBytes, tokenText } from './tokenizer.ts';

export interface CompletionMeta {
  id: string;
  created: number;
  model: string;
}

/** Base64 pieces of audio data in a stream: a multiple of 4 characters, so each piece decodes alone. */
const AUDIO_PIECE = 16_384;

export function logprobEntry(token: GeneratedToken): ChatCompletionTokenLogprob {
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

function annotation(citation: Reply['citations'][number]) {
  return {
    type: 'url_citation' as const,
    url_citation: { start_index: citation.start, end_index: citation.end, title: citation.title, url: citation.url },
  };
}

function messageOf(reply: Reply): Record<string, unknown> {
  const base = { role: 'assistant', content: null as string | null, refusal: null as string | null };
  switch (reply.kind) {
    case 'content':
      return { ...base, content: reply.text, annotations: reply.citations.map(annotation) };
    case 'refusal':
      return { ...base, refusal: reply.text, annotations: [] };
    case 'tool_calls':
      return {
        ...base,
        tool_calls: reply.toolCalls.map((call) =>
          call.type === 'function'
            ? { id: call.id, type: 'function', function: { name: call.name, arguments: textOf(call.tokens) } }
            : { id: call.id, type: 'custom', custom: { name: call.name, input: textOf(call.tokens) } },
        ),
        annotations: [],
      };
    case 'function_call': {
      const call = reply.toolCalls[0];
      return {
        ...base,
        function_call: { name: call?.name ?? '', arguments: call ? textOf(call.tokens) : '' },
        annotations: [],
      };
    }
    case 'audio': {
      const audio = reply.audio;
      return {
        ...base,
        audio: audio && { id: audio.id, data: audio.data, expires_at: audio.expiresAt, transcript: audio.transcript },
        annotations: [],
      };
    }
  }
}

function logprobsOf(request: CreateRequest, reply: Reply) {
  if (!request.logprobs) return null;
  const entries = reply.tokens.map(logprobEntry);
  if (reply.kind === 'content') return { content: entries, refusal: null };
  if (reply.kind === 'refusal') return { content: null, refusal: entries };
  // Tool calls and audio carry no token logprobs, in a stream or not.
  return null;
}

export function completionFrom(
  request: CreateRequest,
  replies: Reply[],
  meta: CompletionMeta,
  usage: CompletionUsage,
): ChatCompletion {
  return {
    id: meta.id,
    object: 'chat.completion',
    created: meta.created,
    model: meta.model,
    choices: replies.map((reply, index) => ({
      index,
      message: messageOf(reply) as unknown as ChatCompletion['choices'][number]['message'],
      logprobs: logprobsOf(request, reply),
      finish_reason: reply.finishReason,
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

type ChoiceChunk = Record<string, unknown>;

/** The choice parts of one reply's chunks: opening, body, and the finish (none for audio, as on the wire). */
function choiceChunks(request: CreateRequest, reply: Reply, index: number) {
  const none = !request.logprobs
    ? null
    : reply.kind === 'refusal'
      ? { content: null, refusal: [] }
      : { content: [], refusal: null };
  const piece = (delta: Record<string, unknown>, logprobs: unknown = null): ChoiceChunk => ({
    index,
    delta,
    logprobs,
    finish_reason: null,
  });
  const body: ChoiceChunk[] = [];
  let opening: ChoiceChunk;
  if (reply.kind === 'content' || reply.kind === 'refusal') {
    const field = reply.kind;
    opening = piece(
      field === 'content'
        ? { role: 'assistant', content: '', refusal: null }
        : { role: 'assistant', content: null, refusal: '' },
      none,
    );
    for (const token of reply.tokens) {
      const logprobs = request.logprobs
        ? field === 'content'
          ? { content: [logprobEntry(token)], refusal: null }
          : { content: null, refusal: [logprobEntry(token)] }
        : null;
      body.push(piece({ [field]: token.text }, logprobs));
    }
    // A choice's annotations travel together, in one chunk after its text, as the API sends them.
    if (reply.citations.length > 0) body.push(piece({ annotations: reply.citations.map(annotation) }));
  } else if (reply.kind === 'audio' && reply.audio) {
    const { audio } = reply;
    opening = piece({ role: 'assistant', content: null, refusal: null, audio: { id: audio.id, transcript: '' } });
    for (const token of reply.tokens) body.push(piece({ audio: { transcript: token.text } }));
    for (let at = 0; at < audio.data.length; at += AUDIO_PIECE)
      body.push(piece({ audio: { data: audio.data.slice(at, at + AUDIO_PIECE) } }));
  } else {
    opening = piece({ role: 'assistant', content: null });
    const delta = opening.delta as Record<string, unknown>;
    for (const [callIndex, call] of reply.toolCalls.entries()) {
      if (reply.kind === 'function_call') {
        delta.function_call = { name: call.name, arguments: '' };
        for (const token of call.tokens) body.push(piece({ function_call: { arguments: token.text } }));
        continue;
      }
      const head =
        call.type === 'function'
          ? { index: callIndex, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }
          : { index: callIndex, id: call.id, type: 'custom', custom: { name: call.name, input: '' } };
      if (callIndex === 0) delta.tool_calls = [head];
      else body.push(piece({ tool_calls: [head] }));
      for (const token of call.tokens) {
        const part =
          call.type === 'function' ? { function: { arguments: token.text } } : { custom: { input: token.text } };
        body.push(piece({ tool_calls: [{ index: callIndex, ...part }] }));
      }
    }
    delta.refusal = null;
  }
  const finish =
    reply.kind === 'audio' ? null : { index, delta: {}, logprobs: null, finish_reason: reply.finishReason };
  const trailer =
    reply.kind === 'audio' && reply.audio ? { index, delta: { audio: { expires_at: reply.audio.expiresAt } } } : null;
  return { opening, body, finish, trailer };
}

/** Wraps a chunk's choices in the chunk's frame: id, model, fingerprint, and usage and obfuscation as asked. */
export function chunkFrame(request: CreateRequest, meta: CompletionMeta) {
  return (chunkChoices: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> => {
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
}

/**
 * The chunks of a streamed completion in the real API's order: an opening chunk per choice, the
 * bodies interleaved across choices, a finish chunk per choice, the usage chunk if asked for, and
 * for audio the `expires_at` chunk after it.
 */
export function* chunksFrom(
  request: CreateRequest,
  replies: Reply[],
  meta: CompletionMeta,
  usage: CompletionUsage,
): Generator<Record<string, unknown>> {
  const frame = chunkFrame(request, meta);
  const parts = replies.map((reply, index) => choiceChunks(request, reply, index));
  for (const part of parts) yield frame([part.opening]);
  const longest = Math.max(0, ...parts.map((part) => part.body.length));
  for (let position = 0; position < longest; position++) {
    for (const part of parts) {
      const body = part.body[position];
      if (body) yield frame([body]);
    }
  }
  for (const part of parts) if (part.finish) yield frame([part.finish]);
  if (request.includeUsage) yield frame([], { usage });
  for (const part of parts) if (part.trailer) yield frame([part.trailer]);
}
