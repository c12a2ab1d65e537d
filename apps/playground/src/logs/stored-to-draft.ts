import type { ChatCompletion, ChatCompletionStoreMessage } from '@completions-kit/core';
import { draftFromRequest } from '../request/draft-from-request.ts';
import type { Draft } from '../state/draft.ts';

/**
 * What a stored completion says of its request (chat-schemas.md section 7): the settings beside the
 * response, and the request messages from `/messages` (name and content parts included). The API
 * keeps no other parameter, nor the assistant's tool calls or a tool message's call id.
 */
export const storedRequestFields = [
  'model',
  'messages',
  'seed',
  'temperature',
  'top_p',
  'presence_penalty',
  'frequency_penalty',
  'tools',
  'tool_choice',
  'response_format',
  'metadata',
  'store',
] as const;

/** A stored completion and its request messages as a composer draft ("open in playground"). */
export function storedToDraft(completion: ChatCompletion, messages: readonly ChatCompletionStoreMessage[]): Draft {
  const stored = completion as ChatCompletion & Record<string, unknown>;
  // The stored shape fills unset sampling values with their defaults: those stay unset here.
  const unlessDefault = (key: string, neutral: number) => (stored[key] === neutral ? undefined : stored[key]);
  const request = {
    model: stored.model,
    messages,
    seed: stored.seed ?? undefined,
    temperature: unlessDefault('temperature', 1),
    top_p: unlessDefault('top_p', 1),
    presence_penalty: unlessDefault('presence_penalty', 0),
    frequency_penalty: unlessDefault('frequency_penalty', 0),
    tools: stored.tools ?? undefined,
    tool_choice: stored.tool_choice ?? undefined,
    response_format: stored.response_format ?? undefined,
    metadata: stored.metadata ?? undefined,
    store: true,
    // Whether it streamed is not stored: reopen it streaming, as the composer starts.
    stream: true,
    stream_options: { include_usage: true },
  };
  return draftFromRequest(request);
}
