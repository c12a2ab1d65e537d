import { type LarkGrammar, parseLark } from '../engine/local/lark-sampler.ts';
import { parseRegex, type RegexNode } from '../engine/local/regex-sampler.ts';
import { invalid } from '../http/errors.ts';
import { booleanParam, isRecord, oneOf, stringParam, typeName } from './checks.ts';
import { type JsonSchema, strictSchemaProblem } from './json-schema.ts';

export interface FunctionTool {
  type: 'function';
  name: string;
  description: string;
  parameters: JsonSchema;
  strict: boolean;
}

export interface CustomTool {
  type: 'custom';
  name: string;
  description: string;
  format:
    | { type: 'text' }
    | { type: 'grammar'; syntax: 'regex'; definition: string; parsed: RegexNode }
    | { type: 'grammar'; syntax: 'lark'; definition: string; parsed: LarkGrammar };
}

export type Tool = FunctionTool | CustomTool;

/** What the model may do with tools: never, when the conversation calls for it, or always, among `tools`. */
export interface ToolPlan {
  mode: 'none' | 'auto' | 'required';
  tools: Tool[];
  parallel: boolean;
  /** `functions` / `function_call`: one call, answered as `message.function_call`. */
  legacy: boolean;
  /** A tool named in `tool_choice` (or `function_call`): the API ends such a call with `stop`. */
  named?: boolean;
}

const NAME = /^[a-zA-Z0-9_-]{1,64}$/;

export function validateTools(body: Record<string, unknown>): ToolPlan | null {
  if (body.functions !== undefined && body.functions !== null) return validateLegacy(body);
  if (body.function_call !== undefined && body.function_call !== null)
    throw invalid('function_call', "'function_call' is only allowed when 'functions' are specified.", 'invalid_value');
  const parallel = booleanParam(body, 'parallel_tool_calls', true);
  if (body.tools === undefined || body.tools === null) {
    if (body.tool_choice !== undefined && body.tool_choice !== null)
      throw invalid('tool_choice', "'tool_choice' is only allowed when 'tools' are specified.", 'invalid_value');
    return null;
  }
  if (!Array.isArray(body.tools))
    throw invalid(
      'tools',
      `Invalid type for 'tools': expected an array, but got ${typeName(body.tools)}.`,
      'invalid_type',
    );
  if (body.tools.length > 128)
    throw invalid('tools', "Invalid 'tools': array too long (at most 128).", 'array_above_max_length');
  const tools = body.tools.map((tool, index) => validateTool(tool, `tools[${index}]`));
  const seen = new Set<string>();
  for (const [index, tool] of tools.entries()) {
    if (seen.has(tool.name))
      throw invalid(`tools[${index}]`, `Tool names must be unique: '${tool.name}' appears twice.`, 'invalid_value');
    seen.add(tool.name);
  }
  return { ...toolChoice(body.tool_choice, tools), parallel, legacy: false };
}

function validateTool(tool: unknown, at: string): Tool {
  if (!isRecord(tool))
    throw invalid(at, `Invalid type for '${at}': expected an object, but got ${typeName(tool)}.`, 'invalid_type');
  const type = oneOf(tool.type, `${at}.type`, ['function', 'custom']);
  if (type === 'function') {
    if (!isRecord(tool.function))
      throw invalid(`${at}.function`, `Missing required parameter: '${at}.function'.`, 'missing_required_parameter');
    return functionTool(tool.function, `${at}.function`);
  }
  if (!isRecord(tool.custom))
    throw invalid(`${at}.custom`, `Missing required parameter: '${at}.custom'.`, 'missing_required_parameter');
  const custom = tool.custom;
  const name = toolName(custom.name, `${at}.custom.name`);
  const description =
    custom.description === undefined ? '' : stringParam(custom.description, `${at}.custom.description`);
  const format = custom.format;
  if (format === undefined || format === null) return { type: 'custom', name, description, format: { type: 'text' } };
  if (!isRecord(format))
    throw invalid(`${at}.custom.format`, `Invalid type for '${at}.custom.format': expected an object.`, 'invalid_type');
  const formatType = oneOf(format.type, `${at}.custom.format.type`, ['text', 'grammar']);
  if (formatType === 'text') return { type: 'custom', name, description, format: { type: 'text' } };
  if (!isRecord(format.grammar))
    throw invalid(
      `${at}.custom.format.grammar`,
      `Missing required parameter: '${at}.custom.format.grammar'.`,
      'missing_required_parameter',
    );
  const syntax = oneOf(format.grammar.syntax, `${at}.custom.format.grammar.syntax`, ['lark', 'regex']);
  const where = `${at}.custom.format.grammar.definition`;
  const definition = stringParam(format.grammar.definition, where, 100_000);
  try {
    const parsed = syntax === 'regex' ? parseRegex(definition) : parseLark(definition);
    return {
      type: 'custom',
      name,
      description,
      format: { type: 'grammar', syntax, definition, parsed } as CustomTool['format'],
    };
  } catch (error) {
    throw invalid(
      where,
      `Invalid ${syntax} grammar for tool '${name}': ${(error as Error).message}`,
      'invalid_grammar',
    );
  }
}

