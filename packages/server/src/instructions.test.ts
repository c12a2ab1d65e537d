import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './start-server.ts';
import { startTestServer } from './test-support/servers.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer({ rateLimit: { requests: 0, windowMs: 60_000 } });
});
afterAll(() => server.close());

const QUESTIONS = [
  'What is a readable stream?',
  'How do I cancel a fetch request?',
  'Explain what a React hook is.',
  'Why would I use TypeScript generics?',
  'What does the server store for a completion?',
  'How are tokens counted?',
  'Describe how server-sent events work.',
  'What is PGlite?',
  'When should I use a worker thread?',
  'How do I read a file in Node?',
];

const WORDS = ['one', 'two', 'three'];

/** Sentences as a reader counts them: runs of . ! ? (and a closing quote or bracket) before a space or the end, plus an unfinished last one. */
function sentences(text: string): number {
  const ends = text.match(/[.!?]+["')\]]?(?=\s|$)/g)?.length ?? 0;
  const rest = text.replace(/^[\s\S]*[.!?]+["')\]]?(?=\s|$)/, '').trim();
  return ends + (rest === '' ? 0 : 1);
}

async function answer(system: string, question: string, extra: Record<string, unknown> = {}) {
  const response = await fetch(`${server.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'ck-local-ngram',
      temperature: 0,
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: question },
      ],
      ...extra,
    }),
  });
  expect(response.status).toBe(200);
  return response.json();
}

describe('plain instructions in the system prompt', () => {
  it('obeys "in at most N sentences" for N = 1, 2, 3 on every question', async () => {
    const counts: string[] = [];
    for (const [index, word] of WORDS.entries()) {
      const limit = index + 1;
      for (const question of QUESTIONS) {
        // Sampled with a seed: at temperature 0 the n-gram model runs on in one sentence, which proves nothing.
        const completion = await answer(`You are concise. Answer in at most ${word} sentences.`, question, {
          temperature: 1,
          seed: index * 100 + QUESTIONS.indexOf(question),
          max_completion_tokens: 400,
        });
        const content = completion.choices[0].message.content as string;
        counts.push(`${limit}: ${sentences(content)}`);
        expect(sentences(content), `${question} -> ${content}`).toBeLessThanOrEqual(limit);
        expect(content.trim().length).toBeGreaterThan(0);
      }
    }
    expect(counts).toHaveLength(30);
  }, 120_000);

  it('reads the limit as digits too, streams the same answer, and leaves answers without the instruction as they were', async () => {
    const question = 'Explain what a stream is, in detail.';
    const plain = await answer('You are helpful.', question, { seed: 3, temperature: 1 });
    const limited = await answer('Reply in 2 sentences.', question, { seed: 3, temperature: 1 });
    expect(sentences(limited.choices[0].message.content)).toBeLessThanOrEqual(2);
    // The question asks for detail: without a limit the answer runs to several paragraphs.
    expect(sentences(plain.choices[0].message.content)).toBeGreaterThan(2);
    const streamed = await fetch(`${server.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'ck-local-ngram',
        seed: 3,
        stream: true,
        messages: [
          { role: 'system', content: 'Reply in 2 sentences.' },
          { role: 'user', content: question },
        ],
      }),
    });
    let text = '';
    for (const line of (await streamed.text()).split('\n')) {
      if (!line.startsWith('data: {')) continue;
      text += JSON.parse(line.slice(6)).choices[0]?.delta?.content ?? '';
    }
    expect(text).toBe(limited.choices[0].message.content);
  });
});
