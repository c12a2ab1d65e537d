// Serves recorded API responses over real HTTP at the method, path and query they were recorded
// with, so a client request only gets an answer when it matches what the real client sent.
import { readFixture, readFixtureText } from './fixtures.ts';
import { sendJson, startTestServer, type TestServer } from './http-server.ts';

interface RecordedRequest {
  method: string;
  url: string;
  body: unknown;
  status: number;
  content_type: string;
}

function queryKey(search: URLSearchParams): string {
  return [...search.entries()]
    .map(([key, value]) => `${key}=${value}`)
    .sort()
    .join('&');
}

export async function startRecordedServer(names: string[]): Promise<TestServer> {
  const server = await startTestServer();
  const byRoute = new Map<string, { query: string; name: string; request: RecordedRequest }[]>();
  for (const name of names) {
    const request = readFixture<RecordedRequest>(`responses/${name}.request.json`);
    // Recorded URLs keep raw brackets (`metadata[key]=value`); URL parsing decodes both forms alike.
    const url = new URL(request.url);
    const path = url.pathname.replace(/^\/v1/, '');
    const key = `${request.method} ${path}`;
    const entries = byRoute.get(key) ?? [];
    entries.push({ query: queryKey(url.searchParams), name, request });
    byRoute.set(key, entries);
  }
  for (const [key, entries] of byRoute) {
    const [method, path] = key.split(' ') as [string, string];
    server.route(method, `/v1${path}`, (incoming, response) => {
      const match = entries.find((entry) => entry.query === queryKey(incoming.url.searchParams));
      if (!match) {
        sendJson(response, 404, {
          error: { message: `no recording for ${incoming.url.search}`, type: 'test', param: null, code: null },
        });
        return;
      }
      const body = readFixtureText(`responses/${match.name}.json`);
      sendJson(response, match.request.status, body, {
        'content-type': match.request.content_type,
        'x-request-id': `req_${match.name}`,
      });
    });
  }
  return server;
}
