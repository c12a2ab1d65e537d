// Records the local model's traffic as fixtures for stories and component tests: for each case the
// request, the non-streamed response and the stream of the same request and seed, with each
// chunk's arrival time. Run: pnpm record:fixtures (it rewrites packages/components/src/fixtures).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../packages/server/src/index.ts';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../packages/components/src/fixtures');
const server = await startServer({ port: 0, paceMs: 25, rateLimit: { requests: 0, windowMs: 60_000 } });
const base = { model: 'ck-local-ngram', seed: 20_261_122, logit_bias: { '199999': -100 } };
const cases: Record<string, Record<string, unknown>> = {
  'local-plain': {
    ...base,
    messages: [{ role: 'user', content: 'How does a readable stream hand data to its reader?' }],
    max_completion_tokens: 80,
  },
  'local-logprobs': {
    ...base,
    messages: [{ role: 'user', content: 'Describe a buffer.' }],
    max_completion_tokens: 40,
    logprobs: true,
    top_logprobs: 5,
  },
  'local-two-choices': {
    ...base,
    messages: [{ role: 'user', content: 'Two ways to say it, please.' }],
    max_completion_tokens: 30,
    n: 2,
  },
  'local-truncated': {
    ...base,
    messages: [{ role: 'user', content: 'Tell me everything.' }],
    max_completion_tokens: 12,
  },
};

async function post(body: Record<string, unknown>): Promise<Response> {
  return fetch(`${server.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

for (const [name, request] of Object.entries(cases)) {
  const response = await (await post(request)).json();
  const started = performance.now();
  const streamed = await post({
    ...request,
    stream: true,
    stream_options: { include_usage: true, include_obfuscation: false },
  });
  const chunks: { atMs: number; chunk: unknown }[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const bytes of streamed.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(bytes, { stream: true });
    const events = buffer.split('\n\n');
    buffer = events.pop() ?? '';
    for (const event of events) {
      const data = event.slice(6);
      if (data !== '[DONE]') chunks.push({ atMs: Math.round(performance.now() - started), chunk: JSON.parse(data) });
    }
  }
  const fixture = {
    recordedBy: 'scripts/record-fixtures.ts',
    model: 'ck-local-ngram',
    request,
    response,
    stream: chunks,
  };
  writeFileSync(path.join(out, `${name}.json`), `${JSON.stringify(fixture, null, 1)}\n`);
  console.log(`${name}: ${chunks.length} chunks over ${chunks.at(-1)?.atMs ?? 0} ms`);
}
await server.close();
