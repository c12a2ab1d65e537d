import type { Random } from './random.ts';

/**
 * Ends a reply: o200k's `<|endoftext|>` id, so `logit_bias: {"199999": -100}` keeps the model
 * writing until max_completion_tokens, as it would on the real API. Never emitted as text.
 */
export const END = 199_999;
const START = -1;

type Counts = Map<number, number>;

interface Context {
  counts: Counts;
  total: number;
}

/** Weights of the interpolated model; renormalized over the parts that have data for a context. */
const weights = { trigram: 0.6, bigram: 0.28, unigram: 0.1, prompt: 0.02 };
/** Unigram candidates always considered, so the exact top 20 is always among the candidates. */
const UNIGRAM_CANDIDATES = 64;

/**
 * An interpolated trigram model over BPE tokens. Every probability it reports is its own: the
 * mixture of trigram, bigram and unigram relative frequencies, plus a small "cache" part over the
 * prompt's tokens, renormalized over the parts that have data. They sum to 1 over the vocabulary.
 */
export class NgramModel {
  readonly trigrams = new Map<number, Context>();
  readonly bigrams = new Map<number, Context>();
  readonly unigrams: Context = { counts: new Map(), total: 0 };
  #topUnigrams: number[] = [];
  #cumulative: { ids: number[]; sums: number[] } = { ids: [], sums: [] };

  static train(paragraphs: number[][]): NgramModel {
    const model = new NgramModel();
    for (const tokens of paragraphs) {
      let previous2 = START;
      let previous1 = START;
      for (const token of [...tokens, END]) {
        add(model.unigrams, token);
        add(context(model.bigrams, previous1), token);
        add(context(model.trigrams, pairKey(previous2, previous1)), token);
        previous2 = previous1;
        previous1 = token;
      }
    }
    model.#index();
    return model;
  }

  #index(): void {
    const sorted = [...this.unigrams.counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    this.#topUnigrams = sorted.slice(0, UNIGRAM_CANDIDATES).map(([id]) => id);
    let sum = 0;
    this.#cumulative = { ids: [], sums: [] };
    for (const [id, count] of sorted) {
      sum += count;
      this.#cumulative.ids.push(id);
      this.#cumulative.sums.push(sum);
    }
  }

  get vocabularySize(): number {
    return this.unigrams.counts.size;
  }

  /** The next-token distribution after `previous2, previous1`, with `prompt` token counts as the cache part. */
  distribution(previous2: number, previous1: number, prompt: Context | null): Distribution {
    return new Distribution(
      this,
      this.trigrams.get(pairKey(previous2, previous1)),
      this.bigrams.get(previous1),
      prompt,
    );
  }

  topUnigrams(): number[] {
    return this.#topUnigrams;
  }

  /** Draws from the unigram relative frequencies exactly. */
  sampleUnigram(random: Random): number {
    const { ids, sums } = this.#cumulative;
    const target = random() * this.unigrams.total;
    let low = 0;
    let high = sums.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((sums[middle] as number) > target) high = middle;
      else low = middle + 1;
    }
    return ids[low] as number;
  }
}

export class Distribution {
  readonly parts: { weight: number; context: Context }[] = [];

  constructor(model: NgramModel, trigram: Context | undefined, bigram: Context | undefined, prompt: Context | null) {
    const raw: [number, Context | undefined | null][] = [
      [weights.trigram, trigram],
      [weights.bigram, bigram],
      [weights.unigram, model.unigrams],
      [weights.prompt, prompt && prompt.total > 0 ? prompt : null],
    ];
    const present = raw.filter((part): part is [number, Context] => !!part[1]);
    const sum = present.reduce((total, [weight]) => total + weight, 0);
    for (const [weight, context] of present) this.parts.push({ weight: weight / sum, context });
    this.model = model;
  }

  private readonly model: NgramModel;

  probability(token: number): number {
    let probability = 0;
    for (const { weight, context } of this.parts) {
      probability += (weight * (context.counts.get(token) ?? 0)) / context.total;
    }
    return probability;
  }

  /** Every token that can be in the top 20: all seen after this context, the prompt's, and the 64 likeliest overall. */
  candidates(): number[] {
    const found = new Set<number>(this.model.topUnigrams());
    for (const { context } of this.parts) {
      if (context === this.model.unigrams) continue;
      for (const token of context.counts.keys()) found.add(token);
    }
    return [...found];
  }

  /** Draws exactly from the mixture: a part by its weight, then a token by its count in that part. */
  sample(random: Random): number {
    let pick = random();
    for (const { weight, context } of this.parts) {
      if (pick >= weight) {
        pick -= weight;
        continue;
      }
      if (context === this.model.unigrams) return this.model.sampleUnigram(random);
      let target = random() * context.total;
      for (const [token, count] of context.counts) {
        target -= count;
        if (target < 0) return token;
      }
    }
    return this.model.sampleUnigram(random);
  }
}

function pairKey(previous2: number, previous1: number): number {
  // Ids run from -1 (start) to END, so the pair stays far inside the exact integer range.
  return (previous2 + 1) * (END + 2) + (previous1 + 1);
}

function context(map: Map<number, Context>, key: number): Context {
  let found = map.get(key);
  if (!found) {
    found = { counts: new Map(), total: 0 };
    map.set(key, found);
  }
  return found;
}

function add(into: Context, token: number): void {
  into.counts.set(token, (into.counts.get(token) ?? 0) + 1);
  into.total++;
}

export function countsOf(tokens: number[]): Context {
  const into: Context = { counts: new Map(), total: 0 };
  for (const token of tokens) add(into, token);
  return into;
}
