/**
 * Retrieval over the corpus the model learned from: each paragraph with a sentence an answer can
 * use is a passage, ranked for a question by BM25. The index is a few typed arrays (postings sorted by term), built once in the
 * model's worker, so it costs a few megabytes and a search costs microseconds per matching posting.
 */

/** Words too common to say what a question is about. */
const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by can could did do does doing for from had has have how i if in into is it its ' +
    'me my no not of on or our so than that the their them then there these they this those to too us was we were ' +
    'what when where which who whom why will with would you your yours about also any each just more most some such ' +
    'tell please explain describe give show use used using get gets one hi hello hey thanks thank ok okay'
  ).split(' '),
);

/** BM25's usual constants: term frequency saturation and length normalization. */
const K1 = 1.2;
const B = 0.75;

/** A word without its plural, past or -ing ending, and no final e: "stored", "stores" and "store" are one. */
function stem(word: string): string {
  if (word.length <= 3) return word;
  let root = word.endsWith('ies') ? `${word.slice(0, -3)}y` : word;
  if (root.endsWith('s') && !root.endsWith('ss')) root = root.slice(0, -1);
  if (root.endsWith('ing') && root.length > 5) root = root.slice(0, -3);
  else if (root.endsWith('ed') && root.length > 4) root = root.slice(0, -2);
  return root.length > 3 && root.endsWith('e') ? root.slice(0, -1) : root;
}

/**
 * The words of `text` as the index keys them: lower case, stemmed, no stop words. In
 * a question (`split`) a camelCase name also gives its parts, so "useQuery" finds text about
 * queries; passages keep names whole, or every long API name would match every question.
 */
export function termsOf(text: string, split = false): string[] {
  const terms: string[] = [];
  const add = (word: string) => {
    if (word.length >= 2 && !STOP_WORDS.has(word)) terms.push(stem(word));
  };
  for (const [word] of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    add(word.toLowerCase());
    const parts = split ? word.split(/(?<=\p{Ll})(?=\p{Lu})/u) : [];
    if (parts.length > 1) for (const part of parts) add(part.toLowerCase());
  }
  return terms;
}

export class PassageIndex {
  readonly #ids = new Map<string, number>();
  /** Where each term's postings start in `#documents`; one more entry than terms. */
  #starts: Uint32Array;
  #documents: Uint32Array;
  #frequencies: Uint16Array;
  #lengths: Uint32Array;
  #averageLength: number;

