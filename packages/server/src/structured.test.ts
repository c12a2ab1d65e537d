import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './start-server.ts';
import { bothWays, chunkSpecErrors, expectSameAnswer } from './test-support/both-ways.ts';
import { schemaValidator } from './test-support/schema-validator.ts';
import { openaiFor, startTestServer, user } from './test-support/servers.ts';
import { specErrors } from './test-support/spec.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const ajv = schemaValidator;

/** Nested objects and arrays, enums, formats, bounds, nullable unions, and a recursive $ref. */
const recipe = {
  type: 'object',
  properties: {
    title: { type: 'string', minLength: 3, maxLength: 40 },
    servings: { type: 'integer', minimum: 1, maximum: 12 },
    rating: { type: 'number', exclusiveMinimum: 0, maximum: 5, multipleOf: 0.5 },
    cuisine: { enum: ['japanese', 'french', 'other'] },
    published: { type: 'string', format: 'date-time' },
    author: {
      type: ['object', 'null'],
      properties: { email: { type: 'string', format: 'email' }, id: { type: 'string', format: 'uuid' } },
      required: ['email', 'id'],
      additionalProperties: false,
    },
    code: { type: 'string', pattern: '^[A-Z]{3}-\\d{4}$' },
    steps: { type: 'array', minItems: 2, maxItems: 4, items: { $ref: '#/$defs/step' } },
    vegetarian: { type: 'boolean' },
  },
  required: ['title', 'servings', 'rating', 'cuisine', 'published', 'author', 'code', 'steps', 'vegetarian'],
  additionalProperties: false,
  $defs: {
    step: {
      type: 'object',
      properties: { text: { type: 'string' }, substeps: { type: 'array', items: { $ref: '#/$defs/step' } } },
      required: ['text', 'substeps'],
      additionalProperties: false,
    },
  },
};

describe('structured outputs: JSON written token by token by the model', () => {
  it('json_schema output is valid against a demanding schema, strict or not, over many seeds', async () => {
    const validate = ajv.compile(recipe);
    for (const strict of [true, false]) {
      for (let seed = 1; seed <= 8; seed++) {
        const completion = await openaiFor(server).chat.completions.create({
          model: 'ck-local-ngram',
          seed,
          messages: user('Write a recipe for matcha cookies for 4 people.'),
          response_format: { type: 'json_schema', json_schema: { name: 'recipe', strict, schema: recipe } },
          max_completion_tokens: 2000,
        });
        expect(specErrors('CreateChatCompletionResponse', completion)).toEqual([]);
        const value = JSON.parse(completion.choices[0]?.message.content ?? '');
        expect(validate(value), `${JSON.stringify(validate.errors)} in ${JSON.stringify(value)}`).toBe(true);
        expect(value.servings).toBe(4);
      }
    }
  });

  it('a loose schema may leave optional keys out, and a strict one never does', async () => {
    const loose = {
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'string' }, c: { type: 'string' } },
    };
    const keys = new Set<string>();
    for (let seed = 1; seed <= 6; seed++) {
      const completion = await openaiFor(server).chat.completions.create({
        model: 'ck-local-ngram',
        seed,
        messages: user('Anything.'),
        response_format: { type: 'json_schema', json_schema: { name: 'loose', schema: loose } },
      });
      keys.add(Object.keys(JSON.parse(completion.choices[0]?.message.content ?? '{}')).join(','));
    }
    expect(keys.size).toBeGreaterThan(1);
  });

  it('json_object output is a JSON object whose words come from the model', async () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 4; seed++) {
      const completion = await openaiFor(server).chat.completions.create({
        model: 'ck-local-ngram',
        seed,
        messages: user('Answer in JSON about streams.'),
        response_format: { type: 'json_object' },
      });
      const value = JSON.parse(completion.choices[0]?.message.content ?? '');
      expect(value).toBeTypeOf('object');
      expect(Array.isArray(value)).toBe(false);
      seen.add(completion.choices[0]?.message.content ?? '');
    }
    expect(seen.size).toBe(4);
  });

  it('streams the JSON token by token, and the accumulator rebuilds the same response with logprobs', async () => {
    const result = await bothWays(server, {
      messages: user('A recipe for 2, please.'),
      response_format: { type: 'json_schema', json_schema: { name: 'recipe', strict: true, schema: recipe } },
      logprobs: true,
      top_logprobs: 2,
      max_completion_tokens: 2000,
    });
    for (const chunk of result.chunks) expect(chunkSpecErrors(chunk)).toEqual([]);
    const pieces = result.chunks.filter(
      (chunk) => (chunk.choices as { delta: { content?: string } }[])[0]?.delta.content,
    );
    expect(pieces.length).toBeGreaterThan(30);
    expect(result.completion.choices[0]?.logprobs?.content?.length).toBe(result.completion.usage?.completion_tokens);
    expectSameAnswer(result);
  });

  it('a token limit cuts the JSON short with finish_reason length, as the API does', async () => {
    const completion = await openaiFor(server).chat.completions.create({
      model: 'ck-local-ngram',
      messages: user('A recipe.'),
      response_format: { type: 'json_schema', json_schema: { name: 'recipe', strict: true, schema: recipe } },
      max_completion_tokens: 8,
    });
    expect(completion.choices[0]?.finish_reason).toBe('length');
    expect(() => JSON.parse(completion.choices[0]?.message.content ?? '')).toThrow();
  });
});
