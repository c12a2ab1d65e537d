import type { ChatCompletionMessageParam } from '@completions-kit/core';
import { invalid } from '../http/errors.ts';
import { isRecord, oneOf, stringParam, typeName } from './checks.ts';
import { type JsonSchema, strictSchemaProblem } from './json-schema.ts';
import { conversationText } from './messages.ts';

export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | { type: 'json_schema'; name: string; schema: JsonSchema; strict: boolean };

export const AUDIO_FORMATS = ['wav', 'aac', 'mp3', 'flac', 'opus', 'pcm16'] as const;
/** The formats the local model can encode; the others are refused by name rather than faked. */
export const ENCODABLE_AUDIO_FORMATS = ['wav', 'mp3', 'flac', 'pcm16'] as const;
export type AudioFormat = (typeof ENCODABLE_AUDIO_FORMATS)[number];

export interface AudioRequest {
  voice: string;
  format: AudioFormat;
}

export function validateResponseFormat(value: unknown, messages: ChatCompletionMessageParam[]): ResponseFormat {
  if (value === undefined || value === null) return { type: 'text' };
  if (!isRecord(value))
    throw invalid(
      'response_format',
      `Invalid type for 'response_format': expected an object, but got ${typeName(value)}.`,
      'invalid_type',
    );
  const type = oneOf(value.type, 'response_format.type', ['text', 'json_object', 'json_schema']);
  if (type === 'text') return { type };
  if (type === 'json_object') {
    if (!/json/i.test(conversationText(messages)))
      throw invalid(
        'messages',
        "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
        'invalid_value',
      );
    return { type };
  }
  const spec = value.json_schema;
  if (!isRecord(spec))
    throw invalid(
      'response_format.json_schema',
      "Missing required parameter: 'response_format.json_schema'.",
      'missing_required_parameter',
    );
  const name = stringParam(spec.name, 'response_format.json_schema.name', 64);
  if (!/^[a-zA-Z0-9_-]{1,64}$/.test(name))
    throw invalid(
      'response_format.json_schema.name',
      "Invalid 'response_format.json_schema.name': use only a-z, A-Z, 0-9, underscores and dashes.",
      'invalid_value',
    );
  const schema = spec.schema ?? {};
  if (!isRecord(schema))
    throw invalid(
      'response_format.json_schema.schema',
      "Invalid type for 'response_format.json_schema.schema': expected an object.",
      'invalid_type',
    );
  const strict = spec.strict === true;
  if (strict) {
    const problem = strictSchemaProblem(schema);
    if (problem)
      throw invalid('response_format', `Invalid schema for response_format '${name}': ${problem}`, 'invalid_value');
  }
  return { type, name, schema, strict };
}

export function validateModalities(body: Record<string, unknown>): { audio: AudioRequest | null } {
  const modalities = body.modalities;
  let wantsAudio = false;
  if (modalities !== undefined && modalities !== null) {
    if (!Array.isArray(modalities))
      throw invalid('modalities', "Invalid type for 'modalities': expected an array.", 'invalid_type');
    for (const [index, modality] of modalities.entries()) oneOf(modality, `modalities[${index}]`, ['text', 'audio']);
    wantsAudio = modalities.includes('audio');
  }
  const audio = body.audio;
  if (!wantsAudio) {
    if (audio !== undefined && audio !== null)
      throw invalid('audio', "'audio' is only allowed when 'modalities' includes 'audio'.", 'invalid_value');
    return { audio: null };
  }
  if (!isRecord(audio))
    throw invalid(
      'audio',
      "Missing required parameter: 'audio' (voice and format) when 'modalities' includes 'audio'.",
      'missing_required_parameter',
    );
  const voice = isRecord(audio.voice)
    ? stringParam(audio.voice.id, 'audio.voice.id', 128)
    : stringParam(audio.voice, 'audio.voice', 64);
  const format = oneOf(audio.format, 'audio.format', AUDIO_FORMATS);
  if (!(ENCODABLE_AUDIO_FORMATS as readonly string[]).includes(format))
    throw invalid(
      'audio.format',
      `The local model cannot encode '${format}' audio. Use one of: ${ENCODABLE_AUDIO_FORMATS.join(', ')}.`,
      'unsupported_value',
    );
  return { audio: { voice, format: format as AudioFormat } };
}

export function validateWebSearch(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (!isRecord(value))
    throw invalid('web_search_options', "Invalid type for 'web_search_options': expected an object.", 'invalid_type');
  if (value.search_context_size !== undefined)
    oneOf(value.search_context_size, 'web_search_options.search_context_size', ['low', 'medium', 'high']);
  if (value.user_location !== undefined && value.user_location !== null && !isRecord(value.user_location))
    throw invalid(
      'web_search_options.user_location',
      "Invalid type for 'web_search_options.user_location': expected an object.",
      'invalid_type',
    );
  return true;
}

/** The predicted text, or null when there is none. */
export function validatePrediction(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (!isRecord(value))
    throw invalid('prediction', "Invalid type for 'prediction': expected an object.", 'invalid_type');
  oneOf(value.type, 'prediction.type', ['content']);
  const content = value.content;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content))
    throw invalid(
      'prediction.content',
      "Invalid type for 'prediction.content': expected a string or an array of text parts.",
      'invalid_type',
    );
  return content
    .map((part, index) => {
      if (!isRecord(part) || part.type !== 'text')
        throw invalid(`prediction.content[${index}]`, 'Expected a text part.', 'invalid_value');
      return stringParam(part.text, `prediction.content[${index}].text`);
    })
    .join('');
}
