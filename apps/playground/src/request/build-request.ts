import { type ChatCompletionCreateParams, validateMetadata } from '@completions-kit/core';
import type { Draft } from '../state/draft.ts';
import { fillTemplate, variableNames, variableProblems } from '../variables/template.ts';
import { toMessageParam } from './message-param.ts';
import { fieldValue, type ParamSpec, paramSpecs } from './param-spec.ts';

export type Problems = Record<string, string>;

function numberField(spec: ParamSpec & { kind: 'number' | 'integer' }, text: string, problems: Problems) {
  const value = Number(text);
  if (!Number.isFinite(value) || (spec.kind === 'integer' && !Number.isInteger(value))) {
    problems[spec.name] = `${spec.label} must be ${spec.kind === 'integer' ? 'a whole number' : 'a number'}.`;
  } else if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
    problems[spec.name] = `${spec.label}: ${spec.hint}.`;
  }
  return value;
}

function parseJson(text: string, field: string, problems: Problems): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    problems[field] = `Not valid JSON: ${(error as Error).message}`;
    return undefined;
  }
}

function metadataOf(text: string, problems: Problems) {
  // No prototype: a key named __proto__ is a key like any other (assigning it to {} would be lost).
  const metadata: Record<string, string> = Object.create(null);
  for (const line of text.split('\n').filter((entry) => entry.trim())) {
    const at = line.indexOf('=');
    if (at < 0) problems.metadata = `“${line}” is not key=value.`;
    else metadata[line.slice(0, at).trim()] = line.slice(at + 1);
  }
  const issue = validateMetadata(metadata)[0];
  if (issue) problems.metadata = issue.key ? `${issue.key}: ${issue.message}` : issue.message;
  return metadata;
}

export interface BuildOptions {
  /**
   * Fill `{{name}}` variables with the draft's values. Default true. False leaves message text as
   * typed (escapes included) for exported code, which fills them itself; variable problems then stay out.
   */
  fill?: boolean;
}

/** The names of the variables used in the draft's message text, in order of first appearance. */
export const draftVariableNames = (draft: Pick<Draft, 'messages'>) =>
  variableNames(draft.messages.map((entry) => entry.text));

/** The messages with variables filled in (one pass; see variables/template.ts). */
function filledMessages(draft: Draft, fill: boolean) {
  if (!fill) return draft.messages;
  const values = new Map(draft.variables.map((entry) => [entry.name, entry.value]));
  return draft.messages.map((entry) => ({ ...entry, text: fillTemplate(entry.text, values) }));
}

/** The request body the draft describes, and every problem found in it, by field. */
export function buildRequest(
  draft: Draft,
  { fill = true }: BuildOptions = {},
): { body: ChatCompletionCreateParams; problems: Problems } {
  const problems: Problems = fill ? variableProblems(draft.variables, draftVariableNames(draft)) : {};
  const body: Record<string, unknown> = { messages: filledMessages(draft, fill).map(toMessageParam) };
  const value = (name: string) => fieldValue(paramSpecs.find((spec) => spec.name === name) as ParamSpec, draft.params);
  for (const spec of paramSpecs) {
    const raw = fieldValue(spec, draft.params);
    if (spec.kind === 'number' || spec.kind === 'integer') {
      if (raw !== '') body[spec.name] = numberField(spec, String(raw), problems);
    } else if (spec.kind === 'json' && raw !== '') body[spec.name] = parseJson(String(raw), spec.name, problems);
  }
  if (!String(value('model')).trim()) problems.model = 'A model is required.';
  body.model = String(value('model')).trim();
  const stop = String(value('stop')).split('\n').filter(Boolean);
  if (stop.length > 4) problems.stop = 'At most 4 stop sequences.';
  if (stop.length > 0) body.stop = stop;
  if (value('logprobs') === true) body.logprobs = true;
  if (body.top_logprobs !== undefined && value('logprobs') !== true)
    problems.top_logprobs = 'Top logprobs needs Logprobs on.';
  if (value('modalities') === 'text + audio') {
    body.modalities = ['text', 'audio'];
    body.audio = { voice: value('voice') || 'alloy', format: value('audio_format') || 'wav' };
  }
  const search = value('web_search');
  if (search && search !== 'off') body.web_search_options = { search_context_size: search };
  if (value('prediction')) body.prediction = { type: 'content', content: value('prediction') };
  if (value('store') === true) body.store = true;
  if (value('metadata')) body.metadata = metadataOf(String(value('metadata')), problems);
  for (const name of ['service_tier', 'reasoning_effort', 'verbosity']) if (value(name)) body[name] = value(name);
  if (value('stream') === true && value('include_usage') === true) body.stream_options = { include_usage: true };
  body.stream = value('stream') === true;
  addTools(draft, body, problems);
  return { body: body as unknown as ChatCompletionCreateParams, problems };
}

function addTools(draft: Draft, body: Record<string, unknown>, problems: Problems) {
  if (draft.tools.length > 0) {
    body.tools = draft.tools.map((tool) => {
      if (!/^[a-zA-Z0-9_-]{1,64}$/.test(tool.name))
        problems[`tool.${tool.id}`] = 'Names are 1-64 letters, digits, _ or -.';
      if (tool.kind === 'custom') {
        const format =
          tool.grammar === 'text'
            ? { type: 'text' }
            : { type: 'grammar', grammar: { syntax: tool.grammar, definition: tool.definition } };
        return { type: 'custom', custom: { name: tool.name, description: tool.description || undefined, format } };
      }
      const parameters = tool.schema.trim()
        ? parseJson(tool.schema, `tool.${tool.id}`, problems)
        : { type: 'object', properties: {} };
      return {
        type: 'function',
        function: { name: tool.name, description: tool.description || undefined, parameters, strict: tool.strict },
      };
    });
    if (fieldValue(paramSpecs.find((spec) => spec.name === 'parallel_tool_calls') as ParamSpec, draft.params) === false)
      body.parallel_tool_calls = false;
  }
  if (draft.toolChoice) body.tool_choice = toolChoiceOf(draft);
  const format = draft.responseFormat;
  if (format.type === 'json_object') body.response_format = { type: 'json_object' };
  if (format.type === 'json_schema') {
    const schema = parseJson(format.schema || '{}', 'response_format', problems);
    body.response_format = {
      type: 'json_schema',
      json_schema: { name: format.name || 'answer', schema, strict: format.strict },
    };
  }
}

/** none/auto/required as they are; a tool's name as a named choice of that tool's kind. */
function toolChoiceOf(draft: Draft) {
  if (['none', 'auto', 'required'].includes(draft.toolChoice)) return draft.toolChoice;
  const custom = draft.tools.some((tool) => tool.kind === 'custom' && tool.name === draft.toolChoice);
  return custom
    ? { type: 'custom', custom: { name: draft.toolChoice } }
    : { type: 'function', function: { name: draft.toolChoice } };
}
