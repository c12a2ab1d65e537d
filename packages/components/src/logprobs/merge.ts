import type { ChatCompletionTokenLogprob } from '@completions-kit/core';

/** The API's stand-in for "too unlikely to say": treat as probability 0, not as a number to average. */
export const LOGPROB_SENTINEL = -9999;

/** A logprob the maths can use: a number above the sentinel and at most 0 (null and NaN come in too). */
export function usableLogprob(value: unknown): value is number {
  return typeof value === 'number' && value > LOGPROB_SENTINEL && value <= 0;
}

/** What a reader sees as one token: the API tokens whose bytes make whole characters together. */
export interface DisplayToken {
  text: string;
  /** The API tokens merged into this one (usually one), each with its own detail. */
  tokens: ChatCompletionTokenLogprob[];
  /** Index of the first of them in the logprobs list. */
  index: number;
  /** The joint log probability of the merged tokens. */
  logprob: number;
  probability: number;
  /** True when any merged token carries the -9999 sentinel. */
  sentinel: boolean;
}

const decoder = new TextDecoder();

/** ASCII (most tokens) without a decoder call: 8,000 decodes cost more than rendering the view. */
function textOf(bytes: readonly number[]): string {
  let ascii = '';
  for (const byte of bytes) {
    if (byte >= 0x80) return decoder.decode(new Uint8Array(bytes));
    ascii += String.fromCharCode(byte);
  }
  return ascii;
}

/** How many continuation bytes a UTF-8 lead byte announces (0 for ASCII or a stray byte). */
function continuationBytes(lead: number): number {
  if (lead >= 0xf0 && lead <= 0xf7) return 3;
  if (lead >= 0xe0) return lead <= 0xef ? 2 : 0;
  if (lead >= 0xc0) return 1;
  return 0;
}

/**
 * Merges tokens that split a UTF-8 character (a 4-byte emoji over two or three tokens, a CJK
 * character over two) into display tokens, using their `bytes`. A token without bytes stands alone.
 */
export function mergeByBytes(tokens: readonly ChatCompletionTokenLogprob[], offset = 0): DisplayToken[] {
  const merged: DisplayToken[] = [];
  let group: ChatCompletionTokenLogprob[] = [];
  let bytes: number[] = [];
  let pending = 0;
  let start = 0;
  const close = () => {
    if (group.length === 0) return;
    const sentinel = group.some((token) => !usableLogprob(token.logprob));
    const logprob = group.reduce(
      (sum, token) => sum + (usableLogprob(token.logprob) ? token.logprob : LOGPROB_SENTINEL),
      0,
    );
    const text = bytes.length > 0 ? textOf(bytes) : group.map((token) => token.token).join('');
    merged.push({
      text,
      tokens: group,
      index: start + offset,
      logprob,
      probability: sentinel ? 0 : Math.exp(logprob),
      sentinel,
    });
    group = [];
    bytes = [];
    pending = 0;
  };
  for (const [index, token] of tokens.entries()) {
    if (!Array.isArray(token.bytes)) {
      close();
      start = index;
      group = [token];
      close();
      continue;
    }
    if (group.length === 0) start = index;
    group.push(token);
    for (const byte of token.bytes) {
      bytes.push(byte);
      if (pending > 0 && (byte & 0xc0) === 0x80) pending--;
      else pending = continuationBytes(byte);
    }
    if (pending === 0) close();
  }
  close();
  return merged;
}

/**
 * `mergeByBytes` for a list that grew at the end (a stream): every display token but the last is
 * reused as the same object, so memoized views of them skip work. Anything else merges afresh.
 */
export function extendMerge(
  previous: readonly DisplayToken[],
  tokens: readonly ChatCompletionTokenLogprob[],
): DisplayToken[] {
  const last = previous[previous.length - 1];
  const grew = last !== undefined && tokens[0] === previous[0]?.tokens[0] && tokens[last.index] === last.tokens[0];
  if (!grew) return mergeByBytes(tokens);
  return previous.slice(0, -1).concat(mergeByBytes(tokens.slice(last.index), last.index));
}

export interface LogprobSummary {
  /** API tokens counted (sentinels left out). */
  count: number;
  sentinels: number;
  meanLogprob: number | null;
  /** exp(-mean logprob): how many choices the model was, on average, torn between. */
  perplexity: number | null;
  /** Display-token positions, least confident first. */
  leastConfident: number[];
}

export function summarize(display: readonly DisplayToken[], least = 5): LogprobSummary {
  let sum = 0;
  let count = 0;
  let sentinels = 0;
  for (const token of display) {
    for (const part of token.tokens) {
      if (!usableLogprob(part.logprob)) sentinels++;
      else {
        sum += part.logprob;
        count++;
      }
    }
  }
  const mean = count > 0 ? sum / count : null;
  // The `least` lowest, kept sorted as we go: a full sort of 8,000 tokens costs more than the view.
  const order: number[] = [];
  for (let position = 0; position < display.length && least > 0; position++) {
    const logprob = display[position]?.logprob ?? 0;
    if (order.length === least && logprob >= (display[order[least - 1] as number]?.logprob ?? 0)) continue;
    let at = order.length;
    while (at > 0 && (display[order[at - 1] as number]?.logprob ?? 0) > logprob) at--;
    order.splice(at, 0, position);
    if (order.length > least) order.pop();
  }
  return {
    count,
    sentinels,
    meanLogprob: mean,
    perplexity: mean === null ? null : Math.exp(-mean),
    leastConfident: order,
  };
}
