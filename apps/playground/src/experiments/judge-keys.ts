import type { ChatCompletionsClient } from '@completions-kit/core';
import { presetClient } from '../compare/variant-runs.ts';
import type { JudgeConnection } from './graders.ts';

/**
 * Keys typed for judges on a preset that takes a key in the browser, by grader id: in memory only,
 * never written with the experiment (a reload asks for them again).
 */
export const judgeKeys = new Map<string, string>();

const clients = new Map<string, ChatCompletionsClient>();

/** The client a judge on `connection` is asked through: made once per connection and key. */
export function judgeClient(connection: JudgeConnection, graderId: string): ChatCompletionsClient {
  const key = judgeKeys.get(graderId) ?? '';
  const cacheKey = `${connection}\u0000${key}`;
  let client = clients.get(cacheKey);
  if (!client) {
    client = presetClient(connection, key);
    clients.set(cacheKey, client);
  }
  return client;
}
