import type { ChoiceLike } from '@completions-kit/components';

export interface CalledTool {
  id: string;
  name: string;
  arguments: string;
}

/** The function calls of a choice's message, as the tool-answer form and the composer both take them. */
export function functionCalls(message: ChoiceLike['message']): CalledTool[] {
  return (message.tool_calls ?? []).flatMap((call) =>
    'function' in call && call.function
      ? [{ id: call.id ?? '', name: call.function.name ?? '', arguments: call.function.arguments ?? '' }]
      : [],
  );
}
