import { type Draft, message } from '../state/draft.ts';

const weather = {
  type: 'object',
  properties: { city: { type: 'string' }, days: { type: 'integer' } },
  required: ['city', 'days'],
  additionalProperties: false,
};

/**
 * A draft that sets every field the composer has: every parameter of param-spec.ts, a function and
 * a custom tool, a named tool choice, parallel_tool_calls off, a strict json_schema format,
 * variables (one escaped), message names, a tool call answered by a tool message, and image,
 * audio and file parts. Round-trip tests compare what comes back with this, field by field.
 */
export function everyFieldDraft(): Draft {
  return {
    messages: [
      message('system', 'You forecast weather for {{city}}. Keep \\{{braces}} as written.', { name: 'forecaster' }),
      message('developer', 'Answer in {{days}} lines.'),
      message('user', 'Weather in {{city}} for {{days}} days?', {
        name: 'ada',
        parts: [
          { id: 'p1', type: 'image_url', url: 'https://example.com/sky.png', detail: 'high' },
          { id: 'p2', type: 'image_url', url: 'data:image/png;base64,iVBORw0KGgo=', detail: 'low' },
          { id: 'p3', type: 'input_audio', data: 'UklGRiQAAABXQVZF', format: 'wav', name: 'audio.wav' },
          { id: 'p4', type: 'file', filename: 'notes.pdf', fileData: 'data:application/pdf;base64,JVBERi0=' },
        ],
      }),
      message('assistant', 'Let me look that up.', {
        name: 'helper',
        toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris","days":3}' }],
      }),
      message('tool', '{"forecast":"sun"}', { toolCallId: 'call_1' }),
    ],
    params: {
      model: 'ck-local-ngram',
      stream: true,
      include_usage: true,
      temperature: '0.4',
      top_p: '0.9',
      n: '2',
      max_completion_tokens: '64',
      seed: '42',
      stop: 'END\nSTOP',
      frequency_penalty: '0.5',
      presence_penalty: '-0.5',
      logit_bias: '{"1234":-100}',
      logprobs: true,
      top_logprobs: '3',
      modalities: 'text + audio',
      voice: 'coral',
      audio_format: 'mp3',
      web_search: 'low',
      parallel_tool_calls: false,
      prediction: 'Sunny all week.',
      store: true,
      metadata: 'project=docs\nrun=3',
      service_tier: 'flex',
      reasoning_effort: 'low',
      verbosity: 'high',
    },
    tools: [
      {
        id: 't1',
        kind: 'function',
        name: 'get_weather',
        description: 'Weather for a city',
        schema: JSON.stringify(weather, null, 2),
        strict: true,
        grammar: 'text',
        definition: '',
      },
      {
        id: 't2',
        kind: 'custom',
        name: 'shout',
        description: 'Upper case only',
        schema: '',
        strict: false,
        grammar: 'lark',
        definition: 'start: /[A-Z ]+/',
      },
    ],
    toolChoice: 'get_weather',
    responseFormat: {
      type: 'json_schema',
      name: 'forecast',
      schema: JSON.stringify(
        {
          type: 'object',
          properties: { summary: { type: 'string' } },
          required: ['summary'],
          additionalProperties: false,
        },
        null,
        2,
      ),
      strict: true,
    },
    variables: [
      { name: 'city', value: 'Paris' },
      { name: 'days', value: '3' },
      { name: 'unused', value: 'kept anyway' },
    ],
  };
}

/** A draft's content without the composer's random ids (which no round trip needs to keep). */
export function withoutIds(draft: Draft) {
  return {
    ...draft,
    messages: draft.messages.map(({ id: _id, parts, ...rest }) => ({
      ...rest,
      parts: parts.map(({ id: _partId, ...part }) => part),
    })),
    tools: draft.tools.map(({ id: _id, ...rest }) => rest),
  };
}
