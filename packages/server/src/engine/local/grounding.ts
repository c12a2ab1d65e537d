import type { CodeBlock } from './corpus.ts';
import { END, MapCounts } from './ngram-model.ts';
import { isAnswerSentence, type PassageIndex, sentencesOf, termsOf } from './passages.ts';
import { encode } from './tokenizer.ts';

/** What an answer is grounded in: the corpus' passages, and its code examples found by the prose before them. */
export interface Indexes {
  passages: PassageIndex;
  code: PassageIndex;
  blocks: CodeBlock[];
}

/**
 * One sentence the answer may copy, tokenized as it opens a paragraph and as it follows a space;
 * or one code example, for a code block.
 */
export interface Candidate {
  text: string;
  code: boolean;
  first: number[];
  spaced: number[];
  passage: number;
  /** Its place in its passage: the sentence after it there reads on from it. */
  position: number;
  weight: number;
}

/** Passages an answer draws on, most relevant first, and how much each weighs. */
const PASSAGE_WEIGHTS = [1, 0.8, 0.65, 0.55, 0.45, 0.4, 0.35, 0.3];
/** At most this many sentences are offered at a sentence's start (so the likeliest is always above the n-gram's share). */
const MAX_CANDIDATES = 24;
/** An item is one line: only sentences this short become list items. */
const ITEM_TOKENS = 30;
/** A code block ends at 120 tokens (answer-shape.ts): only examples that fit whole are offered. */
const CODE_TOKENS = 110;
/** A code block may not end before 12 tokens: shorter examples would leave it to the n-gram. */
const CODE_MIN_TOKENS = 12;
/** Code examples offered for a code block, and how much each weighs. */
const CODE_WEIGHTS = [1, 0.6, 0.4];
const FALLBACK_QUESTION = 'local server built-in model streams chat completions offline';
/** The share of the grounded part that ends a paragraph after 0, 1, 2, 3+ sentences. */
const PARAGRAPH_END = [0, 0.15, 0.45, 0.8];

/**
 * What the model says in its own words, when the corpus has nothing on a question: every answer's
 * sentence is a corpus sentence or one of these.
 */
export const TEMPLATES = {
  nothingFound: 'I found nothing on that in the documentation I learned from, so here is what this server is.',
};

/**
 * The sentences of the passages most relevant to a question, as one request's answers may use
 * them: none the conversation already holds. A sentence weighs by its passage's rank, its place
 * in it and the share of the question's words it holds, so the answer opens on the sentence that
 * speaks to the question. A question the corpus has no word of (a greeting) gets the passages
 * about what this server is, after a sentence that says so.
 */
export function groundingFor(indexes: Indexes, question: string, said: string): Candidate[] {
  const code = codeFor(indexes, question);
  const found = sentencesFor(indexes.passages, question, said);
  if (found.length > 0) return [...found, ...code];
  const fallback = sentencesFor(indexes.passages, FALLBACK_QUESTION, said);
  return [candidate(TEMPLATES.nothingFound, -1, -1, 100), ...fallback, ...code];
}

/** The examples whose prose (and code) best match the question, whole ones only. */
function codeFor(indexes: Indexes, question: string): Candidate[] {
  const found: Candidate[] = [];
  for (const block of indexes.code.search(question, 10)) {
    const { code } = indexes.blocks[block] as CodeBlock;
    const tokens = encode(code);
    if (tokens.length > CODE_TOKENS || tokens.length < CODE_MIN_TOKENS) continue;
    const weight = CODE_WEIGHTS[found.length] as number;
    found.push({ text: code, code: true, first: tokens, spaced: tokens, passage: -1, position: 0, weight });
    if (found.length === CODE_WEIGHTS.length) break;
  }
  return found;
}

/** Passages searched for ones with sentences an answer can use: debris-only ones are passed over. */
const SEARCHED = 40;

function sentencesFor(index: PassageIndex, question: string, said: string): Candidate[] {
  const asked = new Map(termsOf(question.slice(0, 4_000), true).map((term) => [term, index.weight(term)]));
  const askedWeight = [...asked.values()].reduce((sum, weight) => sum + weight, 0) || 1;
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  let rank = 0;
  for (const passage of index.search(question, SEARCHED)) {
    const before = candidates.length;
    for (const [position, text] of sentencesOf(index.passages[passage] as string).entries()) {
      if (!isAnswerSentence(text) || seen.has(text) || said.includes(text)) continue;
      let held = 0;
      for (const term of new Set(termsOf(text))) held += asked.get(term) ?? 0;
      // Off the question and away from the best passages, a sentence only wanders.
      if (held === 0 && rank > 1) continue;
      seen.add(text);
      // Squared, so a sampled answer (temperature above 0) still keeps mostly to the question.
      const relevance = (0.2 + held / askedWeight) ** 2;
      const weight = (PASSAGE_WEIGHTS[rank] as number) * 0.8 ** Math.min(position, 4) * relevance;
      candidates.push(candidate(text, passage, position, weight));
    }
    if (candidates.length > before && ++rank === PASSAGE_WEIGHTS.length) break;
  }
  // The likeliest first: at most MAX_CANDIDATES are offered at a sentence's start.
  return candidates.sort((a, b) => b.weight - a.weight);
}

