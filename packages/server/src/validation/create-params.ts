import type { ChatCompletionMessageParam } from '@completions-kit/core';
import { paramLimits, validateMetadata } from '@completions-kit/core';
import { HttpError, invalid } from '../http/errors.ts';
import { booleanParam, isRecord, numberIn, oneOf, optionalNumber, stringParam, typeName } from './checks.ts';
import { validateMessages } from './messages.ts';
import {
  type AudioRequest,
  type ResponseFormat,
  validateModalities,
  validatePrediction,
  validateResponseFormat,
  validateWebSearch,
} from './output-params.ts';
import { type ToolPlan, validateTools } from './tools.ts';

/** Every parameter the spec's CreateChatCompletionRequest knows. Anything else is refused by name. */
const knownParams = new Set([
  'model',
  'messages',
  'metadata',
  'top_logprobs',
  'temperature',
  'top_p',
  'user',
  'safety_identifier',
  'prompt_cache_key',
  'prompt_cache_retention',
  'prompt_cache_options',
  'service_tier',
  'modalities',
  'verbosity',
  'reasoning_effort',
  'max_completion_tokens',
  'frequency_penalty',
  'presence_penalty',
  'web_search_options',
  'response_format',
  'audio',
  'store',
  'stream',
  'stop',
  'logit_bias',
  'logprobs',
  'max_tokens',
  'n',
  'prediction',
  'seed',
  'stream_options',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'function_call',
  'functions',
  'moderation',
]);

export interface CreateRequest {
  body: Record<string, unknown>;
  model: string;
  messages: ChatCompletionMessageParam[];
  stream: boolean;
  includeUsage: boolean;
  includeObfuscation: boolean;
  n: number;
  maxTokens: number | null;
  temperature: number;
  topP: number;
  stop: string[];
  logprobs: boolean;
  topLogprobs: number | null;
  logitBias: Map<number, number>;
  presencePenalty: number;
  frequencyPenalty: number;
  seed: number | null;
  store: boolean;
  metadata: Record<string, string>;
  tools: ToolPlan | null;
  responseFormat: ResponseFormat;
  audio: AudioRequest | null;
  webSearch: boolean;
  prediction: string | null;
}

