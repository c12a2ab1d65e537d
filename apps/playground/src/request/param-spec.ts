import { paramLimits } from '@completions-kit/core';

/** Every request parameter the composer offers, with the API's constraints, shown and checked inline. */
export type ParamSpec =
  | { name: string; label: string; kind: 'number' | 'integer'; min?: number; max?: number; hint: string; group: string }
  | { name: string; label: string; kind: 'boolean'; hint: string; group: string; default?: boolean }
  | { name: string; label: string; kind: 'select'; options: string[]; hint: string; group: string }
  | { name: string; label: string; kind: 'text' | 'lines' | 'json'; hint: string; group: string };

/** A numeric parameter's range from core's `paramLimits` (what the server checks), with its hint. */
function limited(name: keyof typeof paramLimits, suffix = '') {
  const [min, max] = paramLimits[name];
  return { name, min, max, hint: `${min} to ${max}${suffix}` };
}

export const paramSpecs: ParamSpec[] = [
  { name: 'model', label: 'Model', kind: 'text', hint: 'Required.', group: 'Model' },
  {
    name: 'stream',
    label: 'Stream',
    kind: 'boolean',
    hint: 'Show the answer as it is written.',
    group: 'Model',
    default: true,
  },
  {
    name: 'include_usage',
    label: 'Include usage in the stream',
    kind: 'boolean',
    hint: 'stream_options.include_usage',
    group: 'Model',
    default: true,
  },
  { ...limited('temperature'), label: 'Temperature', kind: 'number', group: 'Sampling' },
  { ...limited('top_p'), label: 'Top p', kind: 'number', group: 'Sampling' },
  { ...limited('n'), label: 'Choices (n)', kind: 'integer', group: 'Sampling' },
  {
    name: 'max_completion_tokens',
    label: 'Max completion tokens',
    kind: 'integer',
    min: 1,
    hint: 'At least 1',
    group: 'Sampling',
  },
  { name: 'seed', label: 'Seed', kind: 'integer', hint: 'An integer, for repeatable sampling', group: 'Sampling' },
  { name: 'stop', label: 'Stop sequences', kind: 'lines', hint: 'Up to 4, one per line', group: 'Sampling' },
  { ...limited('frequency_penalty'), label: 'Frequency penalty', kind: 'number', group: 'Sampling' },
  { ...limited('presence_penalty'), label: 'Presence penalty', kind: 'number', group: 'Sampling' },
  { name: 'logit_bias', label: 'Logit bias', kind: 'json', hint: 'JSON: token id to -100..100', group: 'Sampling' },
  {
    name: 'logprobs',
    label: 'Logprobs',
    kind: 'boolean',
    hint: 'Return the probability of each token',
    group: 'Logprobs',
  },
  { ...limited('top_logprobs', '; needs Logprobs'), label: 'Top logprobs', kind: 'integer', group: 'Logprobs' },
  {
    name: 'modalities',
    label: 'Output',
    kind: 'select',
    options: ['text', 'text + audio'],
    hint: 'Audio needs a voice and format',
    group: 'Audio',
  },
  {
    name: 'voice',
    label: 'Voice',
    kind: 'select',
    options: ['alloy', 'ash', 'ballad', 'coral', 'echo', 'fable', 'nova', 'onyx', 'sage', 'shimmer', 'verse'],
    hint: 'audio.voice',
    group: 'Audio',
  },
  {
    name: 'audio_format',
    label: 'Audio format',
    kind: 'select',
    options: ['wav', 'mp3', 'flac', 'opus', 'pcm16'],
    hint: 'audio.format',
    group: 'Audio',
  },
  {
    name: 'web_search',
    label: 'Web search',
    kind: 'select',
    options: ['off', 'low', 'medium', 'high'],
    hint: 'web_search_options.search_context_size',
    group: 'Tools and search',
  },
  {
    name: 'parallel_tool_calls',
    label: 'Parallel tool calls',
    kind: 'boolean',
    hint: 'Allow several calls in one turn',
    group: 'Tools and search',
    default: true,
  },
  {
    name: 'prediction',
    label: 'Predicted output',
    kind: 'text',
    hint: 'prediction.content: text you expect back',
    group: 'Output',
  },
  { name: 'store', label: 'Store', kind: 'boolean', hint: 'Keep it in the stored completions (Logs)', group: 'Output' },
  {
    name: 'metadata',
    label: 'Metadata',
    kind: 'lines',
    hint: 'key=value per line; 16 keys, 64/512 characters',
    group: 'Output',
  },
  {
    name: 'service_tier',
    label: 'Service tier',
    kind: 'select',
    options: ['', 'auto', 'default', 'flex', 'priority'],
    hint: 'Leave empty for the default',
    group: 'Output',
  },
  {
    name: 'reasoning_effort',
    label: 'Reasoning effort',
    kind: 'select',
    options: ['', 'minimal', 'low', 'medium', 'high'],
    hint: 'Reasoning models only',
    group: 'Output',
  },
  {
    name: 'verbosity',
    label: 'Verbosity',
    kind: 'select',
    options: ['', 'low', 'medium', 'high'],
    hint: 'Some models only',
    group: 'Output',
  },
];

/** The field's value as typed; booleans fall back to their default. */
export function fieldValue(spec: ParamSpec, params: Record<string, string | boolean>): string | boolean {
  const value = params[spec.name];
  if (spec.kind === 'boolean') return typeof value === 'boolean' ? value : (spec.default ?? false);
  return typeof value === 'string' ? value : '';
}
