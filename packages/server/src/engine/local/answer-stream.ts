import type { ChatCompletion, CompletionUsage } from '@completions-kit/core';
import type { CreateRequest } from '../../validation/create-params.ts';
import type { AnswerHead, AnswerSlice } from './answer-job.ts';
import { emptyReply, type Reply } from './reply.ts';
import { usageOf } from './shape.ts';
import { type CompletionMeta, chunkFrame, chunksFrom, completionFrom, logprobEntry } from './wire.ts';

/** Where a lazy answer's slices come from: the model worker. */
export interface SliceSource {
  more(): Promise<AnswerSlice>;
  /** The reader left: the worker drops the answer. */
  cancel(): void;
}

/**
 * One answer on the server's side of the model worker. A lazy answer is read slice by slice, the
 * next asked for while the last is being sent (one ahead, never more): memory follows what the
 * client reads, and a client that leaves stops the generation.
 */
export class AnswerStream {
  /** One reply per choice; a lazy answer's gather their tokens only when kept (see `slices`). */
  readonly replies: Reply[];
  #ended = false;

  constructor(
    readonly head: AnswerHead,
    private readonly first: AnswerSlice | null,
    private readonly source: SliceSource,
    private readonly choices: number,
  ) {
    this.replies = head.lazy ? Array.from({ length: choices }, emptyReply) : head.replies;
    this.#ended = !head.lazy;
  }

  /** Usage once the answer has ended. */
  get usage(): CompletionUsage {
    return this.head.usage ?? usageOf(this.head.promptTokens, this.replies, null);
  }

  /** The lazy answer's slices; `keep` gathers the tokens into `replies` (to return or store the whole). */
  async *slices(keep: boolean): AsyncGenerator<AnswerSlice> {
    let slice = this.first;
    try {
      while (slice) {
        this.#apply(slice, keep);
        const next = slice.done ? null : this.source.more();
        // A reader that leaves mid-slice never awaits it: its failure is nobody's to report.
        next?.catch(() => {});
        yield slice;
        slice = next && (await next);
      }
      this.#ended = true;
    } finally {
      if (!this.#ended) this.source.cancel();
    }
  }

  /** The whole answer (non-streamed); stops early when `signal` says the client left. */
  async completion(create: CreateRequest, meta: CompletionMeta, signal?: AbortSignal): Promise<ChatCompletion> {
    if (this.head.lazy) for await (const _ of this.slices(true)) if (signal?.aborted) break;
    return completionFrom(create, this.replies, meta, this.usage);
  }

  /** The answer as read so far: the whole answer once `chunks` has ended (it keeps the tokens when storing). */
  completionNow(create: CreateRequest, meta: CompletionMeta): ChatCompletion {
    return completionFrom(create, this.replies, meta, this.usage);
  }

  /** A streamed answer's chunks, in the order the API sends them. */
  async *chunks(create: CreateRequest, meta: CompletionMeta): AsyncGenerator<Record<string, unknown>> {
    if (!this.head.lazy) {
      yield* chunksFrom(create, this.replies, meta, this.usage);
      return;
    }
    const frame = chunkFrame(create, meta);
    const none = create.logprobs ? { content: [], refusal: null } : null;
    for (let index = 0; index < this.choices; index++)
      yield frame([
        { index, delta: { role: 'assistant', content: '', refusal: null }, logprobs: none, finish_reason: null },
      ]);
    for await (const slice of this.slices(create.store)) {
      for (const { choice, token } of slice.tokens) {
        const logprobs = create.logprobs ? { content: [logprobEntry(token)], refusal: null } : null;
        yield frame([{ index: choice, delta: { content: token.text }, logprobs, finish_reason: null }]);
      }
    }
    for (const [index, reply] of this.replies.entries())
      yield frame([{ index, delta: {}, logprobs: null, finish_reason: reply.finishReason }]);
    if (create.includeUsage) yield frame([], { usage: this.usage });
  }

  #apply(slice: AnswerSlice, keep: boolean): void {
    if (keep) for (const { choice, token } of slice.tokens) this.replies[choice]?.tokens.push(token);
    for (const { choice, end } of slice.ended) {
      const reply = this.replies[choice];
      if (!reply) continue;
      reply.finishReason = end.finishReason;
      reply.textTokens = end.completionTokens;
      if (keep)
        reply.text = reply.tokens
          .map((token) => token.text)
          .join('')
          .slice(0, end.contentLength);
    }
  }
}
