import { createChatCompletionsClient } from '@completions-kit/core';
import { describe, expect, inject, it } from 'vitest';
import { rowsFromStored } from './dataset-sources.ts';

// The real local server (the hooks' global setup), its stored completions written through the API.
const client = createChatCompletionsClient({ baseURL: inject('serverUrl'), maxRetries: 0 });

describe('a dataset from stored completions', () => {
  it('takes each last question and its answer, and says when more matched than the row limit took', async () => {
    const tag = `rows-${Date.now()}`;
    for (const question of ['First question?', 'Second question?', 'Third question?']) {
      await client.chat.completions.create({
        model: 'ck-local-ngram',
        store: true,
        metadata: { tag },
        max_completion_tokens: 6,
        messages: [
          { role: 'user', content: 'An earlier turn.' },
          { role: 'user', content: question },
        ],
      });
    }
    const all = await rowsFromStored(client, { tag });
    expect(all.columns).toEqual(['input', 'expected']);
    expect(all.rows.map((row) => row[0])).toEqual(['First question?', 'Second question?', 'Third question?']);
    expect(all.rows.every((row) => (row[1] ?? '').length > 0)).toBe(true);
    expect(all.more).toBeFalsy();
    const cut = await rowsFromStored(client, { tag }, undefined, 2);
    expect(cut.rows).toHaveLength(2);
    expect(cut.more).toBe(true);
    expect((await rowsFromStored(client, { tag }, undefined, 3)).more).toBe(false);
  });
});
