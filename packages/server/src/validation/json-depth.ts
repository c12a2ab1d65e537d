import { invalid } from '../http/errors.ts';

/**
 * How deep a request body may nest. The API's own structured-output schemas stop at 10 levels of
 * schema (about 25 of JSON once `properties` and names are counted); 64 leaves room for any real
 * request while keeping every recursive walk after this one (validators, the model worker's
 * structured clone, JSON.stringify) far from the stack's limit.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Refuses a parsed body nested deeper than `limit`, with a 400 naming the parameter where it goes
 * too deep. Walks with an explicit stack, so the check itself cannot overflow at any depth.
 */
export function refuseDeepJson(value: unknown, limit = MAX_JSON_DEPTH): void {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '' }];
  while (stack.length > 0) {
    const item = stack.pop() as (typeof stack)[number];
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth >= limit) {
      const param = item.path || null;
      throw invalid(
        param,
        `Invalid '${param ?? 'body'}': nested too deeply (more than ${limit} levels of objects and arrays).`,
        'nesting_too_deep',
      );
    }
    const entries: [string, unknown][] = Array.isArray(item.value)
      ? item.value.map((inner, index) => [`[${index}]`, inner])
      : Object.entries(item.value).map(([key, inner]) => [item.path ? `.${key}` : key, inner]);
    for (const [step, inner] of entries) {
      // The parameter is named down to a few steps: enough to find it, never the whole chain.
      const path = item.depth < 6 ? `${item.path}${step}` : item.path;
      stack.push({ value: inner, depth: item.depth + 1, path });
    }
  }
}
