import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir, haveFixtures, readFixtureText } from '../test-support/fixtures.ts';
import { sendJson, startTestServer, type TestServer } from '../test-support/http-server.ts';
import { createChatCompletionsClient } from './create-client.ts';
import { parseJson } from './json.ts';

const names = haveFixtures()
  ? readdirSync(path.join(fixturesDir, 'responses'))
      .filter((file) => file.endsWith('.json') && !file.endsWith('.request.json'))
      .map((file) => file.replace(/\.json$/, ''))
  : [];
const successes = names.filter((name) => !/error|404/.test(name));

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  server.route('GET', '/v1/chat/completions/fixture', (request, response) => {
    sendJson(response, 200, readFixtureText(`responses/${request.url.searchParams.get('name')}.json`));
  });
});
afterAll(() => server.close());

describe.skipIf(successes.length === 0)('every recorded response parses and round-trips', () => {
  it('has the recorded responses', () => {
    expect(successes.length).toBeGreaterThanOrEqual(40);
  });

  it.each(successes)('%s', async (name) => {
    const client = createChatCompletionsClient({
      baseURL: `${server.url}/v1`,
      // The fixture name rides along as a query so one route can serve them all.
      fetch: (input, init) => fetch(`${String(input)}?name=${name}`, init),
    });
    const result = await client.chat.completions.retrieve('fixture');
    const text = readFixtureText(`responses/${name}.json`);
    expect(result).toEqual(parseJson(text));
    // Serializing gives back the same JSON, long seeds as their exact digits.
    expect(JSON.stringify(result)).toBe(JSON.stringify(parseJson(text)));
    for (const seed of text.match(/"seed":\s*-?\d{16,}/g) ?? []) {
      expect(JSON.stringify(result).replace(/"seed":"(-?\d+)"/g, '"seed":$1')).toContain(seed.replace(/\s/g, ''));
    }
  });
});