function candidate(text: string, passage: number, position: number, weight: number): Candidate {
  return { text, code: false, first: encode(text), spaced: encode(` ${text}`), passage, position, weight };
}

type PartKind = 'paragraph' | 'item' | 'code';

/**
 * One choice's path through the candidates: at a sentence's start any unused sentence may begin
 * (the one that follows the last in its passage likeliest); inside one, only the sentences that
 * share what was written so far go on. A sentence is written whole or, if a forced token (a
 * logit_bias) leads away from every candidate, the answer runs free until the next full stop.
 */
export class Grounding {
  readonly #used = new Set<Candidate>();
  #live: Candidate[] | null = null;
  #written = 0;
  #spaced = false;
  #kind: PartKind = 'paragraph';
  #last: Candidate | null = null;
  #inPart = 0;
  /** Off after the answer left the candidates, until the sentence ends. */
  off = false;

  constructor(private readonly candidates: Candidate[]) {}

  /** Nothing is left that a part of this kind (the current one by default) could use. */
  exhausted(kind: PartKind = this.#kind): boolean {
    return !this.candidates.some((candidate) => this.#fits(candidate, kind));
  }

  startPart(kind: PartKind): void {
    this.off = false;
    this.#kind = kind;
    this.#spaced = kind === 'item';
    this.#live = null;
    this.#written = 0;
    this.#inPart = 0;
  }

  /**
   * The grounded next-token weights; null when there are none (the model then writes freely).
   * `ending` is the token that ends the part here (END, or a paragraph break when another follows);
   * with nothing left to say it is always END.
   */
  next(mayEnd: boolean, banned: (id: number) => boolean, ending = END): MapCounts | null {
    if (this.off) return null;
    const counts = new MapCounts();
    if (this.#live) {
      for (const candidate of this.#live) this.#offer(counts, candidate, banned);
    } else {
      // An item holds one sentence, a code block one example.
      const open = this.#kind !== 'paragraph' && this.#inPart > 0 ? [] : this.#open();
      for (const candidate of open) this.#offer(counts, candidate, banned);
      const end = counts.total === 0 ? 1 : (PARAGRAPH_END[Math.min(this.#inPart, 3)] as number);
      const token = open.length === 0 ? END : ending;
      // The ending takes `end` of the grounded mass.
      if (mayEnd && end > 0 && !banned(token)) counts.add(token, end === 1 ? 1 : (counts.total * end) / (1 - end));
    }
    return counts.total > 0 ? counts : null;
  }

  /** Follows the token written; true when it ended a sentence. */
  advance(id: number): boolean {
    if (this.off) return false;
    const from = this.#live ?? this.#open();
    const at = this.#written;
    this.#live = from.filter((candidate) => this.#tokens(candidate)[at] === id);
    this.#written++;
    if (this.#live.length === 0) {
      this.off = true;
      return false;
    }
    const done = this.#live.find((candidate) => this.#tokens(candidate).length === this.#written);
    if (!done) return false;
    this.#used.add(done);
    this.#last = done;
    this.#inPart++;
    this.#live = null;
    this.#written = 0;
    this.#spaced = true;
    return true;
  }

  /** After free text reached a full stop: the next sentence may be a candidate again. */
  resume(): void {
    this.off = false;
    this.#live = null;
    this.#written = 0;
    this.#spaced = true;
  }

  #open(): Candidate[] {
    return this.candidates.filter((candidate) => this.#fits(candidate)).slice(0, MAX_CANDIDATES);
  }

  #fits(candidate: Candidate, kind = this.#kind): boolean {
    if (this.#used.has(candidate) || candidate.code !== (kind === 'code')) return false;
    return kind !== 'item' || (candidate.spaced.length <= ITEM_TOKENS && /^\p{L}/u.test(candidate.text));
  }

  #tokens(candidate: Candidate): number[] {
    return this.#spaced && !candidate.code ? candidate.spaced : candidate.first;
  }

  #offer(counts: MapCounts, candidate: Candidate, banned: (id: number) => boolean): void {
    const token = this.#tokens(candidate)[this.#written];
    if (token === undefined || banned(token)) return;
    const last = this.#last;
    const follows =
      last && !this.#live && last.passage === candidate.passage && last.position + 1 === candidate.position;
    counts.add(token, candidate.weight * (follows ? 3 : 1));
  }
}
