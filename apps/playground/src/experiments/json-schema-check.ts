/**
 * A small JSON Schema checker for graders: the keywords structured outputs use (type, properties,
 * required, additionalProperties, items, enum, const, anyOf, local $ref, and the string, number and
 * array bounds). Unknown keywords are ignored. Returns the first problem, or null.
 */

type Schema = Record<string, unknown>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

const typeMatches = (actual: string, wanted: string) =>
  actual === wanted || (wanted === 'number' && actual === 'integer');

function resolve(root: Schema, schema: Schema): Schema {
  let current = schema;
  for (let hops = 0; hops < 32 && typeof current.$ref === 'string'; hops++) {
    let target: unknown = root;
    for (const part of (current.$ref as string).replace(/^#/, '').split('/').filter(Boolean))
      target = isRecord(target) ? target[part.replaceAll('~1', '/').replaceAll('~0', '~')] : undefined;
    current = isRecord(target) ? target : {};
  }
  return current;
}

const at = (path: string) => path || 'the answer';

function checkBounds(schema: Schema, value: unknown, path: string): string | null {
  const bound = (key: string) => (typeof schema[key] === 'number' ? (schema[key] as number) : undefined);
  if (typeof value === 'string') {
    const length = [...value].length;
    if (length < (bound('minLength') ?? 0)) return `${at(path)} is shorter than ${bound('minLength')} characters.`;
    if (length > (bound('maxLength') ?? Number.POSITIVE_INFINITY))
      return `${at(path)} is longer than ${bound('maxLength')} characters.`;
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
      return `${at(path)} does not match ${schema.pattern}.`;
  }
  if (typeof value === 'number') {
    if (value < (bound('minimum') ?? Number.NEGATIVE_INFINITY)) return `${at(path)} is below ${bound('minimum')}.`;
    if (value > (bound('maximum') ?? Number.POSITIVE_INFINITY)) return `${at(path)} is above ${bound('maximum')}.`;
  }
  if (Array.isArray(value)) {
    if (value.length < (bound('minItems') ?? 0)) return `${at(path)} has fewer than ${bound('minItems')} items.`;
    if (value.length > (bound('maxItems') ?? Number.POSITIVE_INFINITY))
      return `${at(path)} has more than ${bound('maxItems')} items.`;
  }
  return null;
}

function checkObject(root: Schema, schema: Schema, value: Record<string, unknown>, path: string, depth: number) {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  for (const key of Array.isArray(schema.required) ? schema.required : [])
    if (typeof key === 'string' && !Object.hasOwn(value, key)) return `${at(path)} lacks the required “${key}”.`;
  for (const [key, inner] of Object.entries(value)) {
    const innerSchema = Object.hasOwn(properties, key) ? properties[key] : schema.additionalProperties;
    if (innerSchema === false) return `${at(path)} has “${key}”, which the schema does not allow.`;
    if (isRecord(innerSchema)) {
      const problem = check(root, innerSchema, inner, `${path}.${key}`, depth + 1);
      if (problem) return problem;
    }
  }
  return null;
}

function check(root: Schema, given: Schema, value: unknown, path: string, depth: number): string | null {
  if (depth > 64) return `${at(path)} is nested too deeply to check.`;
  const schema = resolve(root, given);
  const types = typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? schema.type : [];
  const actual = typeOf(value);
  if (types.length > 0 && !types.some((wanted) => typeMatches(actual, String(wanted))))
    return `${at(path)} is ${actual}, not ${types.join(' or ')}.`;
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => JSON.stringify(option) === JSON.stringify(value)))
    return `${at(path)} is not one of ${JSON.stringify(schema.enum)}.`;
  if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(value))
    return `${at(path)} is not ${JSON.stringify(schema.const)}.`;
  if (Array.isArray(schema.anyOf)) {
    const options = schema.anyOf.filter(isRecord);
    if (!options.some((option) => check(root, option, value, path, depth + 1) === null))
      return `${at(path)} matches none of the schema's choices.`;
  }
  const bounds = checkBounds(schema, value, path);
  if (bounds) return bounds;
  if (isRecord(value)) return checkObject(root, schema, value, path, depth);
  if (Array.isArray(value) && isRecord(schema.items))
    for (const [index, item] of value.entries()) {
      const problem = check(root, schema.items, item, `${path}[${index}]`, depth + 1);
      if (problem) return problem;
    }
  return null;
}

/** The first way `value` breaks `schema`, or null when it conforms. */
export function schemaProblem(schema: Schema, value: unknown): string | null {
  return check(schema, schema, value, '', 0);
}
