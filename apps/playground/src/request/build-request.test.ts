import { describe, expect, it } from 'vitest';
import { type Draft, defaultDraft, message } from '../state/draft.ts';
import { buildRequest } from './build-request.ts';

const draftWith = (params: Draft['params'], change: Partial<Draft> = {}): Draft => ({
  ...defaultDraft(),
  ...change,
  params: { ...defaultDraft().params, ...params },
});

describe('building the request from the composer', () => {
  it('turns typed fields into the API shape, leaving unset ones out', () => {
    const { body, problems } = buildRequest(
      draftWith({
        temperature: '0.4',
        n: '2',
        stop: 'END\nSTOP',
        logprobs: true,
        top_logprobs: '5',
        logit_bias: '{"1234": -100}',
        modalities: 'text + audio',
        voice: 'coral',
        audio_format: 'mp3',
        web_search: 'low',
        prediction: 'expected text',
        store: true,
        metadata: 'project=docs\nrun=3',
        service_tier: 'flex',
      }),
    );
    expect(problems).toEqual({});
    expect(body).toMatchObject({
      model: 'ck-local-ngram',
      temperature: 0.4,
      n: 2,
      stop: ['END', 'STOP'],
      logprobs: true,
      top_logprobs: 5,
      logit_bias: { 1234: -100 },
      modalities: ['text', 'audio'],
      audio: { voice: 'coral', format: 'mp3' },
      web_search_options: { search_context_size: 'low' },
      prediction: { type: 'content', content: 'expected text' },
      store: true,
      metadata: { project: 'docs', run: '3' },
      service_tier: 'flex',
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(body).not.toHaveProperty('top_p');
    expect(body).not.toHaveProperty('seed');
  });

  it('names every field that breaks a limit', () => {
    const { problems } = buildRequest(
      draftWith({
        model: ' ',
        temperature: '2.5',
        n: '1.5',
        top_logprobs: '3',
        stop: 'a\nb\nc\nd\ne',
        logit_bias: '{oops',
        metadata: `${'k'.repeat(65)}=v`,
      }),
    );
    expect(Object.keys(problems).sort()).toEqual(
      ['logit_bias', 'metadata', 'model', 'n', 'stop', 'temperature', 'top_logprobs'].sort(),
    );
    expect(problems.temperature).toBe('Temperature: 0 to 2.');
    expect(problems.top_logprobs).toBe('Top logprobs needs Logprobs on.');
  });

  it('sends tools, tool choice, json_schema and tool round trips as the API wants them', () => {
    const assistant = message('assistant', '', {
      toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' }],
    });
    const { body, problems } = buildRequest(
      draftWith(
        { stream: false },
        {
          messages: [message('user', 'Weather?'), assistant, message('tool', '{"t":21}', { toolCallId: 'call_1' })],
          tools: [
            {
              id: 't1',
              kind: 'function',
              name: 'get_weather',
              description: '',
              schema: '{"type":"object"}',
              strict: true,
              grammar: 'text',
              definition: '',
            },
            {
              id: 't2',
              kind: 'custom',
              name: 'shout',
              description: 'Upper case',
              schema: '',
              strict: false,
              grammar: 'regex',
              definition: '[A-Z]+',
            },
          ],
          toolChoice: 'get_weather',
          responseFormat: { type: 'json_schema', name: 'answer', schema: '{"type":"object"}', strict: true },
        },
      ),
    );
    expect(problems).toEqual({});
    expect(body.messages[1]).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [
        { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
      ],
    });
    expect(body.messages[2]).toEqual({ role: 'tool', tool_call_id: 'call_1', content: '{"t":21}' });
    expect(body.tools?.[1]).toEqual({
      type: 'custom',
      custom: {
        name: 'shout',
        description: 'Upper case',
        format: { type: 'grammar', grammar: { syntax: 'regex', definition: '[A-Z]+' } },
      },
    });
    expect(body.tool_choice).toEqual({ type: 'function', function: { name: 'get_weather' } });
    expect(body.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'answer', schema: { type: 'object' }, strict: true },
    });
    expect(body.stream).toBe(false);
    expect(body).not.toHaveProperty('stream_options');
  });

  it('sends user content parts with their text first', () => {
    const user = message('user', 'Look', {
      parts: [
        { id: 'p1', type: 'image_url', url: 'https://example.com/a.png', detail: 'low' },
        { id: 'p2', type: 'input_audio', data: 'UklGRg==', format: 'wav', name: 'a.wav' },
      ],
    });
    const { body } = buildRequest(draftWith({}, { messages: [user] }));
    expect(body.messages[0]).toEqual({
      role: 'user',
      content: [
        { type: 'text', text: 'Look' },
        { type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'low' } },
        { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
      ],
    });
  });
});
