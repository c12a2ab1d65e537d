// Validates bodies against the official OpenAPI spec in ../shared (read there, never copied).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
export const fixturesDir = path.resolve(here, '../../../../../shared/fixtures/openai');

let ajv: Ajv2020 | undefined;

function load(): Ajv2020 {
  if (ajv) return ajv;
  const spec = parse(readFileSync(path.join(fixturesDir, 'openapi.yaml'), 'utf8')) as { components: unknown };
  ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: 'openapi', components: withoutNullable(spec.components) });
  return ajv;
}

/** OpenAPI's legacy `nullable: true` as JSON Schema: a `null` type or branch. */
function withoutNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutNullable);
  if (typeof node !== 'object' || node === null) return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) copy[key] = withoutNullable(value);
  if (copy.nullable !== true) return copy;
  delete copy.nullable;
  if (Array.isArray(copy.enum)) copy.enum = [...copy.enum, null];
  if (typeof copy.type === 'string') return { ...copy, type: [copy.type, 'null'] };
  if (Array.isArray(copy.type)) return { ...copy, type: [...copy.type, 'null'] };
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(copy[key])) return { ...copy, [key]: [...(copy[key] as unknown[]), { type: 'null' }] };
  }
  return { anyOf: [copy, { type: 'null' }] };
}

/** The problems of `value` against `components.schemas.<name>`, empty when it conforms. */
export function specErrors(name: string, value: unknown): string[] {
  const validate = load().getSchema(`openapi#/components/schemas/${name}`);
  if (!validate) throw new Error(`No schema ${name} in the spec`);
  if (validate(value)) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`,
  );
}
