import { isRecord } from '../../validation/checks.ts';
import { type JsonSchema, resolveRef, typesOf } from '../../validation/json-schema.ts';
import { type Composer, plainStringToken } from './composer.ts';
import type { ConversationValues } from './conversation-values.ts';
import { parseRegex, sampleRegex } from './regex-sampler.ts';
import { tokenText } from './tokenizer.ts';

/** Past this depth, recursive schemas take their shortest shape (no optional keys, fewest items). */
const DEEP = 5;

/**
 * Writes compact JSON valid against `schema`, token by token: punctuation and keys are forced,
 * string values are sampled from the model (or taken from the conversation where they fit),
 * enums and booleans are picked by the model's own probabilities.
 */
export class JsonWriter {
  constructor(
    private readonly composer: Composer,
    private readonly root: JsonSchema,
    private readonly values: ConversationValues,
    /** Strict schemas list every key as required; loose ones get optional keys at random. */
    private readonly strict: boolean,
  ) {}

  value(schema: JsonSchema = this.root, depth = 0, key = ''): void {
    const resolved = resolveRef(this.root, schema);
    const { composer } = this;
    if ('const' in resolved) {
      composer.force(JSON.stringify(resolved.const));
      return;
    }
    if (Array.isArray(resolved.enum) && resolved.enum.length > 0) {
      this.#enum(resolved.enum);
      return;
    }
    const branches = (resolved.anyOf ?? resolved.oneOf) as unknown;
    if (Array.isArray(branches) && branches.length > 0) {
      const usable = branches.filter(isRecord);
      const simple = usable.filter((branch) => !typesOf(resolveRef(this.root, branch)).includes('object'));
      const pool = depth >= DEEP && simple.length > 0 ? simple : usable;
      this.value(pool[Math.floor(composer.random() * pool.length)] ?? {}, depth, key);
      return;
    }
    if (Array.isArray(resolved.allOf)) {
      this.value(Object.assign({}, ...resolved.allOf.filter(isRecord)), depth, key);
      return;
    }
    const types = typesOf(resolved);
    const nonNull = types.filter((type) => type !== 'null');
    let type = nonNull.length > 0 ? (nonNull[Math.floor(composer.random() * nonNull.length)] as string) : types[0];
    if (types.includes('null') && (nonNull.length === 0 || composer.random() < 0.15)) type = 'null';
    if (type === undefined) type = isRecord(resolved.properties) ? 'object' : resolved.items ? 'array' : 'string';
    switch (type) {
      case 'object':
        this.#object(resolved, depth);
        return;
      case 'array':
        this.#array(resolved, depth, key);
        return;
      case 'integer':
      case 'number':
        composer.force(String(this.#number(resolved, type === 'integer')));
        return;
      case 'boolean':
        composer.force(composer.pick(['true', 'false'] as const));
        return;
      case 'null':
        composer.force('null');
        return;
      default:
        this.#string(resolved, key);
        return;
    }
  }

  /** A JSON object with keys of the model's own words, for `json_object` mode. */
  freeObject(): void {
    const { composer } = this;
    composer.force('{');
    const count = 1 + Math.floor(composer.random() * 3);
    const used = new Set<string>();
    for (let index = 0; index < count; index++) {
      if (index > 0) composer.force(',');
      composer.force('"');
      let key = composer.free({ allow: (id) => /^[a-z]+$/.test(tokenText(id)), minTokens: 1, maxTokens: 2 }).trim();
      if (key === '' || used.has(key)) {
        key = `${key || 'field'}_${index + 1}`;
        composer.force(key.slice(key.length - `_${index + 1}`.length));
      }
      used.add(key);
      composer.force('":');
      this.#string({}, key);
    }
    composer.force('}');
  }

  #object(schema: JsonSchema, depth: number): void {
    const { composer } = this;
    const properties = isRecord(schema.properties) ? schema.properties : {};
    const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
    const keys = Object.keys(properties).filter(
      (key) => this.strict || required.has(key) || (depth < DEEP && composer.random() < 0.6),
    );
    composer.force('{');
    for (const [index, key] of keys.entries()) {
      composer.force(`${index > 0 ? ',' : ''}${JSON.stringify(key)}:`);
      const inner = properties[key];
      this.value(isRecord(inner) ? inner : {}, depth + 1, key);
    }
    composer.force('}');
  }

  #array(schema: JsonSchema, depth: number, key: string): void {
    const { composer } = this;
    const min = typeof schema.minItems === 'number' ? schema.minItems : depth >= DEEP ? 0 : 1;
    const max = Math.max(min, Math.min(typeof schema.maxItems === 'number' ? schema.maxItems : min + 2, min + 3));
    const count = depth >= DEEP ? min : min + Math.floor(composer.random() * (max - min + 1));
    const items = isRecord(schema.items) ? schema.items : {};
    composer.force('[');
    for (let index = 0; index < count; index++) {
      if (index > 0) composer.force(',');
      this.value(items, depth + 1, key);
    }
    composer.force(']');
  }

