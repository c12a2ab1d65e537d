import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './start-server.ts';
import { bothWays, chunkSpecErrors, expectSameAnswer } from './test-support/both-ways.ts';
import { schemaValidator } from './test-support/schema-validator.ts';
import { openaiFor, startTestServer, user } from './test-support/servers.ts';
import { specErrors } from './test-support/spec.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const ajv = schemaValidator;

const weatherParameters = {
  type: 'object',
  properties: {
    city: { type: 'string' },
    unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
    days: { type: 'integer', minimum: 1, maximum: 7 },
    when: { type: 'string', format: 'date' },
    alerts: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          kind: { type: 'string', enum: ['wind', 'rain'] },
          level: { type: 'number', minimum: 0, maximum: 1 },
        },
        required: ['kind', 'level'],
        additionalProperties: false,
      },
    },
  },
  required: ['city', 'unit', 'days', 'when', 'alerts'],
  additionalProperties: false,
};
const weather = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Current weather for a city',
    strict: true,
    parameters: weatherParameters,
  },
};
const clock = {
  type: 'function' as const,
  function: {
    name: 'get_time',
    description: 'The local time in a timezone',
    parameters: { type: 'object', properties: { timezone: { type: 'string' } }, required: ['timezone'] },
  },
};
const phone = {
  type: 'custom' as const,
  custom: {
    name: 'dial',
    description: 'Dial a phone number',
    format: {
      type: 'grammar' as const,
      grammar: { syntax: 'regex' as const, definition: '^\\+1-\\d{3}-\\d{3}-\\d{4}$' },
    },
  },
};
const calculator = {
  type: 'custom' as const,
  custom: {
    name: 'calculate',
    description: 'Evaluate arithmetic',
    format: {
      type: 'grammar' as const,
      grammar: {
        syntax: 'lark' as const,
        definition:
          'start: expr\nexpr: term (OP term)*\nterm: NUMBER | "(" expr ")"\nOP: "+" | "-" | "*"\n%import common.NUMBER\n%ignore " "',
      },
    },
  },
};

