import type { ChatCompletion, ChatCompletionsClient } from '@completions-kit/core';
import { fillTemplate } from '../variables/template.ts';
import type { Grade, RowValues } from './graders.ts';

/** What the judge is asked to return (structured output where the connection has it). */
export const verdictSchema = {
  type: 'object',
  properties: { score: { type: 'number', minimum: 0, maximum: 1 }, reason: { type: 'string' } },
  required: ['score', 'reason'],
  additionalProperties: false,
};

/**
 * The judge's answer read as a verdict. It is model output, so untrusted: anything but an object with
 * a finite score is refused in words, the score is clamped to 0..1 and the reason cut to 500 characters.
 */
export function readVerdict(text: string): { score: number; reason: string } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'The judge did not answer in JSON.' };
  }
  if (typeof value !== 'object' || value === null) return { problem: 'The judge’s answer is not an object.' };
  const { score, reason } = value as { score?: unknown; reason?: unknown };
  const number = typeof score === 'string' ? Number(score) : score;
  if (typeof number !== 'number' || !Number.isFinite(number)) return { problem: 'The judge gave no score.' };
  return { score: Math.min(1, Math.max(0, number)), reason: typeof reason === 'string' ? reason.slice(0, 500) : '' };
}

export interface JudgeOptions {
  graderId: string;
  prompt: string;
  model: string;
  threshold: number;
  answer: string;
  row: RowValues;
  signal?: AbortSignal;
}

/** A model-graded check: the judge prompt (with `{{answer}}` and the row's variables) sent on `client`. */
export async function judge(client: ChatCompletionsClient, options: JudgeOptions): Promise<Grade> {
  const values = new Map([...options.row, ['answer', options.answer]]);
  try {
    const completion = (await client.chat.completions.create(
      {
        model: options.model,
        messages: [{ role: 'user', content: fillTemplate(options.prompt, values) }],
        response_format: { type: 'json_schema', json_schema: { name: 'verdict', schema: verdictSchema, strict: true } },
        stream: false,
      },
      { signal: options.signal },
    )) as ChatCompletion;
    const verdict = readVerdict(completion.choices[0]?.message.content ?? '');
    if ('problem' in verdict) return { grader: options.graderId, pass: false, reason: verdict.problem };
    const pass = verdict.score >= options.threshold;
    return {
      grader: options.graderId,
      pass,
      score: verdict.score,
      reason: `Score ${verdict.score.toFixed(2)}: ${verdict.reason}`,
    };
  } catch (error) {
    return { grader: options.graderId, pass: false, reason: `The judge could not answer: ${(error as Error).message}` };
  }
}
