import { HttpError, invalid } from '../http/errors.ts';

// Any id a provider gives: chatcmpl-CGSbhP05yVK6UddcCirjjbqYBCuqe, chatcmpl-<uuid> from search
// models, OpenRouter's gen-…, a bare UUID. Checked by length and characters, never by prefix, so
// everything the store holds stays addressable.
const completionId = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
const messageId = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}-\d{1,6}$/;

/** Refuses an implausible id before any query reaches the database; `param` names where it came from. */
export function checkCompletionId(id: string, param = 'completion_id'): string {
  if (!completionId.test(id)) throw invalid(param, `Invalid completion id: '${id.slice(0, 100)}'.`, 'invalid_value');
  return id;
}

export function checkMessageId(id: string, param: string): string {
  if (!messageId.test(id)) throw invalid(param, `Invalid message id: '${id.slice(0, 100)}'.`, 'invalid_value');
  return id;
}

export function notFound(id: string): HttpError {
  return new HttpError(404, `Completion ${id.slice(0, 100)} not found`, 'completion_id', 'not_found');
}
