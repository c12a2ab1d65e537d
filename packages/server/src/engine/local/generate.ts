import { checkBudget } from './budget.ts';
import { type Distribution, END, type NgramModel } from './ngram-model.ts';
import type { Random } from './random.ts';
import { tokenBytes } from './tokenizer.ts';

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
  prompt: ReturnType<typeof import('./ngram-model.ts').countsOf> | null;
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

/** Generates one choice token by token; logprobs are the model's own probabilities. */
export function generate(model: NgramModel, options: GenerationOptions): GeneratedChoice {
  const tokens: GeneratedToken[] = [];
  const seen = new Map<number, number>();
  const decoder = new TextDecoder();
  let content = '';
  let previous2 = -1;
  let previous1 = -1;
  while (tokens.length < options.maxTokens) {
    checkBudget();
    const distribution = model.distribution(previous2, previous1, options.prompt);
    const id = choose(distribution, options, seen);
    if (id === END) return { tokens, content, finishReason: 'stop', completionTokens: tokens.length + 1 };
    const text = decoder.decode(new Uint8Array(tokenBytes(id)), { stream: true });
    const token: GeneratedToken = { id, text, logprob: Math.log(distribution.probability(id)), top: [] };
    if (options.topLogprobs) token.top = topAlternatives(distribution, options.topLogprobs);
    tokens.push(token);
    seen.set(id, (seen.get(id) ?? 0) + 1);
    const stopAt = findStop(content, text, options.stop);
    if (stopAt !== -1) {
      // The content ends right before the stop sequence, as the API's does.
      const cut = stopAt - content.length;
      token.text = text.slice(0, Math.max(0, cut));
      content = content.slice(0, Math.min(content.length, stopAt)) + token.text;
      return { tokens, content, finishReason: 'stop', completionTokens: tokens.length };
    }
    content += text;
    previous2 = previous1;
    previous1 = id;
  }
  return { tokens, content, finishReason: 'length', completionTokens: tokens.length };
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
