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
    // Only containers go on the stack, and a path is built only while it is still short: a long
    // flat array of numbers costs one pass and no allocation.
    const named = item.depth < 6;
    if (Array.isArray(item.value)) {
      for (let index = 0; index < item.value.length; index++) {
        const inner: unknown = item.value[index];
        if (typeof inner === 'object' && inner !== null)
          stack.push({ value: inner, depth: item.depth + 1, path: named ? `${item.path}[${index}]` : item.path });
      }
      continue;
    }
    for (const key in item.value) {
      const inner = (item.value as Record<string, unknown>)[key];
      if (typeof inner === 'object' && inner !== null)
        stack.push({
          value: inner,
          depth: item.depth + 1,
          path: named ? (item.path ? `${item.path}.${key}` : key) : item.path,
        });
    }
  }
}
