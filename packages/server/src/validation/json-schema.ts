import { isRecord } from './checks.ts';

export type JsonSchema = Record<string, unknown>;

/**
 * The rules strict mode adds, with the API's wording: every object closed with
 * `additionalProperties: false` and every property required. Null when the schema passes.
 */
export function strictSchemaProblem(schema: JsonSchema, path: string[] = []): string | null {
  const where = `In context=(${path.map((part) => `'${part}'`).join(', ')})`;
  const types = typesOf(schema);
  if (types.includes('object') || isRecord(schema.properties)) {
    if (schema.additionalProperties !== false)
      return `${where}, 'additionalProperties' is required to be supplied and to be false.`;
    const properties = isRecord(schema.properties) ? schema.properties : {};
    const required = Array.isArray(schema.required) ? schema.required : [];
    const missing = Object.keys(properties).find((key) => !required.includes(key));
    if (missing !== undefined)
      return `${where}, 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing}'.`;
    for (const [key, value] of Object.entries(properties)) {
      if (!isRecord(value)) continue;
      const problem = strictSchemaProblem(value, [...path, 'properties', key]);
      if (problem) return problem;
    }
  }
  for (const key of ['items'] as const) {
    const inner = schema[key];
    if (isRecord(inner)) {
      const problem = strictSchemaProblem(inner, [...path, key]);
      if (problem) return problem;
    }
  }
  for (const key of ['anyOf'] as const) {
    const list = schema[key];
    if (!Array.isArray(list)) continue;
    for (const [index, inner] of list.entries()) {
      if (!isRecord(inner)) continue;
      const problem = strictSchemaProblem(inner, [...path, key, String(index)]);
      if (problem) return problem;
    }
  }
  for (const key of ['$defs', 'definitions'] as const) {
    const defs = schema[key];
    if (!isRecord(defs)) continue;
    for (const [name, inner] of Object.entries(defs)) {
      if (!isRecord(inner)) continue;
      const problem = strictSchemaProblem(inner, [...path, key, name]);
      if (problem) return problem;
    }
  }
  return null;
}

export function typesOf(schema: JsonSchema): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((type): type is string => typeof type === 'string');
  return [];
}

/** Follows a local `$ref` (`#/$defs/name`, `#/definitions/name`, `#`) within the root schema. */
export function resolveRef(root: JsonSchema, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; hops < 32 && typeof current.$ref === 'string'; hops++) {
    const ref = current.$ref as string;
    if (!ref.startsWith('#')) return {};
    let target: unknown = root;
    for (const part of ref.slice(1).split('/').filter(Boolean)) {
      const key = part.replaceAll('~1', '/').replaceAll('~0', '~');
      target = isRecord(target) ? target[key] : undefined;
    }
    current = isRecord(target) ? target : {};
  }
  return current;
}
