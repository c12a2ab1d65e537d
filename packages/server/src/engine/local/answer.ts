import { type HttpError, invalid } from '../../http/errors.ts';
import { type CreateRequest, validateCreate } from '../../validation/create-params.ts';
import { conversationText } from '../../validation/messages.ts';
import { BudgetExceeded, withBudget } from './budget.ts';
import type { BegunAnswer, LocalModel } from './local-engine.ts';
import { countPromptTokens } from './shape.ts';

/** Answer length when the request sets none: room for several paragraphs, a list or code. */
export const DEFAULT_MAX_TOKENS = 1024;

/** What one request costs at most. */
export interface ModelBudget {
  /** Milliseconds of model work (tokenizing, writing every choice). */
  timeMs: number;
  /** Prompt tokens accepted, as a model's context window. */
  contextTokens: number;
  /**
   * The longest answer, in tokens: a request's max_completion_tokens up to it is honoured, and an
   * answer that reaches it ends with finish_reason "length".
   */
  answerTokens: number;
}

/** A validated create request's body, plus what only the HTTP side knows. */
export interface AnswerInput {
  body: unknown;
  /** Transcripts of earlier audio the conversation refers to by id. */
  transcripts: string[];
  searchBase: string;
  now: number;
  budget: ModelBudget;
}

/** A request as the model took it: its prompt counted, its answer begun (plain choices lazily). */
export interface BegunRequest {
  create: CreateRequest;
  promptTokens: number;
  begun: BegunAnswer;
}

/**
 * Everything whose cost grows with the request and comes before its first token: counting the
 * prompt, and any answer that is not plain text, written whole. Runs in the model worker, under
 * the request's budget of time and tokens.
 */
export function beginAnswer(model: LocalModel, input: AnswerInput): BegunRequest {
  const create = validateCreate(input.body);
  const { contextTokens } = input.budget;
  return underBudget(input.budget.timeMs, () => {
    const promptTokens = countPromptTokens(create);
    if (promptTokens > contextTokens)
      throw invalid(
        'messages',
        `This model's maximum context length is ${contextTokens} tokens. However, your messages resulted in ${promptTokens} tokens. Please reduce the length of the messages.`,
        'context_length_exceeded',
      );
    const begun = model.begin(localRequest(create, input.transcripts, input.budget.answerTokens), {
      create,
      lastUser: lastUserText(create),
      searchBase: input.searchBase,
      now: input.now,
    });
    return { create, promptTokens, begun };
  });
}

/** Runs model work under `timeMs` (what is left of a `budgetMs`); past it, the API's error naming the budget. */
export function underBudget<T>(timeMs: number, work: () => T, budgetMs = timeMs): T {
  try {
    return withBudget(timeMs, work);
  } catch (error) {
    if (!(error instanceof BudgetExceeded)) throw error;
    throw budgetError(budgetMs);
  }
}

export function budgetError(timeMs: number): HttpError {
  return invalid(
    null,
    `The request needed more than ${timeMs} ms of model time, this server's budget per request. Send less text, or ask for fewer tokens or choices.`,
    'request_budget_exceeded',
  );
}

function lastUserText(create: CreateRequest): string {
  for (let index = create.messages.length - 1; index >= 0; index--) {
    const message = create.messages[index];
    if (message?.role !== 'user') continue;
    return typeof message.content === 'string'
      ? message.content
      : message.content.map((part) => (part.type === 'text' ? part.text : '')).join(' ');
  }
  return '';
}

/** What shapes the distribution: with the seed it fixes the output. */
const shaping = [
  'model',
  'messages',
  'temperature',
  'top_p',
  'logit_bias',
  'presence_penalty',
  'frequency_penalty',
  'seed',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'functions',
  'function_call',
  'response_format',
  'web_search_options',
  'modalities',
  'audio',
];

function localRequest(
  create: CreateRequest,
  transcripts: string[],
  answerTokens: number,
): Parameters<LocalModel['complete']>[0] {
  const { body } = create;
  // What only cuts the output short (max tokens, stop) or frames it (stream, store, logprobs)
  // leaves the same prefix, as on the API.
  const content = Object.fromEntries(shaping.map((key) => [key, body[key] ?? null]));
  // A default sent explicitly (temperature 1, as some clients always send) is the same request as none.
  Object.assign(content, {
    temperature: create.temperature,
    top_p: create.topP,
    presence_penalty: create.presencePenalty,
    frequency_penalty: create.frequencyPenalty,
    logit_bias: create.logitBias.size > 0 ? body.logit_bias : null,
  });
  return {
    promptText: [conversationText(create.messages), ...transcripts].join('\n'),
    n: create.n,
    maxTokens: Math.min(create.maxTokens ?? DEFAULT_MAX_TOKENS, answerTokens),
    temperature: create.temperature,
    topP: create.topP,
    stop: create.stop,
    topLogprobs: create.logprobs ? (create.topLogprobs ?? 0) : null,
    logitBias: create.logitBias,
    presencePenalty: create.presencePenalty,
    frequencyPenalty: create.frequencyPenalty,
    seedMaterial: create.seed === null ? null : JSON.stringify(content),
  };
}
