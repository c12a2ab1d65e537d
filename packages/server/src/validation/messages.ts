import type { ChatCompletionMessageParam } from '@completions-kit/core';
import { invalid } from '../http/errors.ts';
import { isRecord, oneOf, stringParam, typeName } from './checks.ts';

const roles = ['developer', 'system', 'user', 'assistant', 'tool', 'function'] as const;
const partTypes: Record<string, readonly string[]> = {
  developer: ['text'],
  system: ['text'],
  user: ['text', 'image_url', 'input_audio', 'file'],
  assistant: ['text', 'refusal'],
  tool: ['text'],
  function: [],
};

/** Checks each message as the spec shapes it, naming the exact place (`messages[2].content[0].text`). */
export function validateMessages(value: unknown): ChatCompletionMessageParam[] {
  if (!Array.isArray(value)) {
    throw invalid(
      'messages',
      `Invalid type for 'messages': expected an array, but got ${typeName(value)}.`,
      'invalid_type',
    );
  }
  if (value.length === 0)
    throw invalid(
      'messages',
      "Invalid 'messages': empty array. Expected an array with minimum length 1.",
      'empty_array',
    );
  for (const [index, message] of value.entries()) validateMessage(message, `messages[${index}]`);
  return value as ChatCompletionMessageParam[];
}

function validateMessage(message: unknown, at: string): void {
  if (!isRecord(message))
    throw invalid(at, `Invalid type for '${at}': expected an object, but got ${typeName(message)}.`, 'invalid_type');
  const role = oneOf(message.role, `${at}.role`, roles);
  if (message.name !== undefined) stringParam(message.name, `${at}.name`, 256);
  const content = message.content;
  const mayBeNull =
    role === 'assistant' &&
    (message.tool_calls !== undefined ||
      message.function_call !== undefined ||
      message.audio !== undefined ||
      message.refusal !== undefined);
  if (content === undefined || content === null) {
    if (!mayBeNull && role !== 'function')
      throw invalid(`${at}.content`, `Missing required parameter: '${at}.content'.`, 'missing_required_parameter');
  } else if (typeof content !== 'string') {
    if (!Array.isArray(content) || role === 'function') {
      throw invalid(
        `${at}.content`,
        `Invalid type for '${at}.content': expected a string or an array of content parts.`,
        'invalid_type',
      );
    }
    for (const [index, part] of content.entries()) validatePart(part, `${at}.content[${index}]`, partTypes[role] ?? []);
  }
  if (role === 'tool') stringParam(message.tool_call_id, `${at}.tool_call_id`, 256);
  if (role === 'function') stringParam(message.name, `${at}.name`, 256);
}

function validatePart(part: unknown, at: string, allowed: readonly string[]): void {
  if (!isRecord(part))
    throw invalid(at, `Invalid type for '${at}': expected an object, but got ${typeName(part)}.`, 'invalid_type');
  const type = oneOf(part.type, `${at}.type`, allowed);
  if (type === 'text') stringParam(part.text, `${at}.text`);
  if (type === 'refusal') stringParam(part.refusal, `${at}.refusal`);
  if (type === 'image_url') {
    if (!isRecord(part.image_url))
      throw invalid(`${at}.image_url`, `Missing required parameter: '${at}.image_url'.`, 'missing_required_parameter');
    const url = stringParam(part.image_url.url, `${at}.image_url.url`, 20_000_000);
    if (!/^(https?:\/\/|data:image\/)/i.test(url))
      throw invalid(
        `${at}.image_url.url`,
        'Expected an http(s) URL or a base64 data URL of an image.',
        'invalid_value',
      );
    if (part.image_url.detail !== undefined)
      oneOf(part.image_url.detail, `${at}.image_url.detail`, ['auto', 'low', 'high']);
  }
  if (type === 'input_audio') {
    if (!isRecord(part.input_audio))
      throw invalid(
        `${at}.input_audio`,
        `Missing required parameter: '${at}.input_audio'.`,
        'missing_required_parameter',
      );
    stringParam(part.input_audio.data, `${at}.input_audio.data`, 30_000_000);
    oneOf(part.input_audio.format, `${at}.input_audio.format`, ['wav', 'mp3']);
  }
  if (type === 'file') {
    if (!isRecord(part.file))
      throw invalid(`${at}.file`, `Missing required parameter: '${at}.file'.`, 'missing_required_parameter');
    if (part.file.file_data === undefined && part.file.file_id === undefined) {
      throw invalid(`${at}.file`, `'${at}.file' needs file_data or file_id.`, 'missing_required_parameter');
    }
  }
}

/** The words of the conversation, for the local model to lean towards: the last user turn counts most. */
export function conversationText(messages: ChatCompletionMessageParam[]): string {
  const texts: string[] = [];
  for (const message of messages) {
    const content = message.content;
    if (typeof content === 'string') texts.push(content);
    else if (Array.isArray(content)) {
      for (const part of content) if (part.type === 'text') texts.push(part.text);
    }
  }
  return texts.join('\n');
}
