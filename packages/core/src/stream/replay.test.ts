import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyFrom, haveFixtures, type StreamFixture, sseBytes, streamFixtures } from '../test-support/fixtures.ts';
import { ChatCompletionStream } from './chat-completion-stream.ts';

async function replay(bytes: Uint8Array, cuts: number[] = []) {
  const stream = new ChatCompletionStream(new Response(bodyFrom(bytes, cuts)));
  const completion = await stream.finalCompletion();
  return { completion, stream };
}

const fixtures: StreamFixture[] = haveFixtures() ? streamFixtures() : [];

describe.skipIf(fixtures.length === 0)('recorded streams replay to their final completion', () => {
  it('finds the recorded fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
    expect(fixtures.filter((fixture) => fixture.recorded).length).toBeGreaterThanOrEqual(15);
  });

  it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s, whole', async (_name, fixture) => {
    const { completion, stream } = await replay(fixture.bytes);
    expect(completion).toEqual(fixture.expected);
    expect(stream.status).toBe('done');
    expect(JSON.stringify(completion)).not.toContain('obfuscation');
  });

  it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))(
    '%s, split at random byte offsets',
    async (_name, fixture) => {
      const size = fixture.bytes.length;
      await fc.assert(
        fc.asyncProperty(fc.array(fc.integer({ min: 1, max: size - 1 }), { maxLength: 40 }), async (cuts) => {
          const { completion } = await replay(fixture.bytes, cuts);
          expect(completion).toEqual(fixture.expected);
        }),
        { numRuns: 60 },
      );
    },
  );

  it('gives the same completion from the recorded bytes and from the chunk list', async () => {
    for (const fixture of fixtures.filter((item) => item.recorded)) {
      const text = new TextDecoder().decode(fixture.bytes);
      const chunks = text
        .split('\n\n')
        .map((event) => event.replace(/^data: /, ''))
        .filter((data) => data && data !== '[DONE]')
        .map((data) => JSON.parse(data));
      const { completion } = await replay(sseBytes(chunks));
      expect(completion, fixture.name).toEqual(fixture.expected);
    }
  });
});

describe('multibyte text survives any split', () => {
  const text = 'Grüße, 東京 🙂 and 👩‍💻 done';
  const chunks: unknown[] = [...text].map((character, index) => ({
    id: 'chatcmpl-utf8',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'm',
    choices: [
      {
        index: 0,
        delta: index === 0 ? { role: 'assistant', content: character } : { content: character },
        finish_reason: null,
      },
    ],
  }));
  chunks.push({
    id: 'chatcmpl-utf8',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'm',
    choices: [{ index: 0, delta: {}, finish_reason: 'stop' }],
  });
  const bytes = sseBytes(chunks);

  it('at every single byte offset', async () => {
    for (let offset = 1; offset < bytes.length; offset++) {
      const { completion } = await replay(bytes, [offset]);
      expect(completion.choices[0]?.message.content).toBe(text);
    }
  });

  it('in one-byte pieces', async () => {
    const everyByte = Array.from({ length: bytes.length }, (_, index) => index);
    const { completion } = await replay(bytes, everyByte);
    expect(completion.choices[0]?.message.content).toBe(text);
  });
});