  #enum(options: unknown[]): void {
    const mentioned = options.find((option) => typeof option === 'string' && this.values.mentions(option));
    if (mentioned !== undefined) {
      this.composer.force(JSON.stringify(mentioned));
      return;
    }
    const texts = options.map((option) => JSON.stringify(option));
    this.composer.force(this.composer.pick(texts));
  }

  #number(schema: JsonSchema, integer: boolean): number {
    const number = (name: string) => (typeof schema[name] === 'number' ? (schema[name] as number) : undefined);
    const step = integer ? 1 : 0.01;
    let low =
      number('minimum') ??
      (number('exclusiveMinimum') !== undefined ? (number('exclusiveMinimum') as number) + step : 0);
    let high =
      number('maximum') ??
      (number('exclusiveMaximum') !== undefined ? (number('exclusiveMaximum') as number) - step : low + 100);
    if (high < low) [low, high] = [high, low];
    const multiple = number('multipleOf');
    const fits = (value: number) =>
      value >= low &&
      value <= high &&
      (!integer || Number.isInteger(value)) &&
      (!multiple || isMultiple(value, multiple));
    const typed = this.values.take(this.values.numbers, fits);
    if (typed !== undefined) return typed;
    if (multiple) {
      const first = Math.ceil(low / multiple);
      const last = Math.floor(high / multiple);
      const count = first + Math.floor(this.composer.random() * Math.max(1, last - first + 1));
      return Number((count * multiple).toFixed(10));
    }
    const drawn = low + this.composer.random() * (high - low);
    return integer ? Math.min(Math.floor(high), Math.max(Math.ceil(low), Math.round(drawn))) : Number(drawn.toFixed(2));
  }

  #string(schema: JsonSchema, key: string): void {
    const { composer, values } = this;
    const quoted = (text: string) => composer.force(JSON.stringify(text));
    const format = typeof schema.format === 'string' ? schema.format : '';
    const formatted = this.#formatted(format, key);
    if (formatted !== null) {
      quoted(formatted);
      return;
    }
    if (typeof schema.pattern === 'string') {
      try {
        quoted(sampleRegex(parseRegex(schema.pattern), composer.random));
        return;
      } catch {
        // A pattern the sampler cannot read gets free text, which may then not match: said in the README.
      }
    }
    const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : 120;
    const minLength = typeof schema.minLength === 'number' ? schema.minLength : 1;
    const fits = (text: string) => text.length >= minLength && text.length <= maxLength;
    if (/query|question|prompt|search|text|message|input/i.test(key)) {
      const whole = values.text.trim();
      if (fits(whole)) {
        quoted(whole);
        return;
      }
    }
    const typed = values.take(values.phrases, fits);
    if (typed !== undefined) {
      quoted(typed);
      return;
    }
    composer.force('"');
    const start = composer.textLength;
    composer.free({
      allow: (id) => plainStringToken(id) && composer.textLength - start + tokenText(id).length <= maxLength,
      allowFirst: (id) => plainStringToken(id) && !/^\s/.test(tokenText(id)) && tokenText(id).length <= maxLength,
      minTokens: Math.min(minLength, maxLength),
      maxTokens: Math.max(Math.min(minLength, maxLength), Math.min(12, maxLength)),
    });
    // The model can end or run out of allowed tokens early; a short value is padded, never left invalid.
    const short = minLength - (composer.textLength - start);
    if (short > 0) composer.force('s'.repeat(short));
    composer.force('"');
  }

  #formatted(format: string, key: string): string | null {
    const { composer, values } = this;
    const day = () => {
      const base = Date.UTC(2026, 0, 1) + Math.floor(composer.random() * 365) * 86_400_000;
      return new Date(base).toISOString().slice(0, 10);
    };
    switch (format) {
      case 'date':
        return values.take(values.dates) ?? day();
      case 'date-time':
        return `${values.take(values.dates) ?? day()}T${String(8 + Math.floor(composer.random() * 10)).padStart(2, '0')}:30:00Z`;
      case 'time':
        return `${String(8 + Math.floor(composer.random() * 10)).padStart(2, '0')}:15:00Z`;
      case 'email':
        return values.take(values.emails) ?? `${key.replace(/[^a-z]/gi, '').toLowerCase() || 'someone'}@example.com`;
      case 'uri':
      case 'url':
        return values.take(values.urls) ?? `https://example.com/${key.replace(/[^a-z]/gi, '').toLowerCase()}`;
      case 'hostname':
        return 'example.com';
      case 'ipv4':
        return `192.0.2.${1 + Math.floor(composer.random() * 254)}`;
      case 'ipv6':
        return `2001:db8::${(1 + Math.floor(composer.random() * 0xfffe)).toString(16)}`;
      case 'uuid':
        return sampleRegex(
          parseRegex('[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}'),
          composer.random,
        );
      case 'duration':
        return `PT${1 + Math.floor(composer.random() * 59)}M`;
      default:
        return null;
    }
  }
}

function isMultiple(value: number, multiple: number): boolean {
  const ratio = value / multiple;
  return Math.abs(ratio - Math.round(ratio)) < 1e-9;
}
