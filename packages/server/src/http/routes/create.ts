import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerContext } from '../../context.ts';
import { LOCAL_MODEL_ID, type LocalModel } from '../../engine/local/local-engine.ts';
import { chunksFrom, completionFrom, countPromptTokens, randomId, usageOf } from '../../engine/local/shape.ts';
import { proxyCreate } from '../../engine/proxy/proxy.ts';
import { storeCompletion } from '../../storage/store-completion.ts';
import { type CreateRequest, refuseUnsupported, validateCreate } from '../../validation/create-params.ts';
import { conversationText } from '../../validation/messages.ts';
import { readJsonBody } from '../body.ts';
import { type Fault, faultStatusError, parseFault } from '../faults.ts';
import { pause, startEventStream, writeEvent } from '../sse.ts';

const DEFAULT_MAX_TOKENS = 256;

export async function createCompletion(
  context: ServerContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const fault = parseFault(request, context.options.faults);
  const body = await readJsonBody(request, context.options.bodyLimitBytes);
  const create = validateCreate(body);
  if (!context.model) return proxyCreate(context, response, create);
  refuseUnsupported(create);
  const statusError = fault && faultStatusError(fault);
  if (statusError) throw statusError;
  const choices = context.model.complete(localRequest(create));
  const meta = { id: randomId('chatcmpl-'), created: Math.floor(Date.now() / 1000), model: LOCAL_MODEL_ID };
  const usage = usageOf(countPromptTokens(create), choices);
  const completion = completionFrom(create, choices, meta, usage);
  if (!create.stream) {
    if (create.store) await storeCompletion(context.store, create, completion);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(completion));
    return;
  }
  startEventStream(response);
  let sent = 0;
  for (const chunk of chunksFrom(create, choices, meta, usage)) {
    if (fault && (await applyStreamFault(fault, sent, response))) return;
    if (!(await writeEvent(response, JSON.stringify(chunk)))) return;
    sent++;
    await pause(fault?.paceMs ?? context.options.paceMs, response);
  }
  if (fault && (await applyStreamFault(fault, sent, response))) return;
  // Stored before [DONE]: a client that saw the whole stream can list it at once.
  if (create.store) await storeCompletion(context.store, create, completion);
  if (!response.destroyed) response.end('data: [DONE]\n\n');
}

function localRequest(create: CreateRequest): Parameters<LocalModel['complete']>[0] {
  const { body } = create;
  // The seed, with what shapes the distribution, fixes the output. What only cuts it short
  // (max tokens, stop) or frames it (stream, store, logprobs) leaves the same prefix, as on the API.
  const shaping = [
    'model',
    'messages',
    'temperature',
    'top_p',
    'logit_bias',
    'presence_penalty',
    'frequency_penalty',
    'seed',
  ];
  const content = Object.fromEntries(shaping.map((key) => [key, body[key] ?? null]));
  return {
    promptText: conversationText(create.messages),
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
