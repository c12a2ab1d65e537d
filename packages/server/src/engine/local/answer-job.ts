import type { CompletionUsage } from '@completions-kit/core';
import { type AnswerInput, beginAnswer, underBudget } from './answer.ts';
import type { ChoiceEnd, GeneratedToken } from './generate.ts';
import type { LocalModel } from './local-engine.ts';
import type { Reply } from './reply.ts';
import { usageOf } from './shape.ts';

/** What is known of an answer before its first token is read. */
export interface AnswerHead {
  /** True when the choices are plain text made as they are read; false when `replies` are whole. */
  lazy: boolean;
  /** Whole replies (not lazy); empty otherwise. */
  replies: Reply[];
  promptTokens: number;
  /** Known up front for a whole answer; null for a lazy one (it depends on the tokens to come). */
  usage: CompletionUsage | null;
}

/** The next tokens of a lazy answer, in the order a stream sends them: one per unfinished choice in turn. */
export interface AnswerSlice {
  tokens: { choice: number; token: GeneratedToken }[];
  /** Choices that ended in this slice. */
  ended: { choice: number; end: ChoiceEnd }[];
  done: boolean;
}

/** A slice ends after this much model time, so the worker turns to the next request often. */
const SLICE_MS = 4;
/** ... or this many tokens, so a slice waiting to be read stays small. */
const SLICE_TOKENS = 512;

/**
 * One request inside the model worker. A plain answer is generated a slice at a time, when the
 * server asks for the next one: a client that reads slowly (or left) costs no more than a slice.
 */
export class AnswerJob {
  readonly head: AnswerHead;
  #choices: (Generator<GeneratedToken, ChoiceEnd> | null)[] = [];
  /** Model time left for a non-streamed answer; a stream is bounded by the answer-length limit instead. */
  #timeLeftMs: number;
  #budgetMs: number;
  /** Tokens made so far, across choices. */
  made = 0;

  constructor(model: LocalModel, input: AnswerInput) {
    const started = performance.now();
    this.#budgetMs = input.budget.timeMs;
    const { create, promptTokens, begun } = beginAnswer(model, input);
    if (begun.lazy) {
      this.#choices = begun.choices;
      this.head = { lazy: true, replies: [], promptTokens, usage: null };
    } else {
      const usage = underBudget(
        input.budget.timeMs - (performance.now() - started),
        () => usageOf(promptTokens, begun.replies, create.prediction),
        input.budget.timeMs,
      );
      this.head = { lazy: false, replies: begun.replies, promptTokens, usage };
    }
    this.#timeLeftMs = create.stream ? Number.POSITIVE_INFINITY : input.budget.timeMs - (performance.now() - started);
  }

  slice(): AnswerSlice {
    const started = performance.now();
    const slice: AnswerSlice = { tokens: [], ended: [], done: false };
    underBudget(
      this.#timeLeftMs,
      () => {
        while (slice.tokens.length < SLICE_TOKENS && performance.now() - started < SLICE_MS && this.#turn(slice));
      },
      this.#budgetMs,
    );
    this.#timeLeftMs -= performance.now() - started;
    this.made += slice.tokens.length;
    slice.done = this.#choices.every((choice) => choice === null);
    return slice;
  }

  /** One token from each unfinished choice, in index order; false once every choice has ended. */
  #turn(slice: AnswerSlice): boolean {
    let open = false;
    for (const [choice, generator] of this.#choices.entries()) {
      if (!generator) continue;
      const step = generator.next();
      if (step.done) {
        slice.ended.push({ choice, end: step.value });
        this.#choices[choice] = null;
      } else {
        slice.tokens.push({ choice, token: step.value });
        open = true;
      }
    }
    return open;
  }
}
