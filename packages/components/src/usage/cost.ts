import type { CompletionUsage } from '@completions-kit/core';

/** Prices in US dollars per million tokens. Unset rates fall back to `input` or `output`. */
export interface ModelPrice {
  input: number;
  cachedInput?: number;
  audioInput?: number;
  output: number;
  audioOutput?: number;
}

/** Model name (or dated-snapshot prefix) to its prices. Pass your own: prices change. */
export type PriceTable = Readonly<Record<string, ModelPrice>>;

/**
 * OpenAI's published standard-tier list prices for a few models, as of mid-2025, and the built-in
 * local model at zero. An example to copy and keep current, not a source of truth.
 */
export const examplePrices: PriceTable = {
  'gpt-5': { input: 1.25, cachedInput: 0.125, output: 10 },
  'gpt-5-mini': { input: 0.25, cachedInput: 0.025, output: 2 },
  'gpt-5-nano': { input: 0.05, cachedInput: 0.005, output: 0.4 },
  'gpt-4.1': { input: 2, cachedInput: 0.5, output: 8 },
  'gpt-4.1-mini': { input: 0.4, cachedInput: 0.1, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, cachedInput: 0.025, output: 0.4 },
  'gpt-4o': { input: 2.5, cachedInput: 1.25, output: 10 },
  'gpt-4o-mini': { input: 0.15, cachedInput: 0.075, output: 0.6 },
  'gpt-4o-audio-preview': { input: 2.5, audioInput: 40, output: 10, audioOutput: 80 },
  'gpt-4o-mini-audio-preview': { input: 0.15, audioInput: 10, output: 0.6, audioOutput: 20 },
  'ck-local': { input: 0, output: 0 },
};

/** The price of a model: its exact name, else the longest key it extends with `-` (dated snapshots). */
export function priceFor(table: PriceTable, model: string): ModelPrice | undefined {
  // Own keys only: a model named `__proto__` or `constructor` must not find Object's.
  if (Object.hasOwn(table, model)) return table[model];
  let best: string | undefined;
  for (const key of Object.keys(table)) {
    if (String(model).startsWith(`${key}-`) && (!best || key.length > best.length)) best = key;
  }
  return best === undefined ? undefined : table[best];
}

export interface CostBreakdown {
  /** Each part in US dollars. */
  input: number;
  cachedInput: number;
  audioInput: number;
  output: number;
  audioOutput: number;
  total: number;
}

// A count or rate from the wire: anything but a non-negative number counts as 0, and past a
// trillion it is capped, so no product of two overflows.
const count = (value: unknown) => (typeof value === 'number' && value >= 0 ? Math.min(value, 1e12) : 0);

/**
 * What a response cost. Cached and audio prompt tokens are part of `prompt_tokens`; reasoning,
 * audio and rejected prediction tokens are part of `completion_tokens` and billed as output.
 */
export function costOf(usage: CompletionUsage, price: ModelPrice): CostBreakdown {
  const cached = count(usage.prompt_tokens_details?.cached_tokens);
  const audioIn = count(usage.prompt_tokens_details?.audio_tokens);
  const audioOut = count(usage.completion_tokens_details?.audio_tokens);
  const perToken = (rate: number | undefined) => count(rate) / 1_000_000;
  const parts = {
    input: Math.max(0, count(usage.prompt_tokens) - cached - audioIn) * perToken(price.input),
    cachedInput: cached * perToken(price.cachedInput ?? price.input),
    audioInput: audioIn * perToken(price.audioInput ?? price.input),
    output: Math.max(0, count(usage.completion_tokens) - audioOut) * perToken(price.output),
    audioOutput: audioOut * perToken(price.audioOutput ?? price.output),
  };
  const total = parts.input + parts.cachedInput + parts.audioInput + parts.output + parts.audioOutput;
  return { ...parts, total };
}

/** Dollars with enough digits to see a fraction of a cent. */
export function formatDollars(amount: number): string {
  if (!Number.isFinite(amount)) return '–';
  if (amount <= 0) return amount === 0 ? '$0' : `-${formatDollars(-amount)}`;
  if (amount < 0.01) return `$${amount.toFixed(Math.min(8, 1 - Math.floor(Math.log10(amount))))}`;
  return `$${amount.toFixed(amount < 1 ? 4 : 2)}`;
}
