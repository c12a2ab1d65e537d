import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './start-server.ts';
import { startTestServer } from './test-support/servers.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer({ bodyLimitBytes: 64 * 1024 });
});
afterAll(() => server.close());

/** A raw request, so the suite can send what no client library would. */
function send(
  method: string,
  path: string,
  body?: string | Buffer,
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  json: { error?: { message: string; type: string; param: string | null; code: string | null } };
}> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${server.origin}${path}`,
      { method, headers: { 'content-type': 'application/json', ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          resolve({ status: response.statusCode ?? 0, json: text ? JSON.parse(text) : {} });
        });
      },
    );
    request.on('error', reject);
    if (body !== undefined) request.write(body);
    request.end();
  });
}

const ok = { model: 'ck-local-ngram', messages: [{ role: 'user', content: 'Hi' }] };
const create = (patch: Record<string, unknown>) => JSON.stringify({ ...ok, ...patch });

// [what, body, expected status, expected param]
const createCases: [string, string, number, string | null][] = [
  ['not JSON', '{"model": ', 400, null],
  ['a JSON array', '[]', 400, null],
  ['a JSON string', '"hello"', 400, null],
  ['no model', JSON.stringify({ messages: ok.messages }), 400, 'model'],
  ['model not a string', create({ model: 42 }), 400, 'model'],
  ['empty model', create({ model: '' }), 400, 'model'],
  ['no messages', JSON.stringify({ model: 'm' }), 400, 'messages'],
  ['messages not an array', create({ messages: 'hi' }), 400, 'messages'],
  ['empty messages', create({ messages: [] }), 400, 'messages'],
  ['message not an object', create({ messages: ['hi'] }), 400, 'messages[0]'],
  ['unknown role', create({ messages: [{ role: 'wizard', content: 'x' }] }), 400, 'messages[0].role'],
  ['user without content', create({ messages: [{ role: 'user' }] }), 400, 'messages[0].content'],
  ['content a number', create({ messages: [{ role: 'user', content: 5 }] }), 400, 'messages[0].content'],
  [
    'unknown part type',
    create({ messages: [{ role: 'user', content: [{ type: 'video', video: {} }] }] }),
    400,
    'messages[0].content[0].type',
  ],
  [
    'text part without text',
    create({ messages: [{ role: 'user', content: [{ type: 'text' }] }] }),
    400,
    'messages[0].content[0].text',
  ],
  [
    'image part with a javascript: url',
    create({
      messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'javascript:alert(1)' } }] }],
    }),
    400,
    'messages[0].content[0].image_url.url',
  ],
  [
    'image detail unknown',
    create({
      messages: [
        {
          role: 'user',
          content: [{ type: 'image_url', image_url: { url: 'https://a.example/x.png', detail: 'ultra' } }],
        },
      ],
    }),
    400,
    'messages[0].content[0].image_url.detail',
  ],
  [
    'audio part in ogg',
    create({
      messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'AAAA', format: 'ogg' } }] }],
    }),
    400,
    'messages[0].content[0].input_audio.format',
  ],
  [
    'image part for a system message',
    create({
      messages: [{ role: 'system', content: [{ type: 'image_url', image_url: { url: 'https://a.example/x.png' } }] }],
    }),
    400,
    'messages[0].content[0].type',
  ],
  [
    'tool message without tool_call_id',
    create({ messages: [{ role: 'tool', content: 'x' }] }),
    400,
    'messages[0].tool_call_id',
  ],
  ['temperature above 2', create({ temperature: 2.5 }), 400, 'temperature'],
  ['temperature a string', create({ temperature: 'hot' }), 400, 'temperature'],
  ['top_p below 0', create({ top_p: -0.1 }), 400, 'top_p'],
  ['n zero', create({ n: 0 }), 400, 'n'],
  ['n fractional', create({ n: 1.5 }), 400, 'n'],
  ['n above 128', create({ n: 129 }), 400, 'n'],
  ['max_completion_tokens zero', create({ max_completion_tokens: 0 }), 400, 'max_completion_tokens'],
  [
    'max_tokens and max_completion_tokens together',
    create({ max_tokens: 5, max_completion_tokens: 5 }),
    400,
    'max_tokens',
  ],
  ['five stop sequences', create({ stop: ['a', 'b', 'c', 'd', 'e'] }), 400, 'stop'],
  ['stop of numbers', create({ stop: [1] }), 400, 'stop[0]'],
  ['top_logprobs without logprobs', create({ top_logprobs: 3 }), 400, 'top_logprobs'],
  ['top_logprobs 21', create({ logprobs: true, top_logprobs: 21 }), 400, 'top_logprobs'],
  ['logprobs not a boolean', create({ logprobs: 'yes' }), 400, 'logprobs'],
  ['presence_penalty 3', create({ presence_penalty: 3 }), 400, 'presence_penalty'],
  ['frequency_penalty -3', create({ frequency_penalty: -3 }), 400, 'frequency_penalty'],
  ['logit_bias with a word key', create({ logit_bias: { hello: 1 } }), 400, 'logit_bias'],
  ['logit_bias value 101', create({ logit_bias: { '42': 101 } }), 400, 'logit_bias.42'],
  ['seed fractional', create({ seed: 1.5 }), 400, 'seed'],
  ['stream a string', create({ stream: 'true' }), 400, 'stream'],
  ['stream_options without stream', create({ stream_options: { include_usage: true } }), 400, 'stream_options'],
  [
    'metadata with 17 keys',
    create({ store: true, metadata: Object.fromEntries(Array.from({ length: 17 }, (_, index) => [`k${index}`, 'v'])) }),
    400,
    'metadata',
  ],
  ['metadata value too long', create({ store: true, metadata: { note: 'x'.repeat(513) } }), 400, 'metadata.note'],
  ['metadata value a number', create({ store: true, metadata: { count: 1 } }), 400, 'metadata.count'],
  ['an unknown parameter', create({ temprature: 1 }), 400, 'temprature'],
  [
    '__proto__ as a parameter',
    '{"model":"m","messages":[{"role":"user","content":"x"}],"__proto__":{"admin":true}}',
    400,
    '__proto__',
  ],
  ['service_tier unknown', create({ service_tier: 'gold' }), 400, 'service_tier'],
  ['a tool without a type', create({ tools: [{ function: { name: 'f' } }] }), 400, 'tools[0].type'],
  [
    'a tool name with spaces',
    create({ tools: [{ type: 'function', function: { name: 'get weather' } }] }),
    400,
    'tools[0].function.name',
  ],
  [
    'a strict function without parameters (the recorded API error)',
    create({ tools: [{ type: 'function', function: { name: 'f', strict: true } }] }),
    400,
    'tools[0].function.parameters',
  ],
  [
    'a strict schema with an optional key',
    create({
      tools: [
        {
          type: 'function',
          function: {
            name: 'f',
            strict: true,
            parameters: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false },
          },
        },
      ],
    }),
    400,
    'tools[0].function.parameters',
  ],
  ['tool_choice without tools', create({ tool_choice: 'auto' }), 400, 'tool_choice'],
  [
    'tool_choice naming a missing function',
    create({
      tools: [{ type: 'function', function: { name: 'f' } }],
      tool_choice: { type: 'function', function: { name: 'g' } },
    }),
    400,
    'tool_choice.function.name',
  ],
  [
    'a custom tool with a broken regex grammar',
    create({
      tools: [
        {
          type: 'custom',
          custom: { name: 'c', format: { type: 'grammar', grammar: { syntax: 'regex', definition: '(a' } } },
        },
      ],
    }),
    400,
    'tools[0].custom.format.grammar.definition',
  ],
  [
    'a lark grammar without a start rule',
    create({
      tools: [
        {
          type: 'custom',
          custom: { name: 'c', format: { type: 'grammar', grammar: { syntax: 'lark', definition: 'x: "a"' } } },
        },
      ],
    }),
    400,
    'tools[0].custom.format.grammar.definition',
  ],
  [
    'json_schema without its schema object',
    create({ response_format: { type: 'json_schema' } }),
    400,
    'response_format.json_schema',
  ],
  [
    'json_object without the word JSON in the messages',
    create({ response_format: { type: 'json_object' } }),
    400,
    'messages',
  ],
  ['the audio modality without audio options', create({ modalities: ['text', 'audio'] }), 400, 'audio'],
  [
    'an audio format the local model cannot encode (opus)',
    create({ modalities: ['text', 'audio'], audio: { voice: 'alloy', format: 'opus' } }),
    400,
    'audio.format',
  ],
  [
    'an audio format the local model cannot encode (aac)',
    create({ modalities: ['text', 'audio'], audio: { voice: 'alloy', format: 'aac' } }),
    400,
    'audio.format',
  ],
  [
    'a reference to audio that does not exist',
    create({
      messages: [
        { role: 'assistant', audio: { id: 'audio_missing' } },
        { role: 'user', content: 'again' },
      ],
    }),
    400,
    'messages[0].audio.id',
  ],
  ['web_search_options that are not an object', create({ web_search_options: 'on' }), 400, 'web_search_options'],
  ['a prediction of the wrong type', create({ prediction: { type: 'file', content: 'x' } }), 400, 'prediction.type'],
  ['reasoning_effort on a model without reasoning', create({ reasoning_effort: 'high' }), 400, 'reasoning_effort'],
];

describe('bad input gets the OpenAI error shape, the right status and param, and the server keeps running', () => {
  it.each(createCases)('POST /v1/chat/completions with %s', async (_what, body, status, param) => {
    const { status: actual, json } = await send('POST', '/v1/chat/completions', body);
    expect(actual).toBe(status);
    expect(json.error).toMatchObject({ message: expect.any(String), type: 'invalid_request_error', param });
    expect(Object.keys(json.error ?? {}).sort()).toEqual(['code', 'message', 'param', 'type']);
  });

  const otherCases: [string, string, string, string | undefined, Record<string, string>, number, string | null][] = [
    [
      'a non-JSON content type',
      'POST',
      '/v1/chat/completions',
      JSON.stringify(ok),
      { 'content-type': 'text/plain' },
      415,
      null,
    ],
    ['no content type', 'POST', '/v1/chat/completions', JSON.stringify(ok), { 'content-type': '' }, 415, null],
    [
      'a body over the limit',
      'POST',
      '/v1/chat/completions',
      create({ messages: [{ role: 'user', content: 'x'.repeat(70_000) }] }),
      {},
      413,
      null,
    ],
    ['an implausible id', 'GET', '/v1/chat/completions/..%2F..%2Fetc', undefined, {}, 400, 'completion_id'],
    [
      'an id with SQL in it',
      'GET',
      `/v1/chat/completions/${encodeURIComponent("chatcmpl-x' or '1'='1")}`,
      undefined,
      {},
      400,
      'completion_id',
    ],
    ['an unknown completion', 'GET', '/v1/chat/completions/chatcmpl-doesnotexist', undefined, {}, 404, 'completion_id'],
    [
      'messages of an unknown completion',
      'GET',
      '/v1/chat/completions/chatcmpl-doesnotexist/messages',
      undefined,
      {},
      404,
      'completion_id',
    ],
    [
      'deleting an unknown completion',
      'DELETE',
      '/v1/chat/completions/chatcmpl-doesnotexist',
      undefined,
      {},
      404,
      'completion_id',
    ],
    ['updating without metadata', 'POST', '/v1/chat/completions/chatcmpl-doesnotexist', '{}', {}, 400, 'metadata'],
    ['list limit 0', 'GET', '/v1/chat/completions?limit=0', undefined, {}, 400, 'limit'],
    ['list limit 101', 'GET', '/v1/chat/completions?limit=101', undefined, {}, 400, 'limit'],
    ['list limit not a number', 'GET', '/v1/chat/completions?limit=ten', undefined, {}, 400, 'limit'],
    ['list order sideways', 'GET', '/v1/chat/completions?order=sideways', undefined, {}, 400, 'order'],
    ['list after an unknown id', 'GET', '/v1/chat/completions?after=chatcmpl-nothere', undefined, {}, 400, 'after'],
    ['an unknown query parameter', 'GET', '/v1/chat/completions?colour=red', undefined, {}, 400, 'colour'],
    ['an unknown route', 'GET', '/v1/embeddings', undefined, {}, 404, null],
    ['a wrong method', 'PUT', '/v1/chat/completions', '{}', {}, 405, null],
    ['a badly encoded path', 'GET', '/v1/chat/completions/%E0%A4%A', undefined, {}, 400, null],
    ['a foreign Host (DNS rebinding)', 'GET', '/v1/models', undefined, { host: 'attacker.example' }, 403, null],
    ['a foreign Origin', 'GET', '/v1/models', undefined, { origin: 'https://attacker.example' }, 403, null],
    [
      'a fault header on a server without faults',
      'POST',
      '/v1/chat/completions',
      JSON.stringify(ok),
      { 'x-ck-fault': 'status=500' },
      400,
      null,
    ],
  ];

  it.each(otherCases)('%s', async (_what, method, path, body, headers, status, param) => {
    const { status: actual, json } = await send(method, path, body, headers);
    expect(actual).toBe(status);
    expect(json.error?.param ?? null).toBe(param);
    expect(typeof json.error?.message).toBe('string');
  });

  it('refuses a chunked body over the limit though it declares no length', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(
        `${server.origin}/v1/chat/completions`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('error', reject);
      const piece = 'x'.repeat(8 * 1024);
      request.write(`{"model":"m","messages":[{"role":"user","content":"`);
      for (let index = 0; index < 10; index++) request.write(piece);
      request.end('"}]}');
    });
    expect(status).toBe(413);
  });

  it('has more than 40 hostile cases, and still answers properly after all of them', async () => {
    expect(createCases.length + otherCases.length + 1).toBeGreaterThanOrEqual(40);
    const { status } = await send('POST', '/v1/chat/completions', create({ max_completion_tokens: 3 }));
    expect(status).toBe(200);
  });
});