  /**
   * `indexable`: which passages can be found (by default, those with a sentence an answer can use);
   * `boost`: what a passage's score is multiplied by (see ownFirst).
   */
  constructor(
    readonly passages: readonly string[],
    indexable = (passage: string) => sentencesOf(passage).some(isAnswerSentence),
    private readonly boost: (document: number) => number = () => 1,
  ) {
    const postings: number[] = [];
    this.#lengths = new Uint32Array(passages.length);
    for (const [document, passage] of passages.entries()) {
      // A passage an answer could not use is never found: it would only push out one it could.
      if (!indexable(passage)) continue;
      const counts = new Map<number, number>();
      const terms = termsOf(passage);
      this.#lengths[document] = terms.length;
      for (const term of terms) {
        const id = this.#ids.get(term) ?? this.#ids.size;
        if (id === this.#ids.size) this.#ids.set(term, id);
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      for (const [id, count] of counts) postings.push(id, document, Math.min(count, 65_535));
    }
    this.#averageLength = this.#lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, passages.length);
    // A counting sort by term: each term's postings end up together, in document order.
    this.#starts = new Uint32Array(this.#ids.size + 1);
    for (let at = 0; at < postings.length; at += 3) (this.#starts[(postings[at] as number) + 1] as number)++;
    for (let id = 0; id < this.#ids.size; id++)
      this.#starts[id + 1] = (this.#starts[id + 1] as number) + (this.#starts[id] as number);
    const next = this.#starts.slice(0, this.#ids.size);
    this.#documents = new Uint32Array(postings.length / 3);
    this.#frequencies = new Uint16Array(postings.length / 3);
    for (let at = 0; at < postings.length; at += 3) {
      const slot = (next[postings[at] as number] as number)++;
      this.#documents[slot] = postings[at + 1] as number;
      this.#frequencies[slot] = postings[at + 2] as number;
    }
  }

  /** How much a term says about a passage: its inverse document frequency (0 for a term never seen). */
  weight(term: string): number {
    const id = this.#ids.get(term);
    if (id === undefined) return 0;
    const frequency = (this.#starts[id + 1] as number) - (this.#starts[id] as number);
    return Math.log(1 + (this.passages.length - frequency + 0.5) / (frequency + 0.5));
  }

  /**
   * The `count` passages most relevant to `question`, best first (indices into `passages`): BM25,
   * times the square of the share of the question's words (by weight) the passage holds.
   */
  search(question: string, count: number): number[] {
    const scores = new Map<number, number>();
    // The share of the question's weight each passage holds: BM25 alone lets one frequent word
    // ("server") outrank a passage that speaks to the whole question.
    const covered = new Map<number, number>();
    let asked = 0;
    for (const term of new Set(termsOf(question.slice(0, 4_000), true))) {
      const id = this.#ids.get(term);
      if (id === undefined) continue;
      const start = this.#starts[id] as number;
      const end = this.#starts[id + 1] as number;
      const weight = this.weight(term);
      asked += weight;
      for (let at = start; at < end; at++) {
        const document = this.#documents[at] as number;
        const inDocument = this.#frequencies[at] as number;
        const norm = K1 * (1 - B + (B * (this.#lengths[document] as number)) / this.#averageLength);
        const score = (weight * inDocument * (K1 + 1)) / (inDocument + norm);
        scores.set(document, (scores.get(document) ?? 0) + score);
        covered.set(document, (covered.get(document) ?? 0) + weight);
      }
    }
    for (const [document, score] of scores)
      scores.set(document, score * ((covered.get(document) ?? 0) / asked) ** 2 * this.boost(document));
    return [...scores]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, count)
      .map(([document]) => document);
  }
}

/** How much more a passage of an own document weighs than a dependency's: the kit's docs answer first. */
const OWN_WEIGHT = 2;

/** A passage weight that puts the passages at `own` (indices) first. */
export function ownFirst(own: Iterable<number>): (document: number) => number {
  const set = new Set(own);
  return (document) => (set.has(document) ? OWN_WEIGHT : 1);
}

/**
 * A passage's sentences: cut after a full stop, question or exclamation mark (and any closing
 * quote or bracket) that a space and a capital, digit or opening mark follow. "e.g. the" stays whole.
 */
export function sentencesOf(passage: string): string[] {
  return passage.split(/(?<=[.!?]["')\]]?)\s+(?=["'([]?[\p{Lu}\p{N}])/u);
}

/**
 * Marks of code, markup, tables, paths and flattened lists: prose with them reads as debris. A stop
 * inside ("e.g. this") would read as two sentences to someone counting them.
 */
const NOT_PROSE = /[`{}[\]=|<>\\#*_~^$]|\s[-–]\s|(?:^|\s)[/.-]\w|\w\(|:\s*$|\.\.|https?:|[.!?]["')\]]?\s/;

/**
 * A sentence fit to stand alone in an answer: whole, of a readable length, prose (mostly words),
 * not a lead-in to a list.
 */
export function isAnswerSentence(sentence: string): boolean {
  const words = sentence.split(' ');
  if (words.length < 5 || words.length > 40 || NOT_PROSE.test(sentence)) return false;
  if (!/^["'(]?\p{Lu}\p{Ll}/u.test(sentence) || !/[.!?]["')\]]?$/.test(sentence)) return false;
  // Cut after an abbreviation ("…when SIGINT is received, i.e."): not a whole sentence.
  if (/\b(?:i\.e|e\.g|etc|vs|cf|approx)\.$/i.test(sentence)) return false;
  // Mostly plain words: not a list of names, numbers or options run together.
  const plain = words.filter((word) => /^[\p{L}'’,;.!?()"-]+$/u.test(word)).length;
  return plain >= words.length * 0.75 && (sentence.match(/,/g)?.length ?? 0) <= words.length / 4;
}
