import type { AnswerPart } from './answer-shape.ts';
import { checkBudget } from './budget.ts';
import { choose, topAlternatives } from './choose.ts';
import type { Grounding } from './grounding.ts';
import { type Distribution, END, type NgramModel } from './ngram-model.ts';
import type { Random } from './random.ts';
import { encode, owedAfter, owedAfterToken, tokenBytes, tokenText } from './tokenizer.ts';

export { choose, topAlternatives };

export interface GenerationOptions {
  maxTokens: number;
  /** 0 is greedy. */
  temperature: number;
  topP: number;
  stop: string[];
  /** Alternatives per token; null when logprobs were not asked for. */
  topLogprobs: number | null;
  logitBias: Map<number, number>;
  presencePenalty: number;
  frequencyPenalty: number;
  random: Random;
  /** The most sentences the answer may have (an instruction in the system prompt); null for any. */
  maxSentences?: number | null;
  prompt: ReturnType<typeof import('./ngram-model.ts').countsOf> | null;
  /** This choice's way through the passages a plain answer copies its sentences from; absent for other forms. */
  grounding?: Grounding | null;
}

export interface GeneratedToken {
  id: number;
  /** The text this token adds to the content (empty while it holds part of a character). */
  text: string;
  logprob: number;
  top: { id: number; logprob: number }[];
}

export interface GeneratedChoice {
  tokens: GeneratedToken[];
  content: string;
  finishReason: 'stop' | 'length';
  /** Tokens generated, including any that a stop sequence cut from the content. */
  completionTokens: number;
}

/** How a lazily generated choice ended: its content is its tokens' text cut to `contentLength`. */
export interface ChoiceEnd {
  finishReason: 'stop' | 'length';
  completionTokens: number;
  /** UTF-16 length of the content: shorter than the tokens' text when a stop sequence began in an earlier token. */
  contentLength: number;
}

interface Writing {
  /** Tokens written so far (what max_completion_tokens counts); they leave as they are made. */
  count: number;
  made: GeneratedToken[];
  seen: Map<number, number>;
  decoder: TextDecoder;
  /** UTF-8 continuation bytes the text still owes: the next token must pay them first. */
  owed: number;
  /** The end of the content: enough to find a stop sequence or a closing fence, so memory stays flat. */
  tail: string;
  /** Length of the content before `tail`. */
  offset: number;
  /** Characters of `tail` kept when it is trimmed. */
  keep: number;
  previous2: number;
  previous1: number;
  /** Sentences ended so far. */
  sentences: number;
  /** The text of the last token written. */
  last: string;
  /** The model itself wrote the next part's opening (a paragraph break), so it is not forced again. */
  opened: boolean;
}

/** `done`: the answer has all the sentences it may have, and ends as if the model had ended it. */
type Ending = 'next' | 'end' | 'cut' | 'length' | 'done';

