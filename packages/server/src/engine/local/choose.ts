import type { GenerationOptions } from './generate.ts';
import { type Distribution, END } from './ngram-model.ts';

/** Picks the next token; `allow` narrows the vocabulary, as constrained decoding does. END if nothing is allowed. */
export function choose(
  distribution: Distribution,
  options: GenerationOptions,
  seen: Map<number, number>,
  allow: (id: number) => boolean = () => true,
): number {
  const plain =
    options.temperature === 1 && options.topP === 1 && options.presencePenalty === 0 && options.frequencyPenalty === 0;
  let onlyBans = true;
  for (const bias of options.logitBias.values()) if (bias > -100) onlyBans = false;
  if (plain && onlyBans) {
    // A bias of -100 bans a token: drawing again until the draw is allowed samples the rest exactly.
    for (let attempt = 0; attempt < 1000; attempt++) {
      const id = distribution.sample(options.random);
      if (!options.logitBias.has(id) && allow(id)) return id;
    }
  }
  // Otherwise the choice is made among the candidates, which hold all but a sliver of the probability.
  const candidates = new Set(distribution.candidates());
  for (const id of options.logitBias.keys()) candidates.add(id);
  const scored: { id: number; score: number }[] = [];
  for (const id of candidates) {
    if (!allow(id)) continue;
    const probability = distribution.probability(id);
    if (probability === 0) continue;
    const count = seen.get(id) ?? 0;
    const adjustment =
      (options.logitBias.get(id) ?? 0) - options.frequencyPenalty * count - (count > 0 ? options.presencePenalty : 0);
    scored.push({ id, score: Math.log(probability) + adjustment });
  }
  scored.sort((a, b) => b.score - a.score || a.id - b.id);
  const best = scored[0];
  if (!best) return END;
  if (options.temperature === 0) return best.id;
  const weights = scored.map(({ score }) => Math.exp((score - best.score) / options.temperature));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  // Nucleus: the smallest set of likeliest tokens whose mass reaches top_p.
  let kept = 0;
  let mass = 0;
  while (kept < weights.length && mass < options.topP * total) mass += weights[kept++] as number;
  let target = options.random() * mass;
  for (let index = 0; index < kept; index++) {
    target -= weights[index] as number;
    if (target < 0) return (scored[index] as { id: number }).id;
  }
  return (scored[kept - 1] as { id: number }).id;
}

export function topAlternatives(distribution: Distribution, count: number): { id: number; logprob: number }[] {
  return distribution
    .candidates()
    .filter((id) => id !== END)
    .map((id) => ({ id, logprob: Math.log(distribution.probability(id)) }))
    .sort((a, b) => b.logprob - a.logprob || a.id - b.id)
    .slice(0, count);
}
