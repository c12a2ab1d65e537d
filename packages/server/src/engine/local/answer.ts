import type { CompletionUsage } from '@completions-kit/core';
import { type HttpError, invalid } from '../../http/errors.ts';
import { type CreateRequest, validateCreate } from '../../validation/create-params.ts';
import { conversationText } from '../../validation/messages.ts';
import { BudgetExceeded, withBudget } from './budget.ts';
import type { LocalModel } from './local-engine.ts';
import type { Reply } from './reply.ts';
import { countPromptTokens, usageOf } from './shape.ts';

/** Answer length when the request sets none: room for several paragraphs, a list or code. */
export const DEFAULT_MAX_TOKENS = 1024;

/** What one request costs at most. */
export interface ModelBudget {
  /** Milliseconds of model work (tokenizing, writing every choice). */
  timeMs: number;
  /** Prompt tokens accepted, as a model's context window. */
  contextTokens: number;
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

export interface AnswerOutput {
  replies: Reply[];
  usage: CompletionUsage;
}

/**
 * Everything whose cost grows with the request: counting the prompt, writing each choice, and
 * usage. Runs in the model worker, under the request's budget of time and tokens.
 */
export function answer(model: LocalModel, input: AnswerInput): AnswerOutput {
  const create = validateCreate(input.body);
  const { timeMs, contextTokens } = input.budget;
  try {
    return withBudget(timeMs, () => {
      const promptTokens = countPromptTokens(create);
      if (promptTokens > contextTokens)
        throw invalid(
          'messages',
          `This model's maximum context length is ${contextTokens} tokens. However, your messages resulted in ${promptTokens} tokens. Please reduce the length of the messages.`,
          'context_length_exceeded',
        );
      const replies = model.complete(localRequest(create, input.transcripts), {
        create,
        lastUser: lastUserText(create),
        searchBase: input.searchBase,
        now: input.now,
      });
      return { replies, usage: usageOf(promptTokens, replies, create.prediction) };
    });
  } catch (error) {
    if (!(error instanceof BudgetExceeded)) throw error;
    throw budgetError(timeMs);
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

function localRequest(create: CreateRequest, transcripts: string[]): Parameters<LocalModel['complete']>[0] {
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
    maxTokens: create.maxTokens ?? DEFAULT_MAX_TOKENS,
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
