import { HttpError, invalid } from '../http/errors.ts';

// Real ids look like chatcmpl-CGSbhP05yVK6UddcCirjjbqYBCuqe or, from search models, chatcmpl-<uuid>.
const completionId = /^chatcmpl-[A-Za-z0-9_-]{1,80}$/;
const messageId = /^chatcmpl-[A-Za-z0-9_-]{1,80}-\d{1,6}$/;

/** Refuses an implausible id before any query reaches the database. */
export function checkCompletionId(id: string): string {
  if (!completionId.test(id))
    throw invalid('completion_id', `Invalid completion id: '${id.slice(0, 100)}'.`, 'invalid_value');
  return id;
}

export function checkMessageId(id: string, param: string): string {
  if (!messageId.test(id)) throw invalid(param, `Invalid message id: '${id.slice(0, 100)}'.`, 'invalid_value');
  return id;
}

export function notFound(id: string): HttpError {
  return new HttpError(404, `Completion ${id} not found`, 'completion_id', 'not_found');
}
