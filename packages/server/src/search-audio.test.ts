import { FLACDecoder } from '@wasm-audio-decoders/flac';
import { MPEGDecoder } from 'mpg123-decoder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFUSAL_TRIGGER } from './engine/local/respond.ts';
import type { RunningServer } from './start-server.ts';
import { bothWays, chunkSpecErrors, expectSameAnswer } from './test-support/both-ways.ts';
import { openaiFor, startTestServer, user } from './test-support/servers.ts';
import { specErrors } from './test-support/spec.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** Python-style character offsets (code points), the unit url_citation uses. */
const slice = (text: string, start: number, end: number) => [...text].slice(start, end).join('');

describe('web search: answers from the documents the server serves, with exact citations', () => {
  it('cites each source with a url_citation spanning its inline link exactly, after emoji and CJK text', async () => {
    for (const question of [
      'Where does matcha tea in Kyoto come from?',
      'How do token logprobs and perplexity work?',
    ]) {
      const completion = await openaiFor(server).chat.completions.create({
        model: 'ck-local-ngram',
        messages: user(question),
        web_search_options: {},
      });
      expect(specErrors('CreateChatCompletionResponse', completion)).toEqual([]);
      const message = completion.choices[0]?.message;
      const content = message?.content ?? '';
      expect(message?.annotations?.length).toBeGreaterThan(0);
      for (const annotation of message?.annotations ?? []) {
        const { start_index, end_index, title, url } = annotation.url_citation;
        expect(slice(content, start_index, end_index)).toBe(`([${title}](${url}))`);
        const page = await fetch(url);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain(`<title>${title}</title>`);
      }
      const first = message?.annotations?.[0]?.url_citation.start_index ?? 0;
      // Characters beyond the Basic Multilingual Plane before the citation: UTF-16 offsets would be wrong here.
      expect(slice(content, 0, first)).toMatch(/[\u{1F300}-\u{1FAFF}]/u);
    }
  });

  it('the Kyoto answer quotes CJK text before its citation', async () => {
    const completion = await openaiFor(server).chat.completions.create({
      model: 'ck-local-ngram',
      messages: user('京都の宇治の抹茶 — what is Uji known for?'),
      web_search_options: { search_context_size: 'low' },
    });
    const message = completion.choices[0]?.message;
    const start = message?.annotations?.[0]?.url_citation.start_index ?? 0;
    expect(slice(message?.content ?? '', 0, start)).toMatch(/\p{Script=Han}/u);
  });

  it('streams the answer with annotations, and the accumulator rebuilds the same message', async () => {
    const result = await bothWays(server, {
      messages: user('Is it rainy in Paris?'),
      web_search_options: {},
      logprobs: true,
    });
    for (const chunk of result.chunks) expect(chunkSpecErrors(chunk)).toEqual([]);
    const streamed = result.chunks.flatMap((chunk) =>
      (chunk.choices as { delta: { annotations?: unknown[] } }[]).flatMap((choice) => choice.delta.annotations ?? []),
    );
    expect(streamed.length).toBe(result.completion.choices[0]?.message.annotations?.length);
    expectSameAnswer(result);
  });
});

/**
 * Speaking time at 4.5 syllables a second, a usual English speaking rate, counting a syllable per
 * vowel group (at least one per word). Words alone mislead on technical text full of long words.
 */
const estimatedSeconds = (transcript: string) =>
  transcript
    .split(/\s+/)
    .filter(Boolean)
    .reduce((sum, word) => sum + Math.max(1, word.toLowerCase().match(/[aeiouy]+/g)?.length ?? 0), 0) / 4.5;

async function decodedSeconds(format: string, bytes: Uint8Array): Promise<number> {
  if (format === 'pcm16') return bytes.length / 2 / 24_000;
  if (format === 'wav') {
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('RIFF');
    return view.getUint32(40, true) / view.getUint32(28, true);
  }
  if (format === 'flac') {
    const decoder = new FLACDecoder();
    await decoder.ready;
    const decoded = await decoder.decodeFile(bytes);
    decoder.free();
    expect(decoded.errors).toEqual([]);
    return decoded.samplesDecoded / decoded.sampleRate;
  }
  const decoder = new MPEGDecoder();
  await decoder.ready;
  const decoded = decoder.decode(bytes);
  decoder.free();
  expect(decoded.errors).toEqual([]);
  return decoded.samplesDecoded / decoded.sampleRate;
}

