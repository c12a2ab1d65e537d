import type { ChatCompletionMessageToolCall, ChatCompletionTool } from '@completions-kit/core';
import type { ReactNode } from 'react';

/** A tool the model may call. Every call waits for the reader's approval unless `render` answers it. */
export interface ChatTool {
  description?: string;
  /** JSON Schema of the arguments. Default: any object. */
  parameters?: Record<string, unknown>;
  /**
   * Runs an approved call; what it returns (JSON-encoded unless a string) is the tool's answer.
   * Default: the answer says the reader approved.
   */
  run?: (args: unknown) => unknown | Promise<unknown>;
  /** Draws the call your own way; call `respond` with the tool's answer to let the run go on. */
  render?: (props: {
    call: ChatCompletionMessageToolCall;
    args: unknown;
    respond: (content: string) => void;
  }) => ReactNode;
}

/** The tool answer sent when the reader denies a call (the model reads it and goes on). */
export const deniedAnswer = JSON.stringify({ error: 'The user denied this tool call.' });

export function toolDefinitions(tools: Record<string, ChatTool>): ChatCompletionTool[] {
  return Object.entries(tools).map(([name, tool]) => ({
    type: 'function',
    function: {
      name,
      ...(tool.description ? { description: tool.description } : {}),
      parameters: tool.parameters ?? { type: 'object', properties: {} },
    },
  }));
}

/** The arguments as parsed JSON, or the raw text when they are not JSON (model output is untrusted). */
export function parseArguments(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function runTool(tool: ChatTool | undefined, call: ChatCompletionMessageToolCall): Promise<string> {
  if (call.type !== 'function' || !tool?.run) return JSON.stringify({ approved: true });
  try {
    const result = await tool.run(parseArguments(call.function.arguments));
    return typeof result === 'string' ? result : JSON.stringify(result ?? null);
  } catch (error) {
    return JSON.stringify({ error: error instanceof Error ? error.message : String(error) });
  }
}