/** Validates a create request against the spec's constraints; the first problem is a 400 naming its param. */
export function validateCreate(body: unknown): CreateRequest {
  if (!isRecord(body))
    throw invalid(null, `The request body must be a JSON object, not ${typeName(body)}.`, 'invalid_type');
  for (const key of Object.keys(body)) {
    if (!knownParams.has(key))
      throw invalid(key, `Unrecognized request argument supplied: ${key}`, 'unknown_parameter');
  }
  if (body.model === undefined)
    throw invalid('model', "Missing required parameter: 'model'.", 'missing_required_parameter');
  const model = stringParam(body.model, 'model', 256);
  if (model === '') throw invalid('model', "Invalid 'model': empty string.", 'invalid_value');
  if (body.messages === undefined)
    throw invalid('messages', "Missing required parameter: 'messages'.", 'missing_required_parameter');
  const messages = validateMessages(body.messages);
  const stream = booleanParam(body, 'stream', false);
  const options = body.stream_options;
  if (options !== undefined && options !== null) {
    if (!stream)
      throw invalid(
        'stream_options',
        "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
        'invalid_value',
      );
    if (!isRecord(options))
      throw invalid(
        'stream_options',
        `Invalid type for 'stream_options': expected an object, but got ${typeName(options)}.`,
        'invalid_type',
      );
  }
  const streamOptions = isRecord(options) ? options : {};
  const logprobs = booleanParam(body, 'logprobs', false);
  let topLogprobs: number | null = null;
  if (body.top_logprobs !== undefined && body.top_logprobs !== null) {
    topLogprobs = numberIn(body.top_logprobs, 'top_logprobs', ...paramLimits.top_logprobs, true);
    if (!logprobs) throw invalid('top_logprobs', "'top_logprobs' requires 'logprobs' to be true.", 'invalid_value');
  }
  const maxTokens = body.max_completion_tokens ?? body.max_tokens;
  const maxParam = body.max_completion_tokens === undefined ? 'max_tokens' : 'max_completion_tokens';
  if (body.max_completion_tokens !== undefined && body.max_tokens !== undefined) {
    throw invalid(
      'max_tokens',
      "Use 'max_completion_tokens' or the deprecated 'max_tokens', not both.",
      'invalid_value',
    );
  }
  const seed =
    body.seed === undefined || body.seed === null ? null : numberIn(body.seed, 'seed', -(2 ** 63), 2 ** 63, true);
  const metadata = body.metadata ?? {};
  const problem = validateMetadata(metadata)[0];
  if (problem)
    throw invalid(problem.key === null ? 'metadata' : `metadata.${problem.key}`, problem.message, 'invalid_metadata');
  const store = booleanParam(body, 'store', false);
  for (const param of ['user', 'safety_identifier', 'prompt_cache_key'] as const) {
    if (body[param] !== undefined) stringParam(body[param], param, 512);
  }
  if (body.service_tier !== undefined && body.service_tier !== null) {
    oneOf(body.service_tier, 'service_tier', ['auto', 'default', 'flex', 'scale', 'priority']);
  }
  return {
    body,
    model,
    messages,
    stream,
    includeUsage: booleanParam(streamOptions, 'include_usage', false),
    includeObfuscation: booleanParam(streamOptions, 'include_obfuscation', true),
    n: optionalNumber(body, 'n', ...paramLimits.n, 1, true),
    maxTokens: maxTokens === undefined || maxTokens === null ? null : numberIn(maxTokens, maxParam, 1, 1_000_000, true),
    temperature: optionalNumber(body, 'temperature', ...paramLimits.temperature, 1),
    topP: optionalNumber(body, 'top_p', ...paramLimits.top_p, 1),
    stop: validateStop(body.stop),
    logprobs,
    topLogprobs,
    logitBias: validateLogitBias(body.logit_bias),
    presencePenalty: optionalNumber(body, 'presence_penalty', ...paramLimits.presence_penalty, 0),
    frequencyPenalty: optionalNumber(body, 'frequency_penalty', ...paramLimits.frequency_penalty, 0),
    seed,
    store,
    metadata: metadata as Record<string, string>,
    tools: validateTools(body),
    responseFormat: validateResponseFormat(body.response_format, messages),
    ...validateModalities(body),
    webSearch: validateWebSearch(body.web_search_options),
    prediction: validatePrediction(body.prediction),
  };
}

function validateStop(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (!Array.isArray(value))
    throw invalid(
      'stop',
      `Invalid type for 'stop': expected a string or an array of strings, but got ${typeName(value)}.`,
      'invalid_type',
    );
  if (value.length > 4)
    throw invalid(
      'stop',
      `Invalid 'stop': array too long. Expected an array with maximum length 4, but got ${value.length}.`,
      'array_above_max_length',
    );
  return value.map((item, index) => stringParam(item, `stop[${index}]`, 1000)).filter((item) => item !== '');
}

function validateLogitBias(value: unknown): Map<number, number> {
  const bias = new Map<number, number>();
  if (value === undefined || value === null) return bias;
  if (!isRecord(value))
    throw invalid(
      'logit_bias',
      `Invalid type for 'logit_bias': expected an object, but got ${typeName(value)}.`,
      'invalid_type',
    );
  if (Object.keys(value).length > 300)
    throw invalid('logit_bias', "Invalid 'logit_bias': at most 300 tokens.", 'invalid_value');
  for (const [key, amount] of Object.entries(value)) {
    if (!/^\d{1,6}$/.test(key))
      throw invalid(
        'logit_bias',
        `Invalid key in 'logit_bias': ${JSON.stringify(key.slice(0, 20))} is not a token id.`,
        'invalid_value',
      );
    bias.set(Number(key), numberIn(amount, `logit_bias.${key}`, -100, 100));
  }
  return bias;
}

/** Parameters the local model cannot honour are refused by name, never faked. */
export function refuseUnsupported(request: CreateRequest): void {
  for (const param of ['reasoning_effort', 'verbosity']) {
    if (request.body[param] !== undefined && request.body[param] !== null) {
      throw new HttpError(
        400,
        `Unsupported parameter: '${param}' is not supported with this model.`,
        param,
        'unsupported_parameter',
      );
    }
  }
}
