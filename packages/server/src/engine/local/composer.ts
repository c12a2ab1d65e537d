import { checkBudget } from './budget.ts';
import { choose, type GeneratedToken, type GenerationOptions, topAlternatives } from './generate.ts';
import { END, type NgramModel } from './ngram-model.ts';
import { encode, tokenBytes, tokenText } from './tokenizer.ts';

/** Thrown when max_completion_tokens runs out mid-answer: what was written stays, cut short, as on the API. */
export class OutOfTokens extends Error {}

export interface FreeOptions {
  /** Which tokens may appear (on top of the model's own choice). */
  allow?: (id: number) => boolean;
  /** For the first token only, in place of `allow`: a value that should not open with a space. */
  allowFirst?: (id: number) => boolean;
  minTokens?: number;
  maxTokens: number;
}

/**
 * Writes one answer token by token: `free` samples the model, `force` writes what a constraint
 * leaves no choice about (JSON punctuation, a quoted value, a link). Forced tokens carry logprob 0,
 * the probability constrained decoding gives them; sampled ones carry the model's own.
 * Tokens go to the current segment; `take()` hands a segment over (one tool call, one content).
 */
export class Composer {
  #segment: GeneratedToken[] = [];
  #decoder = new TextDecoder();
  #seen = new Map<number, number>();
  #previous2 = -1;
  #previous1 = -1;
  #textLength = 0;
  /** Tokens written across every segment: what max_completion_tokens counts. */
  used = 0;

  constructor(
    private readonly model: NgramModel,
    readonly options: GenerationOptions,
  ) {}

  get random(): () => number {
    return this.options.random;
  }

  /** The text of the current segment so far. */
  get text(): string {
    return this.#segment.map((token) => token.text).join('');
  }

  get segmentLength(): number {
    return this.#segment.length;
  }

  get textLength(): number {
    return this.#textLength;
  }

  take(): GeneratedToken[] {
    const segment = this.#segment;
    this.#segment = [];
    this.#decoder = new TextDecoder();
    this.#textLength = 0;
    return segment;
  }

  force(text: string): void {
    for (const id of encode(text)) {
      const top = this.options.topLogprobs ? [{ id, logprob: 0 }] : [];
      this.#push({ id, text: '', logprob: 0, top });
    }
  }

  /** Samples up to `maxTokens` tokens; stops early when the model ends (once `minTokens` are written). */
  free({ allow = () => true, allowFirst, minTokens = 0, maxTokens }: FreeOptions): string {
    let written = '';
    for (let count = 0; count < maxTokens; count++) {
      const distribution = this.model.distribution(this.#previous2, this.#previous1, this.options.prompt);
      const mayEnd = count >= minTokens;
      const check = count === 0 && allowFirst ? allowFirst : allow;
      const id = choose(distribution, this.options, this.#seen, (candidate) =>
        candidate === END ? mayEnd : check(candidate),
      );
      if (id === END) break;
      const top = this.options.topLogprobs ? topAlternatives(distribution, this.options.topLogprobs) : [];
      written += this.#push({ id, text: '', logprob: Math.log(distribution.probability(id)), top });
    }
    return written;
  }

  /** Picks one of `options` by how likely the model finds its first token here. */
  pick<T extends string>(options: readonly T[]): T {
    const distribution = this.model.distribution(this.#previous2, this.#previous1, this.options.prompt);
    const weights = options.map((option) => distribution.probability(encode(option)[0] ?? END) + 1e-6);
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    let target = this.random() * total;
    for (const [index, weight] of weights.entries()) {
      target -= weight;
      if (target < 0) return options[index] as T;
    }
    return options[options.length - 1] as T;
  }

  #push(token: GeneratedToken): string {
    if (this.used >= this.options.maxTokens) throw new OutOfTokens();
    checkBudget();
    token.text = this.#decoder.decode(new Uint8Array(tokenBytes(token.id)), { stream: true });
    this.#segment.push(token);
    this.#textLength += token.text.length;
    this.used++;
    this.#seen.set(token.id, (this.#seen.get(token.id) ?? 0) + 1);
    this.#previous2 = this.#previous1;
    this.#previous1 = token.id;
    return token.text;
  }
}

const cache = new Map<number, boolean>();

/** A token whose text is whole UTF-8 and safe inside a JSON string without escapes. */
export function plainStringToken(id: number): boolean {
  let known = cache.get(id);
  if (known === undefined) {
    const text = tokenText(id);
    known = text !== '' && !text.includes('\\x') && !/["\\\u2028\u2029]/.test(text) && !hasControl(text);
    cache.set(id, known);
  }
  return known;
}

const inlineCache = new Map<number, boolean>();

/** A token that continues prose on one line: whole UTF-8, no line breaks, no markdown that would open a block. */
export function inlineToken(id: number): boolean {
  let known = inlineCache.get(id);
  if (known === undefined) {
    // Cached like plainStringToken: sampling asks this of many candidates for every token.
    known = plainStringToken(id) && !/[`*_[\]#<>|]/.test(tokenText(id));
    inlineCache.set(id, known);
  }
  return known;
}

function hasControl(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) < 0x20) return true;
  return false;
}
