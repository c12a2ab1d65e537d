import { type ChatCompletion, createChatCompletionsClient } from '@completions-kit/core';
import { describe, expect, inject, it } from 'vitest';
import { buildRequest } from '../request/build-request.ts';
import { everyFieldDraft } from '../request/every-field.fixture.ts';
import { storedRequestFields, storedToDraft } from './stored-to-draft.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    serverUrl: string;
  }
}

type Json = Record<string, unknown>;

describe('a stored completion opened in the playground (Logs)', () => {
  it('gives back every request field the local server stored, field by field', async () => {
    const client = createChatCompletionsClient({ baseURL: inject('serverUrl'), maxRetries: 0 });
    const draft = everyFieldDraft();
    // Not streamed (stream_options would be refused), and without the two settings the local
    // model refuses ("not supported with this model").
    draft.params = { ...draft.params, stream: false, reasoning_effort: '', verbosity: '' };
    const { body } = buildRequest(draft);
    const sent = body as unknown as Json;
    const created = await client.chat.completions.create({ ...body, stream: false });
    const stored = (await client.chat.completions.retrieve(created.id)) as unknown as Json;
    const messages = (await client.chat.completions.messages.list(created.id)).data;
    const reopened = buildRequest(storedToDraft(stored as unknown as ChatCompletion, messages)).body as unknown as Json;

    for (const field of ['model', 'seed', 'temperature', 'top_p', 'presence_penalty', 'frequency_penalty'])
      expect(reopened[field], field).toEqual(stored[field]);
    for (const field of ['tools', 'tool_choice', 'response_format', 'metadata'])
      expect(reopened[field], field).toEqual(stored[field]);
    expect(reopened.store).toBe(true);
    expect(messages).toHaveLength(5);
    messages.forEach((entry, index) => {
      const message = entry as unknown as Json;
      const back = (reopened.messages as Json[])[index] as Json;
      expect(back.role, `message ${index} role`).toBe(message.role);
      expect(back.name ?? null, `message ${index} name`).toBe(message.name);
      const parts = message.content_parts as Json[] | null;
      if (!parts) expect(back.content ?? '', `message ${index} content`).toBe(message.content ?? '');
      else
        expect(back.content, `message ${index} parts`).toEqual(
          parts.map((part) => Object.fromEntries(Object.entries(part).filter(([, value]) => value !== null))),
        );
    });
    // And against what was sent: only what the stored shape cannot carry is missing.
    const notStored = ['audio', 'logit_bias', 'logprobs', 'max_completion_tokens', 'modalities', 'n'];
    notStored.push('parallel_tool_calls', 'prediction', 'service_tier', 'stop', 'top_logprobs', 'web_search_options');
    expect(
      Object.keys(sent)
        .filter((key) => !(key in reopened))
        .sort(),
    ).toEqual(notStored);
    for (const field of storedRequestFields.filter((name) => name !== 'messages'))
      expect(reopened[field], `${field} as sent`).toEqual(sent[field]);
    expect((reopened.messages as Json[]).slice(0, 3)).toEqual((sent.messages as Json[]).slice(0, 3));
  });
});
