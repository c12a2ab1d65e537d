import { createChatCompletionsClient } from '@completions-kit/core';
import { describe, expect, inject, it } from 'vitest';
import { type GraderSpec, gradeAnswer } from './graders.ts';
import { schemaProblem } from './json-schema-check.ts';
import { judge, readVerdict } from './model-grader.ts';

const row = new Map([
  ['city', 'Paris'],
  ['expected', 'Paris'],
]);
const grade = (spec: Partial<GraderSpec> & Pick<GraderSpec, 'kind'>, answer: string) =>
  gradeAnswer({ id: 'g', ...spec } as GraderSpec, answer, row);

describe('text graders', () => {
  it('exact match compares with the row’s expected answer, trimmed, case as asked', () => {
    expect(grade({ kind: 'exact', text: '{{expected}}', ignoreCase: false }, ' Paris\n')).toMatchObject({ pass: true });
    expect(grade({ kind: 'exact', text: '{{expected}}', ignoreCase: false }, 'paris')).toMatchObject({
      pass: false,
      reason: 'Is not “Paris”.',
    });
    expect(grade({ kind: 'exact', text: '{{expected}}', ignoreCase: true }, 'PARIS').pass).toBe(true);
  });

  it('contains fills the row’s variables into its text', () => {
    expect(grade({ kind: 'contains', text: 'in {{city}}', ignoreCase: true }, 'It is IN PARIS.').pass).toBe(true);
    expect(grade({ kind: 'contains', text: 'Lyon', ignoreCase: true }, 'Paris').reason).toBe(
      'Does not contain “Lyon”.',
    );
  });

  it('regex matches, and a broken pattern fails with its reason instead of throwing', () => {
    expect(grade({ kind: 'regex', pattern: '^\\d{3}$', flags: '' }, '123').pass).toBe(true);
    const broken = grade({ kind: 'regex', pattern: '(', flags: '' }, '123');
    expect(broken.pass).toBe(false);
    expect(broken.reason).toMatch(/^The pattern is not valid/);
  });

  it('length limits count characters, not UTF-16 units', () => {
    expect(grade({ kind: 'length', min: 2, max: 3 }, '😀😀😀').pass).toBe(true);
    expect(grade({ kind: 'length', min: 2, max: 3 }, 'a').reason).toBe('1 characters, under 2.');
    expect(grade({ kind: 'length', min: null, max: 3 }, 'abcd').reason).toBe('4 characters, over 3.');
  });

  it('JSON schema: not JSON, wrong shape and a fit each say why', () => {
    const schema = JSON.stringify({
      type: 'object',
      properties: { city: { type: 'string', enum: ['Paris', 'Oslo'] }, population: { type: 'integer', minimum: 0 } },
      required: ['city'],
      additionalProperties: false,
    });
    expect(grade({ kind: 'json-schema', schema }, '{"city":"Paris","population":2}')).toMatchObject({ pass: true });
    expect(grade({ kind: 'json-schema', schema }, 'Paris').reason).toMatch(/^Not JSON/);
    expect(grade({ kind: 'json-schema', schema }, '{"population":2}').reason).toBe(
      'the answer lacks the required “city”.',
    );
    expect(grade({ kind: 'json-schema', schema }, '{"city":"Rome"}').reason).toContain('.city is not one of');
    expect(grade({ kind: 'json-schema', schema }, '{"city":"Oslo","x":1}').reason).toContain(
      '“x”, which the schema does not allow',
    );
    expect(grade({ kind: 'json-schema', schema }, '{"city":"Oslo","population":-1.5}').reason).toBe(
      '.population is number, not integer.',
    );
  });
});

describe('schema checker', () => {
  it('follows local references, array items and anyOf', () => {
    const schema = {
      $defs: { tag: { type: 'string', maxLength: 3 } },
      type: 'array',
      items: { anyOf: [{ $ref: '#/$defs/tag' }, { type: 'null' }] },
    };
    expect(schemaProblem(schema, ['abc', null])).toBeNull();
    expect(schemaProblem(schema, ['abcd'])).toBe("[0] matches none of the schema's choices.");
    expect(schemaProblem({ type: 'object' }, { __proto__: 1 })).toBeNull();
  });
});

describe('model-graded check', () => {
  it('reads the judge’s answer as untrusted: no JSON, no score, out-of-range score', () => {
    expect(readVerdict('great answer')).toEqual({ problem: 'The judge did not answer in JSON.' });
    expect(readVerdict('{"reason":"fine"}')).toEqual({ problem: 'The judge gave no score.' });
    expect(readVerdict('{"score":7,"reason":"x"}')).toEqual({ score: 1, reason: 'x' });
    expect(readVerdict('{"score":"0.25"}')).toEqual({ score: 0.25, reason: '' });
  });

  it('asks a judge on a real connection and grades by its score', async () => {
    const client = createChatCompletionsClient({ baseURL: inject('serverUrl'), maxRetries: 0 });
    const result = await judge(client, {
      graderId: 'judge',
      prompt: 'Is {{answer}} the capital of France? Reference: {{expected}}',
      model: 'ck-local-ngram',
      threshold: 0,
      answer: 'Paris',
      row,
    });
    expect(result.grader).toBe('judge');
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(result.score).toBeLessThanOrEqual(1);
    expect(result.pass).toBe(true);
    expect(result.reason).toMatch(/^Score \d\.\d\d: /);
  });

  it('fails with the reason when the judge’s connection answers with an error', async () => {
    const client = createChatCompletionsClient({ baseURL: inject('serverUrl'), maxRetries: 0 });
    const result = await judge(client, { graderId: 'judge', prompt: 'x', model: '', threshold: 0.5, answer: 'a', row });
    expect(result.pass).toBe(false);
    expect(result.reason).toMatch(/^The judge could not answer: /);
  });
});
