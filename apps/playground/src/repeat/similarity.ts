/** Words as the similarity compares them: split on white space, case and punctuation kept. */
export const wordsOf = (text: string): string[] => text.split(/\s+/u).filter((word) => word !== '');

/** The fewest word insertions, deletions and substitutions that turn one list into the other. */
export function wordEditDistance(before: readonly string[], after: readonly string[]): number {
  // One row at a time: memory grows with the shorter text only.
  const [outer, inner] = before.length >= after.length ? [before, after] : [after, before];
  let previous = Array.from({ length: inner.length + 1 }, (_, index) => index);
  for (let row = 1; row <= outer.length; row++) {
    const current = [row];
    for (let column = 1; column <= inner.length; column++) {
      const substitution = (previous[column - 1] ?? 0) + (outer[row - 1] === inner[column - 1] ? 0 : 1);
      current[column] = Math.min((previous[column] ?? 0) + 1, (current[column - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[inner.length] ?? 0;
}

/**
 * How alike two texts are, 0 to 1: one less the word edit distance over the longer one's word
 * count. Two empty texts are alike (1); rewording one word of ten gives 0.9.
 */
export function wordSimilarity(before: string, after: string): number {
  const a = wordsOf(before);
  const b = wordsOf(after);
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - wordEditDistance(a, b) / longest;
}

/** The similarity of every pair of texts (n·(n−1)/2 values); none for fewer than two. */
export function pairwiseSimilarity(texts: readonly string[]): number[] {
  const values: number[] = [];
  for (let first = 0; first < texts.length; first++)
    for (let second = first + 1; second < texts.length; second++)
      values.push(wordSimilarity(texts[first] ?? '', texts[second] ?? ''));
  return values;
}

/** Values from 0 to 1 counted into equal bins (the last bin holds 1): a distribution to draw. */
export function similarityBins(values: readonly number[], count = 5): number[] {
  const bins = Array.from({ length: count }, () => 0);
  for (const value of values) {
    const bin = Math.min(count - 1, Math.max(0, Math.floor(value * count)));
    bins[bin] = (bins[bin] ?? 0) + 1;
  }
  return bins;
}
