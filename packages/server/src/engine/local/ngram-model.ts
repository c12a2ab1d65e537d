import type { Random } from './random.ts';

/**
 * Ends a reply: o200k's `<|endoftext|>` id, so `logit_bias: {"199999": -100}` keeps the model
 * writing until max_completion_tokens, as it would on the real API. Never emitted as text.
 */
export const END = 199_999;
const START = -1;

/** Token counts after one context: what a distribution mixes. */
export interface Counts {
  total: number;
  count(token: number): number;
  /** The tokens seen, in a fixed order. */
  tokens(): Iterable<number>;
  /** The token at `target` (0 <= target < total) of the counts laid end to end. */
  at(target: number): number;
}

/**
 * The counts of every context of one order, packed in typed arrays (a few bytes a count, against a
 * Map per context): contexts sorted by key; each context's tokens in the order training met them
 * (the order a draw walks, so a seed gives the text it gave before the tables were packed), with
 * `sorted` listing the same entries by token id for lookups.
 */
export interface CountTable {
  keys: Float64Array;
  /** Where each context's tokens start; one more entry than keys. */
  offsets: Uint32Array;
  tokens: Int32Array;
  counts: Uint32Array;
  /** Entry indices of each context's slice, ordered by token id. */
  sorted: Uint32Array;
}

/** One context of a table: a window onto its arrays. */
class TableCounts implements Counts {
  constructor(
    private readonly table: CountTable,
    private readonly start: number,
    private readonly end: number,
    readonly total: number,
  ) {}

  count(token: number): number {
    const { tokens, counts, sorted } = this.table;
    let low = this.start;
    let high = this.end - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const entry = sorted[middle] as number;
      const found = tokens[entry] as number;
      if (found === token) return counts[entry] as number;
      if (found < token) low = middle + 1;
      else high = middle - 1;
    }
    return 0;
  }

  *tokens(): Iterable<number> {
    for (let index = this.start; index < this.end; index++) yield this.table.tokens[index] as number;
  }

  at(target: number): number {
    let left = target;
    for (let index = this.start; index < this.end; index++) {
      left -= this.table.counts[index] as number;
      if (left < 0) return this.table.tokens[index] as number;
    }
    return this.table.tokens[this.end - 1] as number;
  }
}

/** Counts in a Map, made per request: the prompt's, or a grounded answer's weighted next tokens. */
export class MapCounts implements Counts {
  readonly map = new Map<number, number>();
  total = 0;

  add(token: number, weight = 1): void {
    this.map.set(token, (this.map.get(token) ?? 0) + weight);
    this.total += weight;
  }

  count(token: number): number {
    return this.map.get(token) ?? 0;
  }

  tokens(): Iterable<number> {
    return this.map.keys();
  }

  at(target: number): number {
    let left = target;
    let last = END;
    for (const [token, count] of this.map) {
      left -= count;
      last = token;
      if (left < 0) return token;
    }
    return last;
  }
}

/** Weights of the interpolated model; renormalized over the parts that have data for a context. */
const weights = { trigram: 0.6, bigram: 0.28, unigram: 0.1, prompt: 0.02 };
/**
 * The copy part's share when an answer is grounded in passages: so large that a grounded token
 * is always likelier than any other (the n-gram's whole share is below one candidate's).
 */
const GROUNDED = 0.98;
/** Unigram candidates always considered, so the exact top 20 is always among the candidates. */
const UNIGRAM_CANDIDATES = 64;

/** The model's tables: all it needs to answer, as a file holds them. */
export interface NgramTables {
  trigrams: CountTable;
  bigrams: CountTable;
  unigrams: CountTable;
}

/**
 * An interpolated trigram model over BPE tokens. Every probability it reports is its own: the
 * mixture of trigram, bigram and unigram relative frequencies, plus a small "cache" part over the
 * prompt's tokens, renormalized over the parts that have data. They sum to 1 over the vocabulary.
 */
export class NgramModel {
  readonly unigrams: Counts;
  #topUnigrams: number[];
  /** Each context's total count, by table: summed once at load. */
  #totals = new Map<CountTable, Float64Array>();