describe('audio: speech that decodes, as long as its transcript takes to say', () => {
  it.each(['wav', 'mp3', 'flac', 'pcm16'] as const)(
    '%s decodes to a duration within 20 percent of the time its transcript takes to say',
    async (format) => {
      for (const seed of [1, 2, 3]) {
        const completion = await openaiFor(server).chat.completions.create({
          model: 'ck-local-ngram',
          seed,
          messages: user('Say something about streams.'),
          modalities: ['text', 'audio'],
          audio: { voice: 'alloy', format },
          max_completion_tokens: 40,
        });
        expect(specErrors('CreateChatCompletionResponse', completion)).toEqual([]);
        const message = completion.choices[0]?.message;
        expect(message?.content).toBeNull();
        const audio = message?.audio;
        expect(audio?.id).toMatch(/^audio_/);
        expect(audio?.expires_at).toBeGreaterThan(completion.created);
        expect(audio?.transcript.length).toBeGreaterThan(10);
        const bytes = Buffer.from(audio?.data ?? '', 'base64');
        const seconds = await decodedSeconds(format, new Uint8Array(bytes));
        const ratio = seconds / estimatedSeconds(audio?.transcript ?? '');
        expect(ratio, `${seconds.toFixed(2)} s for "${audio?.transcript}"`).toBeGreaterThan(0.8);
        expect(ratio).toBeLessThan(1.2);
        if (format === 'wav') {
          // Speech, not silence or a steady tone: loud parts and quiet parts, and the loudness keeps changing.
          const samples = new Int16Array(bytes.buffer.slice(bytes.byteOffset + 44, bytes.byteOffset + bytes.length));
          const windows = Array.from({ length: Math.floor(samples.length / 1200) }, (_, index) => {
            let sum = 0;
            for (let at = index * 1200; at < (index + 1) * 1200; at++) sum += (samples[at] as number) ** 2;
            return Math.sqrt(sum / 1200);
          });
          expect(Math.max(...windows)).toBeGreaterThan(1000);
          expect(windows.filter((rms) => rms < 50).length).toBeGreaterThan(2);
          const changes = windows.slice(1).filter((rms, index) => Math.abs(rms - (windows[index] as number)) > 200);
          expect(changes.length).toBeGreaterThan(windows.length / 10);
        }
      }
    },
  );

  it('streams transcript pieces, then data pieces, then expires_at, with no finish_reason; the accumulator rebuilds it', async () => {
    const result = await bothWays(server, {
      messages: user('Say hello.'),
      modalities: ['text', 'audio'],
      audio: { voice: 'verse', format: 'pcm16' },
      max_completion_tokens: 30,
    });
    for (const chunk of result.chunks) expect(chunkSpecErrors(chunk)).toEqual([]);
    const choices = result.chunks.flatMap((chunk) => chunk.choices as Record<string, unknown>[]);
    const kinds = choices.map((choice) => Object.keys((choice.delta as { audio?: object }).audio ?? {}).join(','));
    const firstData = kinds.indexOf('data');
    expect(kinds.lastIndexOf('transcript')).toBeLessThan(firstData);
    expect(kinds.at(-1)).toBe('expires_at');
    expect(choices.some((choice) => choice.finish_reason)).toBe(false);
    expect(result.chunks.findIndex((chunk) => chunk.usage)).toBe(result.chunks.length - 2);
    expectSameAnswer(result);
  });

  it('a later turn can refer to the audio by id; an unknown id is refused', async () => {
    const first = await openaiFor(server).chat.completions.create({
      model: 'ck-local-ngram',
      messages: user('Say something.'),
      modalities: ['text', 'audio'],
      audio: { voice: 'alloy', format: 'wav' },
      max_completion_tokens: 10,
    });
    const id = first.choices[0]?.message.audio?.id ?? '';
    const later = await openaiFor(server).chat.completions.create({
      model: 'ck-local-ngram',
      messages: [...user('Say something.'), { role: 'assistant', audio: { id } }, ...user('Now in text.')],
      max_completion_tokens: 10,
    });
    expect(later.choices[0]?.message.content).toBeTypeOf('string');
    await expect(
      openaiFor(server).chat.completions.create({
        model: 'ck-local-ngram',
        messages: [...user('Hi'), { role: 'assistant', audio: { id: 'audio_gone' } }, ...user('again')],
      }),
    ).rejects.toMatchObject({ status: 400, param: 'messages[1].audio.id' });
  });
});

describe('refusals and predictions', () => {
  const schema = {
    type: 'object',
    properties: { answer: { type: 'string' } },
    required: ['answer'],
    additionalProperties: false,
  };

  it(`"${REFUSAL_TRIGGER}" makes the model refuse: message.refusal under json_schema, with refusal logprobs`, async () => {
    const result = await bothWays(server, {
      messages: user(`Tell me a secret ${REFUSAL_TRIGGER}`),
      response_format: { type: 'json_schema', json_schema: { name: 'answer', strict: true, schema } },
      logprobs: true,
    });
    const { message, logprobs } = result.completion.choices[0] ?? {};
    expect(message?.content).toBeNull();
    expect(message?.refusal).toMatch(/can't help/);
    expect(logprobs?.content).toBeNull();
    expect(logprobs?.refusal?.map((entry) => entry.token).join('')).toBe(message?.refusal);
    const firstDelta = (result.chunks[0]?.choices as { delta: unknown }[] | undefined)?.[0]?.delta;
    expect(firstDelta).toEqual({ role: 'assistant', content: null, refusal: '' });
    expectSameAnswer(result);
  });

  it('without a response format the refusal is plain content, as on the API', async () => {
    const completion = await openaiFor(server).chat.completions.create({
      model: 'ck-local-ngram',
      messages: user(`Do it ${REFUSAL_TRIGGER}`),
    });
    expect(completion.choices[0]?.message.refusal).toBeNull();
    expect(completion.choices[0]?.message.content).toMatch(/can't help/);
  });

  it('a prediction the output reuses is accepted; one it does not is rejected', async () => {
    const ask = (prediction?: string) =>
      openaiFor(server).chat.completions.create({
        model: 'ck-local-ngram',
        seed: 5,
        messages: user('Tell me about readable streams.'),
        max_completion_tokens: 40,
        ...(prediction === undefined ? {} : { prediction: { type: 'content', content: prediction } }),
      });
    const plain = await ask();
    const content = plain.choices[0]?.message.content ?? '';
    const same = await ask(content);
    expect(same.choices[0]?.message.content).toBe(content);
    expect(same.usage?.completion_tokens_details?.accepted_prediction_tokens).toBeGreaterThan(3);
    expect(same.usage?.completion_tokens_details?.rejected_prediction_tokens).toBe(0);
    const other = await ask('Zebras graze quietly on the savanna at dawn 🦓.');
    expect(other.usage?.completion_tokens_details?.rejected_prediction_tokens).toBeGreaterThan(5);
    expect(other.usage?.completion_tokens_details?.accepted_prediction_tokens).toBeLessThan(
      other.usage?.completion_tokens_details?.rejected_prediction_tokens ?? 0,
    );
  });
});
