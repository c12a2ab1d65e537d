import { readFileSync } from 'node:fs';
import type { ChatCompletion } from '@completions-kit/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshSchemaUrl, postgresUrl } from '../test-support/postgres.ts';
import { CompletionStore, type StoredRecord } from './completion-store.ts';
import { migrate } from './migrations.ts';
import { openSql } from './open-storage.ts';

// The same suite runs on PGlite and on a real PostgreSQL server (CI provides one, and must).
const databaseUrl = postgresUrl;

const backends = [
  ['PGlite', async () => openSql({ loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) })],
  ...(databaseUrl
    ? [['PostgreSQL', async () => openSql({ databaseUrl: await freshSchemaUrl('ck_store_test') })] as const]
    : []),
] as const;

function record(index: number, patch: Partial<StoredRecord> = {}): StoredRecord {
  const id = `chatcmpl-store${String(index).padStart(4, '0')}`;
  const response = {
    id,
    object: 'chat.completion',
    created: 1_700_000_000 + Math.floor(index / 3),
    model: index % 2 ? 'odd-model' : 'even-model',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: `réponse ${index} 🙂 東京`, refusal: null },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
  } as ChatCompletion;
  return {
    id,
    created: response.created,
    model: response.model,
    metadata: { parity: index % 2 ? 'odd' : 'even', tens: String(Math.floor(index / 10)) },
    request: {
      messages: [{ role: 'user', content: `question ${index}` }],
      params: { model: response.model, seed: index },
    },
    response,
    ...patch,
  };
}

describe.each(backends)('the completion store on %s', (_name, open) => {
  let store: CompletionStore;
  beforeAll(async () => {
    store = new CompletionStore(await open());
    for (let index = 0; index < 25; index++) await store.insert(record(index));
  });
  afterAll(() => store.close());

  it('keeps a record whole, text and JSON alike', async () => {
    const found = await store.get('chatcmpl-store0007');
    expect(found).toEqual(record(7));
    expect(await store.get('chatcmpl-missing')).toBeNull();
  });

  it('refuses a second record with the same id, leaving the first', async () => {
    await expect(store.insert(record(3, { model: 'other' }))).rejects.toThrow();
    expect((await store.get('chatcmpl-store0003'))?.model).toBe('odd-model');
  });

  it('pages newest first and oldest first, ties broken by insertion order', async () => {
    const walk = async (order: 'asc' | 'desc') => {
      const ids: string[] = [];
      let after: string | undefined;
      while (true) {
        const page = await store.list({ order, limit: 4, after });
        if (!page) throw new Error('cursor lost');
        ids.push(...page.records.map((item) => item.id));
        if (!page.hasMore) return ids;
        after = page.records.at(-1)?.id;
      }
    };
    const ascending = await walk('asc');
    expect(ascending).toEqual(Array.from({ length: 25 }, (_, index) => record(index).id));
    expect(await walk('desc')).toEqual([...ascending].reverse());
  });

  it('filters by model and by every metadata pair given', async () => {
    const odd = await store.list({ order: 'asc', limit: 100, model: 'odd-model' });
    expect(odd?.records.every((item) => item.model === 'odd-model')).toBe(true);
    expect(odd?.records).toHaveLength(12);
    const both = await store.list({ order: 'asc', limit: 100, metadata: { parity: 'even', tens: '1' } });
    expect(both?.records.map((item) => item.id)).toEqual([10, 12, 14, 16, 18].map((index) => record(index).id));
    expect(await store.list({ order: 'asc', limit: 5, after: 'chatcmpl-unknown' })).toBeNull();
  });

  it('updates metadata and deletes', async () => {
    const updated = await store.updateMetadata('chatcmpl-store0001', { reviewed: 'yes' });
    expect(updated?.metadata).toEqual({ reviewed: 'yes' });
    expect(
      (await store.list({ order: 'asc', limit: 10, metadata: { reviewed: 'yes' } }))?.records.map((item) => item.id),
    ).toEqual(['chatcmpl-store0001']);
    expect(await store.delete('chatcmpl-store0002')).toBe(true);
    expect(await store.delete('chatcmpl-store0002')).toBe(false);
    expect(await store.get('chatcmpl-store0002')).toBeNull();
    expect(await store.updateMetadata('chatcmpl-store0002', {})).toBeNull();
  });

  it('migrates idempotently', async () => {
    await migrate(store.sql);
    const { rows } = await store.sql.query<{ count: number | string }>('select count(*) as count from ck_migrations');
    expect(Number(rows[0]?.count)).toBe(1);
  });
});
