import { describe, expect, it } from 'vitest';
import { MAX_MODELS, modelIds } from './model-ids.ts';

describe('modelIds', () => {
  it('lists the ids of an OpenAI-style answer, sorted and once each', () => {
    const body = { object: 'list', data: [{ id: 'gpt-4o' }, { id: 'ck-local-ngram' }, { id: 'gpt-4o' }] };
    expect(modelIds(body)).toEqual(['ck-local-ngram', 'gpt-4o']);
  });

  it('skips entries without a string id instead of failing on them', () => {
    const body = { data: [null, 3, { id: 42 }, { name: 'x' }, { id: 'llama3.2' }, { id: { __proto__: 'y' } }] };
    expect(modelIds(body)).toEqual(['llama3.2']);
  });

  it('refuses an answer with no data list, so the field says it could not list models', () => {
    for (const body of [null, 'text', {}, { data: 'gpt-4o' }, [{ id: 'gpt-4o' }]])
      expect(() => modelIds(body)).toThrow('no data list');
  });

  it('caps a huge catalogue', () => {
    const data = Array.from({ length: MAX_MODELS * 3 }, (_, index) => ({ id: `m-${String(index).padStart(5, '0')}` }));
    const ids = modelIds({ data });
    expect(ids).toHaveLength(MAX_MODELS);
    expect(ids[0]).toBe('m-00000');
  });
});
