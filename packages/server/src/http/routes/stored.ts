import type { IncomingMessage, ServerResponse } from 'node:http';
import { validateMetadata } from '@completions-kit/core';
import type { ServerContext } from '../../context.ts';
import type { StoredRecord } from '../../storage/completion-store.ts';
import { isRecord, numberIn, oneOf } from '../../validation/checks.ts';
import { checkCompletionId, checkMessageId, notFound } from '../../validation/ids.ts';
import { readJsonBody } from '../body.ts';
import { invalid } from '../errors.ts';

function send(response: ServerResponse, body: unknown): void {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function limitOf(search: URLSearchParams): number {
  const raw = search.get('limit');
  if (raw === null) return 20;
  if (!/^-?\d+$/.test(raw))
    throw invalid('limit', `Invalid 'limit': expected an integer, got '${raw.slice(0, 20)}'.`, 'invalid_type');
  return numberIn(Number(raw), 'limit', 1, 100, true);
}

/**
 * A stored completion as the real API returns it from GET, update and list: the completion plus the
 * request's settings and metadata (chat-schemas.md section 7).
 */
export function storedShape(record: StoredRecord): Record<string, unknown> & { id: string } {
  const params = record.request.params;
  return {
    ...record.response,
    metadata: record.metadata,
    request_id: null,
    seed: params.seed ?? null,
    temperature: params.temperature ?? 1,
    top_p: params.top_p ?? 1,
    presence_penalty: params.presence_penalty ?? 0,
    frequency_penalty: params.frequency_penalty ?? 0,
    input_user: params.user ?? null,
    tools: params.tools ?? null,
    tool_choice: params.tool_choice ?? null,
    response_format: params.response_format ?? null,
  };
}

function page<T extends { id: string }>(data: T[], hasMore: boolean) {
  return { object: 'list', data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: hasMore };
}

/** GET /v1/chat/completions. Newest first unless `order=asc`: the real API's default, not the spec's. */
export async function listCompletions(context: ServerContext, url: URL, response: ServerResponse): Promise<void> {
  const search = url.searchParams;
  // No prototype: a key such as `__proto__` is a key like any other, and filters.
  const metadata: Record<string, string> = Object.create(null);
  for (const [key, value] of search) {
    const match = /^metadata\[(.*)\]$/.exec(key);
    if (match) metadata[match[1] as string] = value;
    else if (!['after', 'limit', 'order', 'model'].includes(key))
      throw invalid(key, `Unrecognized query parameter: ${key.slice(0, 64)}`, 'unknown_parameter');
  }
  const problem = validateMetadata(metadata)[0];
  if (problem) throw invalid('metadata', problem.message, 'invalid_metadata');
  const after = search.get('after') ?? undefined;
  if (after !== undefined) checkCompletionId(after, 'after');
  const result = await context.store.list({
    after,
    limit: limitOf(search),
    order: search.has('order') ? oneOf(search.get('order'), 'order', ['asc', 'desc']) : 'desc',
    model: search.get('model') ?? undefined,
    metadata,
  });
  if (!result) throw invalid('after', `No stored completion has the id given as 'after'.`, 'not_found');
  send(response, page(result.records.map(storedShape), result.hasMore));
}

export async function retrieveCompletion(context: ServerContext, id: string, response: ServerResponse): Promise<void> {
  const record = await context.store.get(checkCompletionId(id));
  if (!record) throw notFound(id);
  send(response, storedShape(record));
}

export async function updateCompletion(
  context: ServerContext,
  id: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  checkCompletionId(id);
  const body = await readJsonBody(request, {
    limitBytes: context.options.bodyLimitBytes,
    timeoutMs: context.options.bodyTimeoutMs,
  });
  if (!isRecord(body) || body.metadata === undefined)
    throw invalid('metadata', "Missing required parameter: 'metadata'.", 'missing_required_parameter');
  for (const key of Object.keys(body))
    if (key !== 'metadata') throw invalid(key, `Unrecognized request argument supplied: ${key}`, 'unknown_parameter');
  const metadata = body.metadata ?? {};
  const problem = validateMetadata(metadata)[0];
  if (problem)
    throw invalid(problem.key === null ? 'metadata' : `metadata.${problem.key}`, problem.message, 'invalid_metadata');
  const record = await context.store.updateMetadata(id, metadata as Record<string, string>);
  if (!record) throw notFound(id);
  send(response, storedShape(record));
}

export async function deleteCompletion(context: ServerContext, id: string, response: ServerResponse): Promise<void> {
  if (!(await context.store.delete(checkCompletionId(id)))) throw notFound(id);
  send(response, { object: 'chat.completion.deleted', id, deleted: true });
}

/**
 * GET /v1/chat/completions/{id}/messages: the request's messages, as the real API returns them
 * (`<id>-<n>` ids, the joined text as content, every content-part key present).
 */
export async function listMessages(
  context: ServerContext,
  id: string,
  url: URL,
  response: ServerResponse,
): Promise<void> {
  const record = await context.store.get(checkCompletionId(id));
  if (!record) throw notFound(id);
  const search = url.searchParams;
  const order = search.has('order') ? oneOf(search.get('order'), 'order', ['asc', 'desc']) : 'asc';
  const limit = limitOf(search);
  let messages = record.request.messages.map((message, index) => storedMessage(id, index, message));
  if (order === 'desc') messages = messages.reverse();
  const after = search.get('after');
  if (after !== null) {
    checkMessageId(after, 'after');
    const position = messages.findIndex((message) => message.id === after);
    if (position === -1)
      throw invalid('after', "No message of this completion has the id given as 'after'.", 'not_found');
    messages = messages.slice(position + 1);
  }
  send(response, page(messages.slice(0, limit), messages.length > limit));
}

function storedMessage(completionId: string, index: number, message: StoredRecord['request']['messages'][number]) {
  const content = message.content;
  const parts = Array.isArray(content)
    ? content.map((part) => ({
        type: part.type,
        text: part.type === 'text' ? part.text : null,
        image_url:
          part.type === 'image_url' ? { url: part.image_url.url, detail: part.image_url.detail ?? null } : null,
        input_audio: part.type === 'input_audio' ? part.input_audio : null,
        file: part.type === 'file' ? part.file : null,
        ...(part.type === 'refusal' ? { refusal: part.refusal } : {}),
      }))
    : null;
  const text = Array.isArray(content) ? parts?.map((part) => part.text ?? '').join('') : (content ?? null);
  return {
    id: `${completionId}-${index}`,
    role: message.role,
    content: text,
    content_parts: parts,
    name: 'name' in message ? (message.name ?? null) : null,
  };
}
