import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type ChatCompletion, type ChatCompletionChunk, createChatCompletionsClient } from '@completions-kit/core';
import { transform } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRequest } from '../request/build-request.ts';
import { everyFieldDraft } from '../request/every-field.fixture.ts';
import { defaultDraft } from '../state/draft.ts';
import { replayFixtureModule } from './replay-fixture.ts';
import { typescriptModule } from './typescript-module.ts';

// Under the repository's node_modules, so the exported `import type ... from 'openai'` resolves for tsc.
const root = path.resolve(import.meta.dirname, '../../../..');
const cache = path.join(root, 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const folder = mkdtempSync(path.join(cache, 'ck-export-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Writes the module, strips its types with esbuild and imports it. */
async function load<T>(name: string, source: string): Promise<T> {
  writeFileSync(path.join(folder, `${name}.ts`), source);
  const { code } = await transform(source, { loader: 'ts', format: 'esm' });
  const file = path.join(folder, `${name}.mjs`);
  writeFileSync(file, code);
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as T;
}

/** tsc --strict over exported files: its complaints, '' when there are none. */
function typeCheck(files: Record<string, string>, extra: string[] = []): string {
  for (const [name, source] of Object.entries(files)) writeFileSync(path.join(folder, name), source);
  const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
  const options = [
    '--ignoreConfig',
    '--noEmit',
    '--strict',
    '--skipLibCheck',
    '--target',
    'es2022',
    '--module',
    'esnext',
  ];
  const paths = Object.keys(files).map((name) => path.join(folder, name));
  try {
    execFileSync(tsc, [...options, '--moduleResolution', 'bundler', ...extra, ...paths], {
      encoding: 'utf8',
      cwd: folder,
    });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

type PromptModule = {
  buildRequest: (variables: Record<string, string>) => unknown;
  exampleVariables: Record<string, string>;
};

/** A recorded answer: one text choice (with characters that need escaping in code) and one tool call. */
const completion = {
  id: 'chatcmpl-recorded',
  object: 'chat.completion',
  created: 1_764_400_000,
  model: 'ck-local-ngram',
  choices: [
    {
      index: 0,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${...} that exported code must not run
      message: { role: 'assistant', content: 'Sun in Paris, `code` and ${x}.', refusal: null },
      finish_reason: 'stop',
      logprobs: null,
    },
    {
      index: 1,
      message: {
        role: 'assistant',
        content: null,
        refusal: null,
        tool_calls: [
          { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
        ],
      },
      finish_reason: 'tool_calls',
      logprobs: null,
    },
  ],
  usage: { prompt_tokens: 10, completion_tokens: 7, total_tokens: 17 },
} as ChatCompletion;

describe('the TypeScript module export', () => {
  it('compiles, and its buildRequest gives exactly the body the playground sends, for any values', async () => {
    const draft = everyFieldDraft();
    const source = typescriptModule(draft, { name: 'forecast' });
    expect(source).toContain('export type PromptVariables = {\n  city: string;\n  days: string;\n}');
    expect(source).not.toContain('unused');
    const module = await load<PromptModule>('every-field', source);
    expect(module.exampleVariables).toEqual({ city: 'Paris', days: '3' });
    expect(module.buildRequest(module.exampleVariables)).toEqual(buildRequest(draft).body);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${...} that exported code must not run
    const hostile = { city: '`${process.exit()}` \\ {{days}} $&', days: "'; DROP" };
    const filled = buildRequest({
      ...draft,
      variables: Object.entries(hostile).map(([name, value]) => ({ name, value })),
    });
    expect(module.buildRequest(hostile)).toEqual(filled.body);
  });

  it('keeps a key named __proto__ a key (in a schema or metadata), not a prototype', async () => {
    const draft = everyFieldDraft();
    draft.params = { ...draft.params, metadata: '__proto__=polluted' };
    const tool = draft.tools[0];
    if (tool) tool.schema = '{"type":"object","properties":{"__proto__":{"type":"string"}}}';
    const module = await load<PromptModule>('proto', typescriptModule(draft));
    const body = module.buildRequest({ city: 'a', days: 'b' }) as {
      metadata: object;
      tools: { function: { parameters: { properties: object } } }[];
    };
    expect(Object.keys(body.metadata)).toEqual(['__proto__']);
    expect(Object.keys(body.tools[0]?.function.parameters.properties ?? {})).toEqual(['__proto__']);
  });

  it('never holds a key', () => {
    expect(typescriptModule(everyFieldDraft())).not.toMatch(/api[_-]?key|authorization|bearer/i);
  });
});

describe('the replay fixture export', () => {
  it('replays the recorded answer through createChatCompletionsClient({ fetch }), streamed or not', async () => {
    type Fixture = { replayFetch: typeof fetch; recordedCompletion: ChatCompletion };
    const fixture = await load<Fixture>('fixture', replayFixtureModule(completion));
    expect(fixture.recordedCompletion).toEqual(completion);
    const client = createChatCompletionsClient({ baseURL: 'https://api.example.test/v1', fetch: fixture.replayFetch });
    const body = buildRequest(defaultDraft()).body;
    const plain = await client.chat.completions.create({ ...body, stream: false });
    expect(plain).toEqual(completion);
    const stream = await client.chat.completions.create({ ...body, stream: true });
    const chunks: ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    const final = await stream.finalCompletion();
    expect(final.choices.map((choice) => choice.message.content)).toEqual([
      completion.choices[0]?.message.content,
      null,
    ]);
    expect(final.choices[1]?.message.tool_calls).toEqual(completion.choices[1]?.message.tool_calls);
    expect(final.choices.map((choice) => choice.finish_reason)).toEqual(['stop', 'tool_calls']);
    expect(final.usage).toEqual(completion.usage);
    await expect(client.chat.completions.retrieve('chatcmpl-recorded')).rejects.toMatchObject({ status: 404 });
  });
});

// One tsc run for all three (it takes seconds on a busy machine).
it('the exported module and fixture type-check against the openai package types (tsc --strict)', () => {
  const files = {
    'checked-every-field.ts': typescriptModule(everyFieldDraft()),
    'checked-plain.ts': typescriptModule(defaultDraft()),
    'checked-fixture.ts': replayFixtureModule(completion),
  };
  expect(typeCheck(files, ['--lib', 'es2022,dom'])).toBe('');
}, 120_000);
