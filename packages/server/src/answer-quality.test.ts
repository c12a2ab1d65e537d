import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './start-server.ts';
import { answerFigures, QUALITY_QUESTIONS, readCorpusSentences } from './test-support/answer-quality.ts';
import { startTestServer } from './test-support/servers.ts';

const CODE_QUESTIONS = [
  'Give an example of streaming a chat completion with the core client.',
  'Show me a code example of a zustand store.',
  'List the steps a readable stream takes to hand data to its reader, with a code example.',
];

let server: RunningServer;
let corpus: ReturnType<typeof readCorpusSentences>;
beforeAll(async () => {
  server = await startTestServer({ rateLimit: { requests: 0, windowMs: 60_000 } });
  corpus = readCorpusSentences();
});
afterAll(() => server.close());

async function answer(question: string, system?: string): Promise<string> {
  const messages = [...(system ? [{ role: 'system', content: system }] : []), { role: 'user', content: question }];
  const response = await fetch(`${server.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'ck-local-ngram', temperature: 0, messages }),
  });
  expect(response.status).toBe(200);
  return (await response.json()).choices[0].message.content;
}

describe('answers grounded in the corpus (30 questions, temperature 0)', () => {
  it('writes only whole sentences of the corpus or its templates, one at least from the five most relevant passages', async () => {
    for (const question of QUALITY_QUESTIONS) {
      const text = await answer(question);
      const figures = answerFigures(text, question, corpus);
      expect(figures.sentences.length, `${question} -> ${text}`).toBeGreaterThan(0);
      expect(figures.foreign, `${question} -> ${text}`).toEqual([]);
      expect(figures.sharesTopFive, `${question} -> ${text}`).toBe(true);
    }
  }, 120_000);

  it('answers a request for code with a whole example of the documentation, in prose of whole sentences', async () => {
    for (const question of CODE_QUESTIONS) {
      const text = await answer(question);
      const figures = answerFigures(text, question, corpus);
      expect(figures.code, `${question} -> ${text}`).toHaveLength(1);
      expect(figures.foreignCode, `${question} -> ${text}`).toEqual([]);
      expect(figures.foreign, `${question} -> ${text}`).toEqual([]);
    }
  }, 60_000);

  it('answers a request for code with a whole example of the documentation, in prose of whole sentences', async () => {
    for (const question of CODE_QUESTIONS) {
      const text = await answer(question);
      const figures = answerFigures(text, question, corpus);
      expect(figures.code, `${question} -> ${text}`).toHaveLength(1);
      expect(figures.foreignCode, `${question} -> ${text}`).toEqual([]);
      expect(figures.foreign, `${question} -> ${text}`).toEqual([]);
    }
  }, 60_000);

  it('obeys "in at most N sentences" (N = 1, 2, 3) on every question, with whole sentences still', async () => {
    for (const [index, word] of ['one', 'two', 'three'].entries()) {
      for (const question of QUALITY_QUESTIONS) {
        const text = await answer(question, `You are concise. Answer in at most ${word} sentences.`);
        const figures = answerFigures(text, question, corpus);
        expect(figures.sentences.length, `${word}: ${question} -> ${text}`).toBeGreaterThan(0);
        expect(figures.sentences.length, `${word}: ${question} -> ${text}`).toBeLessThanOrEqual(index + 1);
        expect(figures.foreign, `${word}: ${question} -> ${text}`).toEqual([]);
      }
    }
  }, 180_000);
});
