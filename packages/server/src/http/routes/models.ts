import type { ServerResponse } from 'node:http';
import type { ServerContext } from '../../context.ts';
import { callUpstream, copyHeaders } from '../../engine/proxy/upstream.ts';
import { HttpError } from '../errors.ts';

export async function listModels(context: ServerContext, response: ServerResponse, id?: string): Promise<void> {
  if (!context.model && context.options.upstream) {
    const controller = new AbortController();
    response.on('close', () => controller.abort());
    const call = await callUpstream(context.options.upstream, id ? `/models/${encodeURIComponent(id)}` : '/models', {
      method: 'GET',
      controller,
    });
    const text = await call.text();
    copyHeaders(call, response);
    response.end(text);
    return;
  }
  const model = {
    id: context.model?.id,
    object: 'model',
    created: Math.floor(context.startedAt / 1000),
    owned_by: 'completions-kit',
  };
  if (id !== undefined && id !== model.id)
    throw new HttpError(404, `The model '${id.slice(0, 100)}' does not exist.`, 'model', 'model_not_found');
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify(id ? model : { object: 'list', data: [model] }));
}
