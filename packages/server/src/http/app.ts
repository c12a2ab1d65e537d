import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerContext } from '../context.ts';
import { randomId } from '../engine/local/shape.ts';
import { StorageUnavailableError } from '../storage/storage-unavailable.ts';
import { HttpError, sendError, storageUnavailable } from './errors.ts';
import { parseFault } from './faults.ts';
import { applyCors, checkAccessToken, checkHost, createRateLimiter } from './guards.ts';
import { createCompletion } from './routes/create.ts';
import { listModels } from './routes/models.ts';
import { serveSearchDocument } from './routes/search.ts';
import {
  deleteCompletion,
  listCompletions,
  listMessages,
  retrieveCompletion,
  updateCompletion,
} from './routes/stored.ts';

type Handler = (
  context: ServerContext,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  match: string[],
) => Promise<void>;

const routes: [string, RegExp, Handler][] = [
  ['POST', /^\/v1\/chat\/completions$/, (context, request, response) => createCompletion(context, request, response)],
  ['GET', /^\/v1\/chat\/completions$/, (context, _request, response, url) => listCompletions(context, url, response)],
  [
    'GET',
    /^\/v1\/chat\/completions\/([^/]+)$/,
    (context, _request, response, _url, [id = '']) => retrieveCompletion(context, id, response),
  ],
  [
    'POST',
    /^\/v1\/chat\/completions\/([^/]+)$/,
    (context, request, response, _url, [id = '']) => updateCompletion(context, id, request, response),
  ],
  [
    'DELETE',
    /^\/v1\/chat\/completions\/([^/]+)$/,
    (context, _request, response, _url, [id = '']) => deleteCompletion(context, id, response),
  ],
  [
    'GET',
    /^\/v1\/chat\/completions\/([^/]+)\/messages$/,
    (context, _request, response, url, [id = '']) => listMessages(context, id, url, response),
  ],
  [
    'GET',
    /^\/search\/([a-z0-9-]+)$/,
    async (_context, _request, response, _url, [slug = '']) => serveSearchDocument(slug, response),
  ],
  ['GET', /^\/v1\/models$/, (context, _request, response) => listModels(context, response)],
  [
    'GET',
    /^\/v1\/models\/([^/]+)$/,
    (context, _request, response, _url, [id = '']) => listModels(context, response, id),
  ],
];

// 200 even while the database is away: the server itself answers (models, non-stored completions).
async function health(context: ServerContext, response: ServerResponse): Promise<void> {
  const storage = await context.store.sql.health();
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(
    JSON.stringify({
      status: storage.available ? 'ok' : 'degraded',
      engine: context.model ? 'local' : 'proxy',
      model: context.model?.id ?? null,
      storage: context.store.sql.kind,
      storage_available: storage.available,
    }),
  );
}

/** The request handler: guards first (host, origin, token, rate), then the route, errors in the API's shape. */
export function createHandler(context: ServerContext) {
  const { options } = context;
  const guard = {
    allowedHosts: options.allowedHosts,
    allowedOrigins: options.allowedOrigins,
    accessToken: options.accessToken,
  };
  const rateLimit = createRateLimiter(options.rateLimit.requests, options.rateLimit.windowMs);
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const started = performance.now();
    context.inFlight.track(response);
    // A write that comes too late (after a shutdown ended the response, or the client left) is that
    // request's problem only: without a listener it would end the process.
    response.on('error', () => undefined);
    response.setHeader('x-request-id', randomId('req_', 24));
    const url = new URL(request.url ?? '/', 'http://localhost');
    // Method, path and status only: never a header, a key or a body.
    response.once('close', () => {
      const gone = response.writableFinished ? '' : ' (client closed)';
      options.log(
        `${request.method} ${url.pathname} ${response.statusCode} ${Math.round(performance.now() - started)}ms${gone}`,
      );
    });
    try {
      checkHost(request, guard);
      if (applyCors(request, response, guard)) return;
      if (request.method === 'GET' && (url.pathname === '/health' || url.pathname === '/v1/health'))
        return health(context, response);
      const route = routes.find(([method, pattern]) => pattern.test(url.pathname) && method === request.method);
      if (!route) {
        const known = routes.some(([, pattern]) => pattern.test(url.pathname));
        throw new HttpError(
          known ? 405 : 404,
          known
            ? `Method ${request.method} is not allowed here.`
            : `Unknown route: ${request.method} ${url.pathname.slice(0, 200)}`,
          null,
          known ? 'method_not_allowed' : 'unknown_url',
        );
      }
      checkAccessToken(request, guard);
      rateLimit(request);
      const delay = parseFault(request, options.faults)?.delayMs;
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      const match = (route[1].exec(url.pathname) ?? []).slice(1).map((part) => safeDecode(part));
      await route[2](context, request, response, url, match);
    } catch (error) {
      if (error instanceof HttpError) sendError(response, error);
      else if (error instanceof StorageUnavailableError) sendError(response, storageUnavailable(error));
      else if ((error as Error).name === 'AbortError') response.destroy();
      else {
        options.log(`error ${request.method} ${url.pathname}: ${(error as Error).stack ?? error}`);
        sendError(
          response,
          new HttpError(500, 'The server had an error while processing your request.', null, 'internal_error'),
        );
      }
    }
  };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new HttpError(400, 'The URL is not validly encoded.', null, 'invalid_url');
  }
}