  constructor(readonly tables: NgramTables) {
    const { unigrams } = tables;
    for (const table of [tables.trigrams, tables.bigrams, unigrams]) this.#totals.set(table, totalsOf(table));
    this.unigrams = new TableCounts(unigrams, 0, unigrams.tokens.length, this.#totals.get(unigrams)?.[0] ?? 0);
    const order = [...unigrams.tokens.keys()].sort(
      (a, b) => (unigrams.counts[b] as number) - (unigrams.counts[a] as number) || a - b,
    );
    this.#topUnigrams = order.slice(0, UNIGRAM_CANDIDATES).map((index) => unigrams.tokens[index] as number);
  }

  static train(paragraphs: number[][]): NgramModel {
    const trigrams = new Map<number, Map<number, number>>();
    const bigrams = new Map<number, Map<number, number>>();
    const unigrams = new Map<number, number>();
    for (const tokens of paragraphs) {
      let previous2 = START;
      let previous1 = START;
      for (const token of [...tokens, END]) {
        unigrams.set(token, (unigrams.get(token) ?? 0) + 1);
        add(bigrams, previous1, token);
        add(trigrams, pairKey(previous2, previous1), token);
        previous2 = previous1;
        previous1 = token;
      }
    }
    // Unigrams are drawn likeliest first.
    const byCount = new Map([...unigrams].sort((a, b) => b[1] - a[1] || a[0] - b[0]));
    return new NgramModel({
      trigrams: pack(trigrams),
      bigrams: pack(bigrams),
      unigrams: pack(new Map([[0, byCount]])),
    });
  }

  get vocabularySize(): number {
    return this.tables.unigrams.tokens.length;
  }

  /**
   * The next-token distribution after `previous2, previous1`, with `prompt` token counts as the
   * cache part and `grounded` (the next tokens of the passages an answer copies) as the copy part.
   */
  distribution(
    previous2: number,
    previous1: number,
    prompt: Counts | null,
    grounded: Counts | null = null,
  ): Distribution {
    return new Distribution(
      this,
      this.#lookup(this.tables.trigrams, pairKey(previous2, previous1)),
      this.#lookup(this.tables.bigrams, previous1),
      prompt,
      grounded,
    );
  }

  #lookup(table: CountTable, key: number): Counts | null {
    let low = 0;
    let high = table.keys.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const found = table.keys[middle] as number;
      if (found === key) {
        const total = this.#totals.get(table)?.[middle] as number;
        return new TableCounts(table, table.offsets[middle] as number, table.offsets[middle + 1] as number, total);
      }
      if (found < key) low = middle + 1;
      else high = middle - 1;
    }
    return null;
  }

  topUnigrams(): number[] {
    return this.#topUnigrams;
  }
}

export class Distribution {
  readonly parts: { weight: number; context: Counts }[] = [];

  constructor(
    private readonly model: NgramModel,
    trigram: Counts | null,
    bigram: Counts | null,
    prompt: Counts | null,
    grounded: Counts | null = null,
  ) {
    const raw: [number, Counts | null][] = [
      [weights.trigram, trigram],
      [weights.bigram, bigram],
      [weights.unigram, model.unigrams],
      [weights.prompt, prompt && prompt.total > 0 ? prompt : null],
    ];
    const present = raw.filter((part): part is [number, Counts] => !!part[1]);
    const sum = present.reduce((total, [weight]) => total + weight, 0);
    const copied = grounded && grounded.total > 0 ? GROUNDED : 0;
    for (const [weight, context] of present) this.parts.push({ weight: ((1 - copied) * weight) / sum, context });
    if (grounded && copied > 0) this.parts.push({ weight: copied, context: grounded });
  }

  probability(token: number): number {
    let probability = 0;
    for (const { weight, context } of this.parts) probability += (weight * context.count(token)) / context.total;
    return probability;
  }

  /** Every token that can be in the top 20: all seen after this context, the prompt's, and the 64 likeliest overall. */
  candidates(): number[] {
    const found = new Set<number>(this.model.topUnigrams());
    for (const { context } of this.parts) {
      if (context === this.model.unigrams) continue;
      for (const token of context.tokens()) found.add(token);
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
      return context.at(random() * context.total);
    }
    return this.model.unigrams.at(random() * this.model.unigrams.total);
  }
}

function pairKey(previous2: number, previous1: number): number {
  // Ids run from -1 (start) to END, so the pair stays far inside the exact integer range.
  return (previous2 + 1) * (END + 2) + (previous1 + 1);
}

function add(into: Map<number, Map<number, number>>, key: number, token: number): void {
  let counts = into.get(key);
  if (!counts) {
    counts = new Map();
    into.set(key, counts);
  }
  counts.set(token, (counts.get(token) ?? 0) + 1);
}

/** Packs contexts into a table: keys sorted, each context's tokens kept in their order and indexed by id. */
function pack(contexts: Map<number, Map<number, number>>): CountTable {
  const keys = [...contexts.keys()].sort((a, b) => a - b);
  let size = 0;
  for (const counts of contexts.values()) size += counts.size;
  const table: CountTable = {
    keys: Float64Array.from(keys),
    offsets: new Uint32Array(keys.length + 1),
    tokens: new Int32Array(size),
    counts: new Uint32Array(size),
    sorted: new Uint32Array(size),
  };
  let at = 0;
  for (const [index, key] of keys.entries()) {
    const start = at;
    table.offsets[index] = start;
    for (const [token, count] of contexts.get(key) as Map<number, number>) {
      table.tokens[at] = token;
      table.counts[at++] = count;
    }
    const entries = Array.from({ length: at - start }, (_, offset) => start + offset);
    entries.sort((a, b) => (table.tokens[a] as number) - (table.tokens[b] as number));
    table.sorted.set(entries, start);
  }
  table.offsets[keys.length] = at;
  return table;
}

function totalsOf(table: CountTable): Float64Array {
  const totals = new Float64Array(table.keys.length);
  for (let index = 0; index < table.keys.length; index++)
    for (let at = table.offsets[index] as number; at < (table.offsets[index + 1] as number); at++)
      totals[index] = (totals[index] as number) + (table.counts[at] as number);
  return totals;
}

export function countsOf(tokens: number[]): Counts {
  const into = new MapCounts();
  for (const token of tokens) into.add(token);
  return into;
}
