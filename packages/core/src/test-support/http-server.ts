// A real HTTP server on loopback for tests: each test registers what a route answers, including
// faults a live provider cannot be made to produce on demand (resets, silences, broken events).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach } from 'vitest';

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
}

type Handler = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;

export interface TestServer {
  url: string;
  requests: RecordedRequest[];
  /** Requests whose client went away before the response ended. */
  disconnects: number;
  route(method: string, pathname: string, handler: Handler): void;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const routes = new Map<string, Handler>();
  const state = { disconnects: 0, requests: [] as RecordedRequest[] };
  const server = createServer(async (incoming, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    const request = {
      method: incoming.method ?? 'GET',
      url,
      headers: incoming.headers,
      body: Buffer.concat(chunks).toString(),
    };
    state.requests.push(request);
    response.on('close', () => {
      if (!response.writableEnded) state.disconnects++;
    });
    const handler = routes.get(`${request.method} ${url.pathname}`);
    if (!handler) {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: 'no route', type: 'test', param: null, code: null } }));
      return;
    }
    await handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    get disconnects() {
      return state.disconnects;
    },
    route(method, pathname, handler) {
      routes.set(`${method} ${pathname}`, handler);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}

export function chunkEvent(content: string, extra: Record<string, unknown> = {}): string {
  const chunk = {
    id: 'chatcmpl-test',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'test-model',
    choices: [{ index: 0, delta: { content }, logprobs: null, finish_reason: null }],
    ...extra,
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

export function finishEvent(reason = 'stop'): string {
  const chunk = {
    id: 'chatcmpl-test',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'test-model',
    choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: reason }],
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fresh server for each test of the file that calls this at its top. */
export function serverPerTest(): TestServer {
  let current: TestServer | undefined;
  beforeEach(async () => {
    current = await startTestServer();
  });
  afterEach(() => current?.close());
  const live = () => {
    if (!current) throw new Error('serverPerTest: the server exists only while a test runs.');
    return current;
  };
  return {
    get url() {
      return live().url;
    },
    get requests() {
      return live().requests;
    },
    get disconnects() {
      return live().disconnects;
    },
    route: (method, pathname, handler) => live().route(method, pathname, handler),
    close: () => live().close(),
  };
}
