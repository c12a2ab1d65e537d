import type { ChatCompletionCreateParams } from '@completions-kit/core';
import { type Draft, type DraftTool, type DraftVariable, defaultDraft, newId } from '../state/draft.ts';
import { draftMessage } from './draft-message.ts';

type Json = Record<string, unknown>;
const record = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.map(record) : []);
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const numberText = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : '');
const jsonText = (value: unknown) => (value === undefined || value === null ? '' : JSON.stringify(value, null, 2));

/** Scalar parameters whose draft field holds the number or word as typed. */
const plain = ['temperature', 'top_p', 'n', 'max_completion_tokens', 'seed', 'frequency_penalty', 'presence_penalty'];
const words = ['service_tier', 'reasoning_effort', 'verbosity'];

function paramsOf(body: Json): Draft['params'] {
  const params: Draft['params'] = { model: text(body.model), stream: body.stream === true };
  for (const name of plain) params[name] = numberText(body[name]);
  if (params.max_completion_tokens === '') params.max_completion_tokens = numberText(body.max_tokens);
  for (const name of words) params[name] = text(body[name]);
  params.include_usage = record(body.stream_options).include_usage === true;
  params.stop = Array.isArray(body.stop) ? body.stop.map(text).join('\n') : text(body.stop);
  params.logit_bias = body.logit_bias ? JSON.stringify(body.logit_bias) : '';
  params.logprobs = body.logprobs === true;
  params.top_logprobs = numberText(body.top_logprobs);
  const audio = record(body.audio);
  params.modalities = Array.isArray(body.modalities) && body.modalities.includes('audio') ? 'text + audio' : 'text';
  params.voice = text(audio.voice);
  params.audio_format = text(audio.format);
  params.web_search =
    text(record(body.web_search_options).search_context_size) || (body.web_search_options ? 'medium' : 'off');
  params.parallel_tool_calls = body.parallel_tool_calls !== false;
  const prediction = record(body.prediction).content;
  params.prediction = Array.isArray(prediction)
    ? list(prediction)
        .map((part) => text(part.text))
        .join('')
    : text(prediction);
  params.store = body.store === true;
  params.metadata = Object.entries(record(body.metadata))
    .map(([key, value]) => `${key}=${text(value)}`)
    .join('\n');
  return params;
}

function toolOf(tool: Json): DraftTool {
  const base = { id: newId(), description: '', schema: '', strict: false, grammar: 'text' as const, definition: '' };
  if (tool.type === 'custom') {
    const custom = record(tool.custom);
    const grammar = record(record(custom.format).grammar);
    const syntax = grammar.syntax === 'regex' || grammar.syntax === 'lark' ? grammar.syntax : 'text';
    return {
      ...base,
      kind: 'custom',
      name: text(custom.name),
      description: text(custom.description),
      grammar: syntax,
      definition: text(grammar.definition),
    };
  }
  const fn = record(tool.function);
  return {
    ...base,
    kind: 'function',
    name: text(fn.name),
    description: text(fn.description),
    schema: jsonText(fn.parameters),
    strict: fn.strict === true,
  };
}

function toolChoiceOf(choice: unknown): string {
  if (typeof choice === 'string') return choice;
  const named = record(choice);
  return text(record(named.function).name) || text(record(named.custom).name);
}

function formatOf(value: unknown): Draft['responseFormat'] {
  const format = record(value);
  const base = defaultDraft().responseFormat;
  if (format.type === 'json_object') return { ...base, type: 'json_object' };
  if (format.type !== 'json_schema') return base;
  const schema = record(format.json_schema);
  return {
    type: 'json_schema',
    name: text(schema.name) || 'answer',
    schema: jsonText(schema.schema),
    strict: schema.strict === true,
  };
}

/**
 * The draft a request body describes: the inverse of `buildRequest` (open a logged or recorded
 * request in the composer). Variables are not in a body: pass the values to keep beside it.
 */
export function draftFromRequest(
  body: ChatCompletionCreateParams | Json,
  variables: readonly DraftVariable[] = [],
): Draft {
  const source = record(body);
  return {
    messages: list(source.messages).map(draftMessage),
    params: paramsOf(source),
    tools: list(source.tools).map(toolOf),
    toolChoice: toolChoiceOf(source.tool_choice),
    responseFormat: formatOf(source.response_format),
    variables: variables.map((entry) => ({ ...entry })),
  };
}
