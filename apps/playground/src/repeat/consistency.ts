/** One of the repeated runs, as the consistency figures need it. */
export interface RepeatOutput {
  /** 0-based position in the repeat. */
  index: number;
  seed: number;
  text: string;
  /** Completion tokens from usage, when reported. */
  tokens: number | null;
  /** The mean of the output tokens' logprobs, when returned. */
  meanLogprob: number | null;
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

/** The mean logprob of a choice's tokens, or null when none came back. */
export function meanLogprob(tokens: readonly { logprob: number }[] | null | undefined): number | null {
  const finite = (tokens ?? []).map((token) => token.logprob).filter(Number.isFinite);
  return finite.length === 0 ? null : finite.reduce((sum, value) => sum + value, 0) / finite.length;
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

/** How consistent the repeated outputs are: distinct answers, disagreement with the usual one, spreads. */
export function consistency(outputs: RepeatOutput[]): Consistency {
  const ok = outputs.filter((output) => output.error === undefined);
  const texts = ok.map((output) => output.text);
  const mode = mostCommon(texts);
  return {
    runs: ok.length,
    distinct: new Set(texts).size,
    modeCount: mode?.count ?? 0,
    differShare: ok.length === 0 ? 0 : (ok.length - (mode?.count ?? 0)) / ok.length,
    characters: spread(texts.map((text) => [...text].length)),
    tokens: spread(present(ok.map((output) => output.tokens))),
    meanLogprob: spread(present(ok.map((output) => output.meanLogprob))),
  };
}
