import type { ChatCompletionMessageParam } from '@completions-kit/core';
import type { DraftMessage, DraftPart } from '../state/draft.ts';

function partParam(part: DraftPart) {
  if (part.type === 'image_url')
    return { type: 'image_url' as const, image_url: { url: part.url, detail: part.detail } };
  if (part.type === 'input_audio')
    return { type: 'input_audio' as const, input_audio: { data: part.data, format: part.format } };
  return { type: 'file' as const, file: { filename: part.filename, file_data: part.fileData } };
}

/** A composed message as the API wants it. */
export function toMessageParam(draft: DraftMessage): ChatCompletionMessageParam {
  if (draft.role === 'tool') return { role: 'tool', tool_call_id: draft.toolCallId, content: draft.text };
  const name = draft.name ? { name: draft.name } : {};
  if (draft.role === 'assistant') {
    return {
      role: 'assistant',
      ...name,
      content: draft.text || null,
      ...(draft.toolCalls.length > 0
        ? {
            tool_calls: draft.toolCalls.map((call) => ({
              id: call.id,
              type: 'function' as const,
              function: { name: call.name, arguments: call.arguments },
            })),
          }
        : {}),
    };
  }
  if (draft.role !== 'user' || draft.parts.length === 0)
    return { role: draft.role, content: draft.text, ...name } as ChatCompletionMessageParam;
  const parts = draft.parts.map(partParam);
  return {
    role: 'user',
    content: [...(draft.text ? [{ type: 'text' as const, text: draft.text }] : []), ...parts],
    ...name,
  };
}