function functionTool(fn: Record<string, unknown>, at: string): FunctionTool {
  const name = toolName(fn.name, `${at}.name`);
  const description = fn.description === undefined ? '' : stringParam(fn.description, `${at}.description`);
  const strict = booleanParam(fn, 'strict', false);
  const parameters = fn.parameters ?? { type: 'object', properties: {} };
  if (!isRecord(parameters))
    throw invalid(`${at}.parameters`, `Invalid type for '${at}.parameters': expected an object.`, 'invalid_type');
  if (strict) {
    const problem = strictSchemaProblem(fn.parameters === undefined ? { type: 'object' } : parameters);
    if (problem)
      throw invalid(
        `${at}.parameters`,
        `Invalid schema for function '${name}': ${problem}`,
        'invalid_function_parameters',
      );
  }
  return { type: 'function', name, description, parameters, strict };
}

function toolName(value: unknown, at: string): string {
  const name = stringParam(value, at, 64);
  if (!NAME.test(name))
    throw invalid(at, `Invalid '${at}': names use only a-z, A-Z, 0-9, underscores and dashes.`, 'invalid_value');
  return name;
}

function toolChoice(choice: unknown, tools: Tool[]): Pick<ToolPlan, 'mode' | 'tools' | 'named'> {
  if (choice === undefined || choice === null) return { mode: 'auto', tools };
  if (typeof choice === 'string') {
    const mode = oneOf(choice, 'tool_choice', ['none', 'auto', 'required']);
    return { mode, tools };
  }
  if (!isRecord(choice))
    throw invalid('tool_choice', `Invalid type for 'tool_choice': expected a string or an object.`, 'invalid_type');
  const type = oneOf(choice.type, 'tool_choice.type', ['function', 'custom', 'allowed_tools']);
  if (type === 'allowed_tools') {
    const allowed = choice.allowed_tools;
    if (!isRecord(allowed) || !Array.isArray(allowed.tools))
      throw invalid(
        'tool_choice.allowed_tools',
        "Missing required parameter: 'tool_choice.allowed_tools.tools'.",
        'missing_required_parameter',
      );
    const mode = oneOf(allowed.mode, 'tool_choice.allowed_tools.mode', ['auto', 'required']);
    const chosen = allowed.tools.map((reference, index) =>
      findTool(reference, tools, `tool_choice.allowed_tools.tools[${index}]`),
    );
    return { mode, tools: chosen };
  }
  return { mode: 'required', tools: [findTool(choice, tools, 'tool_choice')], named: true };
}

function findTool(reference: unknown, tools: Tool[], at: string): Tool {
  if (!isRecord(reference)) throw invalid(at, `Invalid type for '${at}': expected an object.`, 'invalid_type');
  const type = oneOf(reference.type, `${at}.type`, ['function', 'custom']);
  const inner = reference[type];
  const name = isRecord(inner) ? inner.name : undefined;
  const found = tools.find((tool) => tool.type === type && tool.name === name);
  if (!found)
    throw invalid(
      `${at}.${type}.name`,
      `Invalid '${at}': no ${type} tool named ${JSON.stringify(String(name).slice(0, 64))} in 'tools'.`,
      'invalid_value',
    );
  return found;
}

function validateLegacy(body: Record<string, unknown>): ToolPlan {
  if (body.tools !== undefined && body.tools !== null)
    throw invalid('functions', "Use 'tools' or the deprecated 'functions', not both.", 'invalid_value');
  if (!Array.isArray(body.functions))
    throw invalid('functions', `Invalid type for 'functions': expected an array.`, 'invalid_type');
  const tools = body.functions.map((fn, index) => {
    if (!isRecord(fn)) throw invalid(`functions[${index}]`, 'Expected an object.', 'invalid_type');
    return functionTool(fn, `functions[${index}]`);
  });
  const choice = body.function_call;
  if (choice === undefined || choice === null) return { mode: 'auto', tools, parallel: false, legacy: true };
  if (typeof choice === 'string') {
    const mode = oneOf(choice, 'function_call', ['none', 'auto']);
    return { mode, tools, parallel: false, legacy: true };
  }
  if (!isRecord(choice)) throw invalid('function_call', "Invalid type for 'function_call'.", 'invalid_type');
  const found = tools.find((tool) => tool.name === choice.name);
  if (!found)
    throw invalid('function_call.name', "Invalid 'function_call': no function of that name.", 'invalid_value');
  return { mode: 'required', tools: [found], parallel: false, legacy: true };
}
