// Stored completions carry `seed` as a signed 64-bit integer; JSON.parse would round it silently.
const longSeed = /(?<!\\)"seed"\s*:\s*(-?\d{16,})/g;

/**
 * JSON.parse, except that a `seed` beyond 2^53 comes back as a string of its exact digits instead
 * of a rounded number.
 */
export function parseJson(text: string): unknown {
  if (!text.includes('"seed"')) return JSON.parse(text);
  return JSON.parse(
    text.replace(longSeed, (match, digits: string) =>
      Number.isSafeInteger(Number(digits)) ? match : `"seed":"${digits}"`,
    ),
  );
}
