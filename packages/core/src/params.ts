/**
 * The API's ranges for numeric request parameters, `[min, max]`: what the local server checks and
 * what the playground's composer shows, from one place.
 */
export const paramLimits = {
  temperature: [0, 2],
  top_p: [0, 1],
  n: [1, 128],
  frequency_penalty: [-2, 2],
  presence_penalty: [-2, 2],
  top_logprobs: [0, 20],
} as const satisfies Record<string, readonly [number, number]>;
