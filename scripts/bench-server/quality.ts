// The built-in model's answers to the 30 quality questions at temperature 0, read as the quality
// test reads them: how many answers hold only whole sentences of the corpus (or the model's
// templates), how many share a passage with the five most relevant to the question, and how many
// obey "in at most N sentences" for N = 1, 2, 3. With CK_QUALITY_URL it asks that server (another
// checkout's, to compare models); without, a server started here.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../../packages/server/src/index.ts';
import {
  answerFigures,
  QUALITY_QUESTIONS,
  readCorpusSentences,
} from '../../packages/server/src/test-support/answer-quality.ts';

async function ask(url: string, question: string, system?: string): Promise<string> {
  const messages = [...(system ? [{ role: 'system', content: system }] : []), { role: 'user', content: question }];
  const response = await fetch(`${url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'ck-local-ngram', temperature: 0, messages }),
  });
  return (await response.json()).choices[0].message.content;
}

export async function benchQuality(): Promise<void> {
  const own = process.env.CK_QUALITY_URL
    ? null
    : await startServer({
        port: 0,
        dataDir: mkdtempSync(path.join(tmpdir(), 'ck-quality-')),
        rateLimit: { requests: 0, windowMs: 60_000 },
      });
  const url = process.env.CK_QUALITY_URL ?? (own?.url as string);
  const corpus = readCorpusSentences();
  let whole = 0;
  let shares = 0;
  let sentences = 0;
  let foreign = 0;
  const obeyed = [0, 0, 0];
  const samples: string[] = [];
  for (const question of QUALITY_QUESTIONS) {
    const text = await ask(url, question);
    const figures = answerFigures(text, question, corpus);
    if (figures.foreign.length === 0 && figures.sentences.length > 0) whole++;
    if (figures.sharesTopFive) shares++;
    sentences += figures.sentences.length;
    foreign += figures.foreign.length;
    if (samples.length < 3) samples.push(`  ${question}\n    ${text.slice(0, 300).replace(/\n+/g, ' ¶ ')}`);
    for (const [index, word] of ['one', 'two', 'three'].entries()) {
      const limited = answerFigures(await ask(url, question, `Answer in at most ${word} sentences.`), question, corpus);
      const count = limited.sentences.length;
      if (count >= 1 && count <= index + 1) (obeyed[index] as number)++;
    }
  }
  const total = QUALITY_QUESTIONS.length;
  console.log(`answer quality at ${url} (30 questions, temperature 0)\tfigure\ttarget`);
  console.log(`answers of whole corpus or template sentences only\t${whole} / ${total}\t${total} / ${total}`);
  console.log(`sentences not in the corpus\t${foreign} of ${sentences}\t0`);
  console.log(`answers sharing a passage with the five most relevant\t${shares} / ${total}\t${total} / ${total}`);
  for (const [index, count] of obeyed.entries())
    console.log(`"in at most ${index + 1} sentences" obeyed\t${count} / ${total}\t${total} / ${total}`);
  console.log(`first answers:\n${samples.join('\n')}`);
  await own?.close();
}
