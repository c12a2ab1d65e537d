import type { ChatCompletion } from '@completions-kit/core';
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './start-server.ts';
import { kitFor, startTestServer, user } from './test-support/servers.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const ask = (body: Record<string, unknown>) =>
  kitFor(server).create({
    model: 'ck-local-ngram',
    messages: user('What does a readable stream do?'),
    ...body,
  } as never) as unknown as Promise<ChatCompletion>;
const content = (completion: ChatCompletion, index = 0) => completion.choices[index]?.message.content;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

describe('the built-in model', () => {
  it('gives the same output for the same request and seed, streamed or not, and another for another seed', async () => {
    const body = { seed: 42, max_completion_tokens: 40, logprobs: true, top_logprobs: 2 };
    const [first, second, other] = await Promise.all([ask(body), ask(body), ask({ ...body, seed: 43 })]);
    expect(content(first as ChatCompletion)).toBe(content(second as ChatCompletion));
    expect(first?.choices[0]?.logprobs).toEqual(second?.choices[0]?.logprobs);
    expect(content(other as ChatCompletion)).not.toBe(content(first as ChatCompletion));
    const stream = await kitFor(server).create({
      model: 'ck-local-ngram',
      messages: user('What does a readable stream do?'),
      ...body,
      stream: true,
    });
    const streamed = await stream.finalCompletion();
    expect(content(streamed)).toBe(content(first as ChatCompletion));
    expect(streamed.choices[0]?.logprobs?.content).toEqual(first?.choices[0]?.logprobs?.content);
  });

  it('never writes a replacement character: a token that starts a character is followed by one that ends it', async () => {
    // Emoji and other multi-byte characters are split across tokens in the corpus; drawn token by
    // token, a character's first token could be followed by one that does not finish it.
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, seed) =>
        ask({
          seed,
          temperature: 1.3,
          max_completion_tokens: 60,
          messages: user('What does a stream reader do? 📖 Name a stream method 🚰'),
        }),
      ),
    );
    const broken = answers.map((answer) => content(answer) ?? '').filter((text) => text.includes('\uFFFD'));
    expect(broken).toEqual([]);
  });

  it('is greedy at temperature 0: every token is the likeliest of its alternatives', async () => {
    const completion = await ask({ temperature: 0, logprobs: true, top_logprobs: 5, max_completion_tokens: 30 });
    const tokens = completion.choices[0]?.logprobs?.content ?? [];
    expect(tokens.length).toBeGreaterThan(0);
    for (const token of tokens) expect(token.logprob).toBeCloseTo(token.top_logprobs[0]?.logprob ?? Number.NaN, 12);
    const again = await ask({ temperature: 0, max_completion_tokens: 30, seed: 999 });
    expect(content(again)).toBe(content(completion));
  });

  it('reports true probabilities: sorted alternatives summing to at most 1, the chosen one matching its entry, bytes matching text', async () => {
    const completion = await ask({ logprobs: true, top_logprobs: 20, max_completion_tokens: 60, seed: 5 });
    const tokens = completion.choices[0]?.logprobs?.content ?? [];
    let matched = 0;
    for (const token of tokens) {
      const alternatives = token.top_logprobs;
      expect(alternatives).toHaveLength(20);
      const logprobs = alternatives.map((alternative) => alternative.logprob);
      expect(logprobs).toEqual([...logprobs].sort((a, b) => b - a));
      expect(alternatives.reduce((sum, alternative) => sum + Math.exp(alternative.logprob), 0)).toBeLessThanOrEqual(
        1 + 1e-9,
      );
      expect(token.logprob).toBeLessThan(0);
      const entry = alternatives.find((alternative) => alternative.token === token.token);
      if (entry) {
        expect(entry.logprob).toBe(token.logprob);
        matched++;
      }
      const bytes = new Uint8Array(token.bytes ?? []);
      let text: string;
      try {
        text = strictUtf8.decode(bytes);
      } catch {
        text = [...bytes].map((byte) => `\\x${byte.toString(16).padStart(2, '0')}`).join('');
      }
      expect(text).toBe(token.token);
    }
    expect(matched).toBeGreaterThan(tokens.length / 2);
    expect(tokens.map((token) => token.token).join('')).toBe(content(completion));
  });

  it('stops at max_completion_tokens with finish_reason length, counting usage with its tokenizer', async () => {
    const completion = await ask({ max_completion_tokens: 7, logprobs: true, logit_bias: { '199999': -100 }, seed: 1 });
    expect(completion.choices[0]?.finish_reason).toBe('length');
    expect(completion.choices[0]?.logprobs?.content).toHaveLength(7);
    expect(completion.usage?.completion_tokens).toBe(7);
    expect(completion.usage?.total_tokens).toBe((completion.usage?.prompt_tokens ?? 0) + 7);
  });

  it('never lets a stop sequence into the content and ends with finish_reason stop', async () => {
    const probe = await ask({ seed: 11, max_completion_tokens: 60, logit_bias: { '199999': -100 } });
    const words = (content(probe) ?? '').split(' ').filter((word) => word.length > 3);
    const stop = words[Math.floor(words.length / 2)] as string;
    const stopped = await ask({
      seed: 11,
      max_completion_tokens: 60,
      logit_bias: { '199999': -100 },
      stop: [stop, 'zzzz-never'],
    });
    expect(content(stopped)).not.toContain(stop);
    expect(content(probe)?.startsWith(content(stopped) ?? '')).toBe(true);
    expect(stopped.choices[0]?.finish_reason).toBe('stop');
  });

  it('answers n choices, each its own', async () => {
    const completion = await ask({ n: 3, max_completion_tokens: 25, seed: 3 });
    expect(completion.choices.map((choice) => choice.index)).toEqual([0, 1, 2]);
    expect(new Set(completion.choices.map((choice) => choice.message.content)).size).toBe(3);
    expect(completion.usage?.completion_tokens).toBeGreaterThan(3);
  });

  it('narrows its choices with top_p: at a tiny top_p only the likeliest token is ever chosen', async () => {
    const completion = await ask({ top_p: 1e-9, logprobs: true, top_logprobs: 1, max_completion_tokens: 20 });
    for (const token of completion.choices[0]?.logprobs?.content ?? []) {
      expect(token.logprob).toBeCloseTo(token.top_logprobs[0]?.logprob ?? Number.NaN, 12);
    }
  });

  it('follows logit_bias: a token biased to 100 is chosen every time', async () => {
    const completion = await ask({
      logit_bias: { '13': 100, '199999': -100 },
      max_completion_tokens: 5,
      logprobs: true,
    });
    expect(completion.choices[0]?.logprobs?.content?.map((token) => token.token)).toEqual(['.', '.', '.', '.', '.']);
  });

  it('counts prompt tokens with the same tokenizer', async () => {
    const short = await kitFor(server).create({ model: 'm', messages: user('Hi'), max_completion_tokens: 1 });
    const long = await kitFor(server).create({
      model: 'm',
      messages: user('Hi there, how are you today?'),
      max_completion_tokens: 1,
    });
    const difference = encode('Hi there, how are you today?').length - encode('Hi').length;
    expect((long.usage?.prompt_tokens ?? 0) - (short.usage?.prompt_tokens ?? 0)).toBe(difference);
    expect(difference).toBeGreaterThan(4);
  });
});
