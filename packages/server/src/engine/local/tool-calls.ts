import type { ChatCompletionMessageParam } from '@completions-kit/core';
import type { Tool, ToolPlan } from '../../validation/tools.ts';
import type { Composer } from './composer.ts';
import { type ConversationValues, wordsOf } from './conversation-values.ts';
import { JsonWriter } from './json-writer.ts';
import { sampleLark } from './lark-sampler.ts';
import { randomId } from './random-id.ts';
import { sampleRegex } from './regex-sampler.ts';
import type { ToolCallReply } from './reply.ts';

/**
 * The tools to call now. `auto` calls the tools the user's last words point at (a word of the
 * tool's name, or two of its description); after tool results it answers instead. `required`
 * always calls: the matching tools, else the first allowed one.
 */
export function toolsToCall(plan: ToolPlan, messages: ChatCompletionMessageParam[], lastUser: string): Tool[] {
  if (plan.mode === 'none' || plan.tools.length === 0) return [];
  const last = messages[messages.length - 1];
  const answered = last?.role === 'tool' || last?.role === 'function';
  if (plan.mode === 'auto' && answered) return [];
  const said = new Set(wordsOf(lastUser));
  const matches = plan.tools.filter((tool) => {
    if (wordsOf(tool.name).some((word) => said.has(word) || [...said].some((s) => sameStem(s, word)))) return true;
    return wordsOf(tool.description).filter((word) => said.has(word)).length >= 2;
  });
  const chosen = matches.length > 0 || plan.mode === 'auto' ? matches : plan.tools.slice(0, 1);
  return plan.parallel && !plan.legacy ? chosen : chosen.slice(0, 1);
}

/** weather ~ weathers, search ~ searching: a shared start of five letters or more. */
function sameStem(a: string, b: string): boolean {
  const length = Math.min(a.length, b.length);
  return length >= 5 && a.slice(0, 5) === b.slice(0, 5);
}

export function writeToolCall(composer: Composer, tool: Tool, values: ConversationValues): ToolCallReply {
  if (tool.type === 'function') {
    new JsonWriter(composer, tool.parameters, values, tool.strict).value();
  } else if (tool.format.type === 'grammar') {
    const text =
      tool.format.syntax === 'regex'
        ? sampleRegex(tool.format.parsed, composer.random)
        : sampleLark(tool.format.parsed, composer.random);
    composer.force(text);
  } else {
    composer.free({ minTokens: 1, maxTokens: 40 });
  }
  return toolCall(tool, composer.take());
}

export function toolCall(tool: Tool, tokens: ToolCallReply['tokens']): ToolCallReply {
  return { id: randomId('call_', 24), type: tool.type, name: tool.name, tokens };
}

/** What the tool results say, for the answer that follows them: `{"a":1}` from `name` becomes `name returned a: 1`. */
export function toolResultsSummary(messages: ChatCompletionMessageParam[]): string | null {
  const results: string[] = [];
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index] as ChatCompletionMessageParam;
    if (message.role !== 'tool' && message.role !== 'function') break;
    const name = message.role === 'function' ? message.name : toolNameFor(messages, message.tool_call_id);
    const content =
      typeof message.content === 'string'
        ? message.content
        : (message.content ?? []).map((part) => ('text' in part ? part.text : '')).join(' ');
    results.unshift(`${name} returned ${flatten(content)}`);
  }
  return results.length > 0 ? `${results.join('; ')}.` : null;
}

function toolNameFor(messages: ChatCompletionMessageParam[], id: string): string {
  for (const message of messages) {
    if (message.role !== 'assistant' || !message.tool_calls) continue;
    const call = message.tool_calls.find((item) => item.id === id);
    if (call) return call.type === 'custom' ? call.custom.name : call.function.name;
  }
  return 'the tool';
}

function flatten(content: string): string {
  let text = content.trim();
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      text = Object.entries(value)
        .map(([key, item]) => `${key}: ${typeof item === 'string' ? item : JSON.stringify(item)}`)
        .join(', ');
    }
  } catch {
    // Not JSON: quoted as it is.
  }
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}