/** A sentence ends at a full stop, question or exclamation mark, after any closing quote or bracket. */
const SENTENCE_END = /[.!?]["')\]]?\s*$/;

/** One free paragraph, ended only by the model: what a plain answer is without a shape. */
const ONE_PARAGRAPH: AnswerPart[] = [
  { kind: 'paragraph', opening: '', minTokens: 0, maxTokens: Number.POSITIVE_INFINITY },
];

/** Characters of content kept past the longest stop sequence. */
const TAIL = 64;

/** Generates one choice whole: the lazy generation, collected. */
export function generate(model: NgramModel, options: GenerationOptions, parts = ONE_PARAGRAPH): GeneratedChoice {
  const tokens: GeneratedToken[] = [];
  const iterator = generateTokens(model, options, parts);
  for (let step = iterator.next(); ; step = iterator.next()) {
    if (!step.done) {
      tokens.push(step.value);
      continue;
    }
    const { finishReason, completionTokens, contentLength } = step.value;
    const content = tokens
      .map((token) => token.text)
      .join('')
      .slice(0, contentLength);
    return { tokens, content, finishReason, completionTokens };
  }
}

/**
 * Generates one choice token by token, part after part of its shape (paragraphs, list items, a
 * code block); logprobs are the model's own probabilities, forced openings carry 0. The model
 * ends a part by drawing its end-of-text token; the last part's end ends the answer. Lazy: each
 * token is made when asked for, so an answer costs memory and time only as it is read.
 */
export function* generateTokens(
  model: NgramModel,
  options: GenerationOptions,
  parts = ONE_PARAGRAPH,
): Generator<GeneratedToken, ChoiceEnd> {
  const writing: Writing = {
    count: 0,
    made: [],
    seen: new Map(),
    decoder: new TextDecoder(),
    owed: 0,
    tail: '',
    offset: 0,
    keep: TAIL + Math.max(0, ...options.stop.map((stop) => stop.length)),
    previous2: -1,
    previous1: -1,
    sentences: 0,
    last: '',
    opened: false,
  };
  let ending: Ending = 'end';
  // Told how many sentences: one paragraph, ended after the last sentence allowed.
  const shape = options.maxSentences ? ONE_PARAGRAPH : parts;
  for (const [index, part] of shape.entries()) {
    // Nothing left to say: the answer ends rather than opening a part it cannot fill; with no
    // example to copy, it has no code block.
    if (options.grounding?.exhausted(part.kind)) {
      if (part.kind === 'code') continue;
      if (index > 0) break;
    }
    ending = yield* writePart(model, options, writing, part, shape[index + 1]?.opening ?? null);
    if (ending !== 'next' && ending !== 'end') break;
    if (ending === 'end' && index === shape.length - 1) break;
  }
  yield* writing.made.splice(0);
  const contentLength = writing.offset + writing.tail.length;
  if (ending === 'length') return { finishReason: 'length', completionTokens: writing.count, contentLength };
  // The end-of-text token is generated too: usage counts it, as before any shape.
  return { finishReason: 'stop', completionTokens: writing.count + (ending === 'cut' ? 0 : 1), contentLength };
}

function* writePart(
  model: NgramModel,
  options: GenerationOptions,
  writing: Writing,
  part: AnswerPart,
  nextOpening: string | null,
): Generator<GeneratedToken, Ending> {
  const forced = writing.opened ? null : yield* force(model, options, writing, part.opening);
  writing.opened = false;
  if (forced) return forced;
  // A paragraph starts as the paragraphs the model learned from start.
  if (part.kind === 'paragraph') writing.previous2 = writing.previous1 = -1;
  const { grounding } = options;
  grounding?.startPart(part.kind);
  const banned = (id: number) => (options.logitBias.get(id) ?? 0) <= -100;
  // A token the request pushes up (logit_bias > 0) may lead away from the passages: it is not held to them.
  const steered = [...options.logitBias.values()].some((bias) => bias > 0);
  // A grounded paragraph with another after it ends on the break the model writes, as it would any token.
  const paragraphBreak = part.kind === 'paragraph' && nextOpening === '\n\n' ? (encode('\n\n')[0] as number) : END;
  for (let count = 0; ; count++) {
    if (writing.count >= options.maxTokens) return 'length';
    checkBudget();
    const mayEnd = (count >= part.minTokens || !!grounding?.exhausted()) && writing.owed === 0;
    const grounded = grounding?.next(mayEnd, banned, paragraphBreak) ?? null;
    const held = grounded !== null && !steered;
    const distribution = model.distribution(writing.previous2, writing.previous1, options.prompt, grounded);
    const id =
      count >= part.maxTokens
        ? END
        : choose(distribution, options, writing.seen, (candidate) =>
            candidate === END || candidate === paragraphBreak
              ? mayEnd && (!held || grounded.count(candidate) > 0)
              : (!held || grounded.count(candidate) > 0) &&
                owedAfterToken(writing.owed, candidate) >= 0 &&
                fits(part, candidate, count),
          );
    if (id === END || (part.kind === 'code' && writing.tail.endsWith('```')))
      return yield* closePart(model, options, writing, part);
    const ending = push(writing, options, id, Math.log(distribution.probability(id)), distribution);
    yield* writing.made.splice(0);
    if (ending) return ending;
    if (id === paragraphBreak) {
      writing.opened = true;
      return 'end';
    }
    const ended = sentenceEnded(writing, grounding, part, id);
    if (options.maxSentences && ended && ++writing.sentences >= options.maxSentences) return 'done';
  }
}

/**
 * Whether the token just written ended a sentence: a grounded one when its last token is written;
 * free text at a full stop (counted once, on the token that brings the mark: the text may go on
 * with a quote or a line break), after which the passages are open again.
 */
function sentenceEnded(
  writing: Writing,
  grounding: Grounding | null | undefined,
  part: AnswerPart,
  id: number,
): boolean {
  if (grounding && !grounding.off) return grounding.advance(id);
  const ended = part.kind !== 'code' && /[.!?]/.test(writing.last) && SENTENCE_END.test(writing.tail);
  if (ended && grounding) grounding.resume();
  return ended;
}

/** List items stay on one line and open with a word; anything goes in a code block or a paragraph. */
function fits(part: AnswerPart, id: number, count: number): boolean {
  if (part.kind !== 'item') return true;
  const text = tokenText(id);
  return !text.includes('\n') && (count > 0 || /^ \p{L}/u.test(text));
}

function* closePart(
  model: NgramModel,
  options: GenerationOptions,
  writing: Writing,
  part: AnswerPart,
): Generator<GeneratedToken, Ending> {
  const ending =
    part.kind === 'code' && !writing.tail.endsWith('```') && (yield* force(model, options, writing, '\n```'));
  return ending || (part.kind === 'paragraph' ? 'end' : 'next');
}

/**
 * Writes the tokens a shape leaves no choice about (a paragraph break, a list mark, a fence). Their
 * logprobs are still the model's own, floored at the API's -9999 for a token it never saw there.
 */
function* force(
  model: NgramModel,
  options: GenerationOptions,
  writing: Writing,
  text: string,
): Generator<GeneratedToken, Ending | null> {
  if (writing.owed > 0) {
    // A part ended mid-character (no token could finish it): the unfinished bytes are dropped.
    writing.decoder = new TextDecoder();
    writing.owed = 0;
  }
  for (const id of text ? encode(text) : []) {
    const distribution = model.distribution(writing.previous2, writing.previous1, options.prompt);
    const probability = distribution.probability(id);
    const ending = push(writing, options, id, probability > 0 ? Math.log(probability) : -9999, distribution);
    yield* writing.made.splice(0);
    if (ending) return ending;
  }
  return null;
}

/** Adds one token; says how the answer ends if it ends here (a stop sequence, the token limit). */
function push(
  writing: Writing,
  options: GenerationOptions,
  id: number,
  logprob: number,
  distribution: Distribution,
): Ending | null {
  if (writing.count >= options.maxTokens) return 'length';
  const bytes = tokenBytes(id);
  writing.owed = Math.max(0, owedAfter(writing.owed, bytes));
  const text = writing.decoder.decode(new Uint8Array(bytes), { stream: true });
  const token: GeneratedToken = { id, text, logprob, top: [] };
  if (options.topLogprobs) token.top = topAlternatives(distribution, options.topLogprobs);
  writing.made.push(token);
  writing.last = text;
  writing.count++;
  writing.seen.set(id, (writing.seen.get(id) ?? 0) + 1);
  const stopAt = findStop(writing.tail, text, options.stop);
  if (stopAt !== -1) {
    // The content ends right before the stop sequence, as the API's does.
    token.text = text.slice(0, Math.max(0, stopAt - writing.tail.length));
    writing.tail = writing.tail.slice(0, Math.min(writing.tail.length, stopAt)) + token.text;
    return 'cut';
  }
  writing.tail += text;
  const { keep } = writing;
  if (writing.tail.length > 4 * keep) {
    writing.offset += writing.tail.length - keep;
    writing.tail = writing.tail.slice(-keep);
  }
  writing.previous2 = writing.previous1;
  writing.previous1 = id;
  return null;
}

function findStop(before: string, added: string, stops: string[]): number {
  if (stops.length === 0 || added === '') return -1;
  const longest = Math.max(...stops.map((stop) => stop.length));
  // Only a window that reaches into the new text can hold a new match.
  const windowStart = Math.max(0, before.length - longest + 1);
  const window = before.slice(windowStart) + added;
  let found = -1;
  for (const stop of stops) {
    const index = window.indexOf(stop);
    if (index !== -1 && (found === -1 || index + windowStart < found)) found = index + windowStart;
  }
  return found;
}
