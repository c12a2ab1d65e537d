import { LOGPROB_SENTINEL } from '@completions-kit/components';
import { pairwiseSimilarity, similarityBins } from './similarity.ts';

/** One of the repeated runs, as the consistency figures need it. */
export interface RepeatOutput {
  /** 0-based position in the repeat. */
  index: number;
  seed: number;
  text: string;
  /** Completion tokens from usage, when reported. */
  tokens: number | null;
  /** The mean of the output tokens' usable logprobs (finite, above the -9999 sentinel), when returned. */
  meanLogprob: number | null;
  /** Tokens whose logprob was left out of the mean: the -9999 sentinel, null, NaN or infinite. */
  leftOutLogprobs?: number;
  /** Why the answer ended (stop, length, tool_calls, content_filter), when it did. */
  finishReason?: string | null;
  /** Why this run gave no output; failed runs are left out of the figures. */
  error?: string;
}

export interface Spread {
  min: number;
  median: number;
  max: number;
}

export interface Consistency {
  /** Runs that gave an output. */
  runs: number;
  /** Different output texts among them. */
  distinct: number;
  /** How many runs gave the most common output. */
  modeCount: number;
  /** Share of runs whose output differs from the most common one, 0 to 1. */
  differShare: number;
  characters: Spread | null;
  tokens: Spread | null;
  meanLogprob: Spread | null;
  /** Token logprobs left out of the means, over every run (sentinels and non-finite values). */
  leftOutLogprobs: number;
  /** How alike each pair of outputs is by words (0 to 1, see similarity.ts); null for fewer than two. */
  similarity: Spread | null;
  /** The pairs the similarity was taken over, counted into five bins: 0–20%, …, 80–100%. */
  similarityBins: number[];
  pairs: number;
  /** Runs by finish reason, most common first ("none" when the answer did not say). */
  finishReasons: [string, number][];
}

/** Smallest, middle (the mean of the two middle values for an even count) and largest; null for none. */
export function spread(values: number[]): Spread | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { min: sorted[0] ?? 0, median, max: sorted.at(-1) ?? 0 };
}

/** A logprob fit for averaging: a finite number above the API's -9999 floor and at most 0. */
export const usableLogprob = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value > LOGPROB_SENTINEL && value <= 0;

/** The mean logprob of a choice's usable tokens, or null when none came back. */
export function meanLogprob(tokens: readonly { logprob: number | null }[] | null | undefined): number | null {
  const usable = (tokens ?? []).map((token) => token.logprob).filter(usableLogprob);
  return usable.length === 0 ? null : usable.reduce((sum, value) => sum + value, 0) / usable.length;
}

/** How many of a choice's tokens carry a logprob the mean leaves out. */
export const leftOutLogprobs = (tokens: readonly { logprob: number | null }[] | null | undefined): number =>
  (tokens ?? []).filter((token) => !usableLogprob(token.logprob)).length;

function countReasons(outputs: RepeatOutput[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const output of outputs) {
    const reason = output.finishReason ?? 'none';
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}

/** The most common output text and how many runs gave it (the first seen wins a tie). */
export function mostCommon(texts: string[]): { text: string; count: number } | null {
  const counts = new Map<string, number>();
  for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1);
  let best: { text: string; count: number } | null = null;
  // A Map iterates in first-seen order, so a strict comparison keeps the earliest of equal counts.
  for (const [text, count] of counts) if (!best || count > best.count) best = { text, count };
  return best;
}

const present = (values: (number | null)[]) => values.filter((value): value is number => value !== null);

/**
 * How consistent the repeated outputs are: exact matches (distinct answers, disagreement with the
 * usual one), word similarity between pairs, spreads, and finish reasons.
 */
export function consistency(outputs: RepeatOutput[]): Consistency {
  const ok = outputs.filter((output) => output.error === undefined);
  const texts = ok.map((output) => output.text);
  const mode = mostCommon(texts);
  const similarities = pairwiseSimilarity(texts);
  return {
    runs: ok.length,
    distinct: new Set(texts).size,
    modeCount: mode?.count ?? 0,
    differShare: ok.length === 0 ? 0 : (ok.length - (mode?.count ?? 0)) / ok.length,
    characters: spread(texts.map((text) => [...text].length)),
    tokens: spread(present(ok.map((output) => output.tokens))),
    meanLogprob: spread(present(ok.map((output) => output.meanLogprob))),
    leftOutLogprobs: ok.reduce((sum, output) => sum + (output.leftOutLogprobs ?? 0), 0),
    similarity: spread(similarities),
    similarityBins: similarityBins(similarities),
    pairs: similarities.length,
    finishReasons: countReasons(ok),
  };
}
