import type { ChatCompletion, ChatCompletionStoreMessage } from '@completions-kit/core';
import { type Draft, type DraftTool, defaultDraft, message, newId, type Role } from '../state/draft.ts';

/** A stored completion and its request messages as a composer draft ("open in playground"). */
export function storedToDraft(completion: ChatCompletion, messages: readonly ChatCompletionStoreMessage[]): Draft {
  // Stored completions carry the request's settings beside the response (chat-schemas.md section 7).
  const stored = completion as ChatCompletion & Record<string, unknown>;
  const draft = defaultDraft(stored.model);
  const number = (key: string, neutral: number) =>
    typeof stored[key] === 'number' && stored[key] !== neutral ? String(stored[key]) : '';
  const params: Draft['params'] = {
    ...draft.params,
    temperature: number('temperature', 1),
    top_p: number('top_p', 1),
    presence_penalty: number('presence_penalty', 0),
    frequency_penalty: number('frequency_penalty', 0),
    seed: stored.seed === null || stored.seed === undefined ? '' : String(stored.seed),
    store: true,
    metadata: Object.entries((stored.metadata as Record<string, string> | null) ?? {})
      .map(([key, value]) => `${key}=${value}`)
      .join('\n'),
  };
  const tools: DraftTool[] = (
    (stored.tools as
      | { type: string; function?: { name: string; description?: string; parameters?: unknown; strict?: boolean } }[]
      | null) ?? []
  )
    .filter((tool) => tool.type === 'function' && tool.function)
    .map((tool) => ({
      id: newId(),
      kind: 'function',
      name: tool.function?.name ?? '',
      description: tool.function?.description ?? '',
      schema: JSON.stringify(tool.function?.parameters ?? {}, null, 2),
      strict: tool.function?.strict ?? false,
      grammar: 'text',
      definition: '',
    }));
  const choice = stored.tool_choice as string | { function?: { name: string } } | null;
  const format = stored.response_format as {
    type: string;
    json_schema?: { name: string; schema?: unknown; strict?: boolean };
  } | null;
  return {
    messages: messages.map((entry) =>
      message(entry.role as Role, typeof entry.content === 'string' ? entry.content : ''),
    ),
    params,
    tools,
    toolChoice: typeof choice === 'string' ? choice : (choice?.function?.name ?? ''),
    responseFormat:
      format?.type === 'json_schema'
        ? {
            type: 'json_schema',
            name: format.json_schema?.name ?? 'answer',
            schema: JSON.stringify(format.json_schema?.schema ?? {}, null, 2),
            strict: format.json_schema?.strict ?? false,
          }
        : { ...draft.responseFormat, type: format?.type === 'json_object' ? 'json_object' : 'text' },
  };
}
