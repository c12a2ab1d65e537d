import { readFileSync } from 'node:fs';
import type { ChatCompletion } from '@completions-kit/core';
import { describe, expect, inject, it } from 'vitest';
import { freshSchemaUrl, postgresUrl } from '../test-support/postgres.ts';
import { CompletionStore } from './completion-store.ts';
import { escapeText, unescapeText } from './jsonb-text.ts';
import { openSql } from './open-storage.ts';

// Strings jsonb refuses (NUL, lone surrogates) and the escape's own mark, on both backends.
const backends = [
  ['PGlite', async () => openSql({ loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) })],
  ...(postgresUrl
    ? [['PostgreSQL', async () => openSql({ databaseUrl: await freshSchemaUrl('ck_jsonb_text_test') })] as const]
    : []),
] as const;

const awkward = [
  'a\u0000b',
  '\u0000',
  'high \ud83d alone',
  'low \ude00 alone',
  'pair 😀 kept',
  'mark \ue000 itself',
  '\ue0000 looks escaped',
  '\ud83d\ud83d\ude00',
  'plain',
];

describe('escapeText', () => {
  it('round-trips every awkward string and leaves plain text as it is', () => {
    for (const text of awkward) expect(unescapeText(escapeText(text))).toBe(text);
    expect(escapeText('plain 😀 東京')).toBe('plain 😀 東京');
    expect(escapeText('a\u0000b')).not.toContain('\u0000');
    expect(escapeText('x\ud800')).toBe(JSON.parse(JSON.stringify(escapeText('x\ud800'))));
  });

  it('never maps two strings to one', () => {
    const escaped = awkward.map(escapeText);
    expect(new Set(escaped).size).toBe(awkward.length);
  });
});

describe.each(backends)('awkward strings stored on %s', (_name, open) => {
  it('come back exactly as sent, and filter by metadata', async () => {
    const store = new CompletionStore(await open());
    try {
      const metadata = Object.fromEntries(awkward.map((text, index) => [`k${index}${text}`, text]));
      const response = {
        id: 'chatcmpl-awkward',
        object: 'chat.completion',
        created: 1,
        model: 'm\u0000',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: awkward.join('|'), refusal: null },
            logprobs: null,
            finish_reason: 'stop',
          },
        ],
      } as ChatCompletion;
      await store.insert({
        id: response.id,
        created: 1,
        model: 'm\u0000',
        metadata,
        request: { messages: [{ role: 'user', content: awkward.join('|') }], params: { model: 'm\u0000' } },
        response,
      });
      const stored = await store.get(response.id);
      expect(stored?.metadata).toEqual(metadata);
      expect(stored?.response).toEqual(response);
      expect(stored?.model).toBe('m\u0000');
      const listed = await store.list({
        limit: 5,
        order: 'desc',
        model: 'm\u0000',
        metadata: { 'k0a\u0000b': 'a\u0000b' },
      });
      expect(listed?.records.map((record) => record.id)).toEqual([response.id]);
      const updated = await store.updateMetadata(response.id, { only: '\ud800\u0000' });
      expect(updated?.metadata).toEqual({ only: '\ud800\u0000' });
    } finally {
      await store.close();
    }
  });
});