describe('tools: the local model calls them as the API does', () => {
  it('with auto, calls the tools the user asked for, arguments valid against the schema and taken from the question', async () => {
    const validate = ajv.compile(weatherParameters);
    for (const seed of [1, 2, 3, 4, 5]) {
      const completion = await openaiFor(server).chat.completions.create({
        model: 'ck-local-ngram',
        seed,
        messages: user('What is the weather in Paris for 3 days, in celsius? And what time is it in Tokyo?'),
        tools: [weather, clock],
      });
      expect(specErrors('CreateChatCompletionResponse', completion)).toEqual([]);
      const [choice] = completion.choices;
      expect(choice?.finish_reason).toBe('tool_calls');
      expect(choice?.message.content).toBeNull();
      const calls = choice?.message.tool_calls ?? [];
      expect(calls.map((call) => call.type === 'function' && call.function.name)).toEqual(['get_weather', 'get_time']);
      const [first, second] = calls.map((call) =>
        call.type === 'function' ? JSON.parse(call.function.arguments) : null,
      );
      expect(validate(first), JSON.stringify(validate.errors)).toBe(true);
      expect(first).toMatchObject({ city: 'Paris', unit: 'celsius', days: 3 });
      expect(second).toEqual({ timezone: 'Tokyo' });
      expect(new Set(calls.map((call) => call.id)).size).toBe(2);
    }
  });

  it('with auto, answers in text when nothing the user said points at a tool', async () => {
    const completion = await openaiFor(server).chat.completions.create({
      model: 'ck-local-ngram',
      messages: user('Tell me about readable streams.'),
      tools: [weather],
      max_completion_tokens: 20,
    });
    expect(completion.choices[0]?.message.tool_calls).toBeUndefined();
    expect(completion.choices[0]?.message.content).not.toBe('');
  });

  it('honours none, required, a named function, a named custom tool, allowed_tools and parallel_tool_calls', async () => {
    const ask = async (
      extra: Record<string, unknown>,
      question = 'What is the weather in Oslo and the time in Lima?',
    ) => {
      const completion = await openaiFor(server).chat.completions.create({
        model: 'ck-local-ngram',
        messages: user(question),
        tools: [weather, clock, phone],
        max_completion_tokens: 60,
        ...extra,
      } as never);
      return (completion.choices[0]?.message.tool_calls ?? []).map((call) =>
        call.type === 'function' ? call.function.name : call.custom.name,
      );
    };
    expect(await ask({ tool_choice: 'none' })).toEqual([]);
    expect(await ask({ tool_choice: 'required' }, 'Hello there.')).toEqual(['get_weather']);
    expect(await ask({ tool_choice: { type: 'function', function: { name: 'get_time' } } })).toEqual(['get_time']);
    expect(await ask({ tool_choice: { type: 'custom', custom: { name: 'dial' } } })).toEqual(['dial']);
    expect(await ask({ parallel_tool_calls: false })).toEqual(['get_weather']);
    const allowed = (mode: string) => ({
      tool_choice: {
        type: 'allowed_tools',
        allowed_tools: { mode, tools: [{ type: 'function', function: { name: 'get_time' } }] },
      },
    });
    expect(await ask(allowed('auto'))).toEqual(['get_time']);
    expect(await ask(allowed('auto'), 'Tell me a story.')).toEqual([]);
    expect(await ask(allowed('required'), 'Tell me a story.')).toEqual(['get_time']);
  });

  it('writes custom tool input that matches a regex grammar and a lark grammar', async () => {
    for (const seed of [1, 2, 3]) {
      const completion = await openaiFor(server).chat.completions.create({
        model: 'ck-local-ngram',
        seed,
        messages: user('Dial the office and calculate the total.'),
        tools: [phone, calculator],
      });
      const calls = completion.choices[0]?.message.tool_calls ?? [];
      const inputs = Object.fromEntries(
        calls.map((call) => (call.type === 'custom' ? [call.custom.name, call.custom.input] : [])),
      );
      expect(inputs.dial).toMatch(/^\+1-\d{3}-\d{3}-\d{4}$/);
      // The lark grammar's language, as one regular expression (nesting aside): numbers joined by operators.
      expect(inputs.calculate).toMatch(/^[()\d. +*-]+$/);
      expect(inputs.calculate).toMatch(/\d/);
    }
  });

  it('streams calls as the API does: id and name first, arguments in pieces, a second call by index; the accumulator rebuilds the response', async () => {
    const result = await bothWays(server, {
      messages: user('Weather in Paris, and the time in Tokyo?'),
      tools: [weather, clock, calculator],
      logprobs: true,
    });
    for (const chunk of result.chunks) expect(chunkSpecErrors(chunk)).toEqual([]);
    const deltas = result.chunks.flatMap((chunk) =>
      (chunk.choices as { delta: Record<string, unknown> }[]).map((c) => c.delta),
    );
    expect(deltas[0]).toMatchObject({
      role: 'assistant',
      content: null,
      tool_calls: [
        {
          index: 0,
          id: expect.stringMatching(/^call_/),
          type: 'function',
          function: { name: 'get_weather', arguments: '' },
        },
      ],
    });
    const pieces = deltas.filter(
      (delta) => (delta.tool_calls as { function?: { arguments?: string } }[] | undefined)?.[0]?.function?.arguments,
    );
    expect(pieces.length).toBeGreaterThan(10);
    expect(
      deltas.some(
        (delta) =>
          (delta.tool_calls as { index: number; id?: string }[] | undefined)?.[0]?.index === 1 &&
          (delta.tool_calls as { id?: string }[])[0]?.id,
      ),
    ).toBe(true);
    expectSameAnswer(result);
  });

  it('a follow-up turn with tool results answers from them', async () => {
    const first = await openaiFor(server).chat.completions.create({
      model: 'ck-local-ngram',
      messages: user('What is the weather in Paris?'),
      tools: [weather],
    });
    const call = first.choices[0]?.message.tool_calls?.[0];
    if (call?.type !== 'function') throw new Error('expected a function call');
    const followUp = await openaiFor(server).chat.completions.create({
      model: 'ck-local-ngram',
      messages: [
        ...user('What is the weather in Paris?'),
        first.choices[0]?.message as never,
        { role: 'tool', tool_call_id: call.id, content: JSON.stringify({ temperature: 21, sky: 'sunny' }) },
      ],
      tools: [weather],
      max_completion_tokens: 60,
    });
    expect(followUp.choices[0]?.message.tool_calls).toBeUndefined();
    expect(followUp.choices[0]?.message.content).toContain('get_weather returned temperature: 21, sky: sunny');
  });

  it('supports the legacy functions and function_call', async () => {
    const result = await bothWays(server, {
      messages: user('What is the weather in Oslo?'),
      functions: [weather.function],
      function_call: { name: 'get_weather' },
    });
    const message = result.completion.choices[0]?.message;
    expect(result.completion.choices[0]?.finish_reason).toBe('function_call');
    expect(message?.function_call?.name).toBe('get_weather');
    expect(JSON.parse(message?.function_call?.arguments ?? '')).toMatchObject({ city: 'Oslo' });
    expect(result.chunks.length).toBeGreaterThan(10);
    expectSameAnswer(result);
  });

  it('a call cut short by max_completion_tokens is sent unfinished with finish_reason length', async () => {
    const completion = await openaiFor(server).chat.completions.create({
      model: 'ck-local-ngram',
      messages: user('Weather in Paris?'),
      tools: [weather],
      max_completion_tokens: 5,
    });
    expect(completion.choices[0]?.finish_reason).toBe('length');
    const call = completion.choices[0]?.message.tool_calls?.[0];
    expect(call?.type === 'function' && call.function.arguments.length).toBeGreaterThan(0);
    expect(completion.usage?.completion_tokens).toBe(5);
  });
});
