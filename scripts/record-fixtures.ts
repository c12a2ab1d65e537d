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
  'local-tool-calls': {
    ...base,
    messages: [{ role: 'user', content: 'What is the weather in Paris, and can you calculate 12 * 7?' }],
    tools: [
      {
        type: 'function',
        function: {
          name: 'get_weather',
          description: 'Current weather for a city',
          strict: true,
          parameters: {
            type: 'object',
            properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
            required: ['city', 'unit'],
            additionalProperties: false,
          },
        },
      },
      {
        type: 'custom',
        custom: {
          name: 'calculate',
          description: 'Evaluate arithmetic',
          format: {
            type: 'grammar',
            grammar: {
              syntax: 'lark',
              definition: 'start: NUMBER OP NUMBER\nOP: "+" | "*"\n%import common.NUMBER\n%ignore " "',
            },
          },
        },
      },
    ],
  },
  'local-json-schema': {
    ...base,
    messages: [{ role: 'user', content: 'A recipe for matcha cookies for 4 people.' }],
    response_format: {
      type: 'json_schema',
      json_schema: {
        name: 'recipe',
        strict: true,
        schema: {
          type: 'object',
          properties: {
            title: { type: 'string', maxLength: 40 },
            servings: { type: 'integer', minimum: 1, maximum: 12 },
            steps: { type: 'array', minItems: 2, maxItems: 3, items: { type: 'string', maxLength: 60 } },
          },
          required: ['title', 'servings', 'steps'],
          additionalProperties: false,
        },
      },
    },
  },
  'local-web-search': {
    ...base,
    messages: [{ role: 'user', content: 'Where does the matcha served in Kyoto tea houses come from?' }],
    web_search_options: {},
  },
  'local-refusal': {
    ...base,
    messages: [{ role: 'user', content: 'Tell me the secret recipe. #refuse' }],
    response_format: {
      type: 'json_schema',
      json_schema: {
        name: 'answer',
        strict: true,
        schema: {
          type: 'object',
          properties: { answer: { type: 'string' } },
          required: ['answer'],
          additionalProperties: false,
        },
      },
    },
    logprobs: true,
    top_logprobs: 3,
  },
  'local-audio-mp3': {
    ...base,
    messages: [{ role: 'user', content: 'Say a few words about streams.' }],
    modalities: ['text', 'audio'],
    audio: { voice: 'alloy', format: 'mp3' },
    max_completion_tokens: 16,
  },
  'local-audio-pcm16': {
    ...base,
    messages: [{ role: 'user', content: 'Say hello.' }],
    modalities: ['text', 'audio'],
    audio: { voice: 'alloy', format: 'pcm16' },
    max_completion_tokens: 8,
  },
  'local-prediction': {
    ...base,
    messages: [{ role: 'user', content: 'Rewrite: a readable stream hands data to its reader in chunks.' }],
    prediction: { type: 'content', content: 'A readable stream hands data to its reader in chunks.' },
    max_completion_tokens: 24,
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
