import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerContext } from '../../context.ts';
import { LOCAL_MODEL_ID } from '../../engine/local/local-engine.ts';
import type { Reply } from '../../engine/local/reply.ts';
import { randomId } from '../../engine/local/shape.ts';
import { proxyCreate } from '../../engine/proxy/proxy.ts';
import { storeCompletion } from '../../storage/store-completion.ts';
import { type CreateRequest, refuseUnsupported, validateCreate } from '../../validation/create-params.ts';
import { readJsonBody } from '../body.ts';
import { invalid } from '../errors.ts';
import { type Fault, faultStatusError, parseFault } from '../faults.ts';
import { pause, startEventStream, writeEvent } from '../sse.ts';

export async function createCompletion(
  context: ServerContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const fault = parseFault(request, context.options.faults);
  const body = await readJsonBody(request, {
    limitBytes: context.options.bodyLimitBytes,
    timeoutMs: context.options.bodyTimeoutMs,
  });
  const create = validateCreate(body);
  if (!context.model) return proxyCreate(context, response, create);
  refuseUnsupported(create);
  // Refused before generating: an answer that could not be stored would be lost work for the client.
  if (create.store) context.store.sql.assertAvailable();
  const statusError = fault && faultStatusError(fault);
  if (statusError) throw statusError;
  const now = Math.floor(Date.now() / 1000);
  const transcripts = referencedAudio(context, create, now);
  const answer = await context.model.answer({
    body,
    transcripts,
    searchBase: `http://${request.headers.host ?? `${context.options.host}:${context.options.port}`}/search/`,
    now,
    budget: context.options.budget,
  });
  rememberAudio(context, answer.replies, now);
  const meta = { id: randomId('chatcmpl-'), created: now, model: LOCAL_MODEL_ID };
  if (!create.stream) {
    // A client that leaves stops the model writing an answer nobody will read.
    const left = new AbortController();
    response.once('close', () => left.abort());
    const completion = await answer.completion(create, meta, left.signal);
    if (left.signal.aborted) return;
    if (create.store) await storeCompletion(context.store, create, completion);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(completion));
    return;
  }
  startEventStream(response);
  let sent = 0;
  // The answer is made as it is read: leaving this loop early (the client left) stops it.
  for await (const chunk of answer.chunks(create, meta)) {
    if (fault && (await applyStreamFault(fault, sent, response))) return;
    if (!(await writeEvent(response, JSON.stringify(chunk)))) return;
    sent++;
    await pause(fault?.paceMs ?? context.options.paceMs, response);
  }
  if (fault && (await applyStreamFault(fault, sent, response))) return;
  // Stored before [DONE]: a client that saw the whole stream can list it at once.
  if (create.store) await storeCompletion(context.store, create, answer.completionNow(create, meta));
  if (!response.destroyed) response.end('data: [DONE]\n\n');
}

/** The transcripts of earlier assistant audio the conversation refers to by id; unknown or expired ids are a 400. */
function referencedAudio(context: ServerContext, create: CreateRequest, now: number): string[] {
  const transcripts: string[] = [];
  for (const [index, message] of create.messages.entries()) {
    if (message.role !== 'assistant' || !message.audio) continue;
    const id = (message.audio as { id?: unknown }).id;
    const known = typeof id === 'string' ? context.audio.get(id) : undefined;
    if (!known || known.expiresAt <= now)
      throw invalid(
        `messages[${index}].audio.id`,
        known
          ? `Audio ${id} has expired and can no longer be referenced.`
          : `Audio ${String(id).slice(0, 80)} not found.`,
        known ? 'audio_expired' : 'not_found',
      );
    transcripts.push(known.transcript);
  }
  return transcripts;
}

function rememberAudio(context: ServerContext, replies: Reply[], now: number): void {
  for (const [id, known] of context.audio) if (known.expiresAt <= now) context.audio.delete(id);
  for (const reply of replies) {
    if (reply.audio)
      context.audio.set(reply.audio.id, { transcript: reply.audio.transcript, expiresAt: reply.audio.expiresAt });
  }
}

/** Returns true when the fault ended the response. */
async function applyStreamFault(fault: Fault, sent: number, response: ServerResponse): Promise<boolean> {
  if (fault.stallMs !== undefined && sent === 1) await pause(fault.stallMs, response);
  if (fault.closeAfter !== undefined && sent >= fault.closeAfter) {
    // Close the connection once what was written has gone out, without ending the chunked body.
    response.socket?.end();
    return true;
  }
  if (fault.endAfter !== undefined && sent >= fault.endAfter) {
    response.end();
    return true;
  }
  if (fault.errorAfter !== undefined && sent >= fault.errorAfter) {
    const error = {
      message: 'Injected fault: the model failed mid-stream.',
      type: 'server_error',
      param: null,
      code: 'injected_fault',
    };
    response.end(`data: ${JSON.stringify({ error })}\n\n`);
    return true;
  }
  return response.destroyed;
}
