import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliServer, launchCli, stopHard } from './test-support/cli-process.ts';

// One real server process for the file: a request that ended it would fail every check after it.
let server: CliServer;
const dataDir = mkdtempSync(path.join(tmpdir(), 'ck-survive-'));
beforeAll(async () => {
  server = await launchCli(['--data-dir', dataDir, '--pace-ms', '0', '--body-timeout-ms', '1500']);
}, 120_000);
afterAll(async () => {
  await stopHard(server);
  rmSync(dataDir, { recursive: true, force: true });
});

const messages = [{ role: 'user', content: 'Say hello.' }];
const nested = (depth: number) => `${'{"a":'.repeat(depth)}{}${'}'.repeat(depth)}`;

async function post(body: string): Promise<{ status: number; json: Record<string, unknown>; text: string }> {
  const response = await fetch(`${server.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: response.status, json, text };
}

async function expectAlive(): Promise<void> {
  const health = await fetch(`${server.origin}/health`);
  expect(health.status).toBe(200);
  expect(server.child.exitCode).toBeNull();
}

describe('no request ends the process', () => {
  const places: [string, (inner: string) => string, string][] = [
    ['stream_options', (inner) => `"stream":true,"stream_options":${inner}`, 'stream_options'],
    [
      "a tool's parameters",
      (inner) => `"tools":[{"type":"function","function":{"name":"f","parameters":${inner}}}]`,
      'tools[0].function.parameters',
    ],
    [
      "a strict tool's parameters",
      (inner) => `"tools":[{"type":"function","function":{"name":"f","strict":true,"parameters":${inner}}}]`,
      'tools[0].function.parameters',
    ],
    [
      'a json_schema',
      (inner) => `"response_format":{"type":"json_schema","json_schema":{"name":"n","schema":${inner}}}`,
      'response_format.json_schema.schema',
    ],
    ['legacy functions', (inner) => `"functions":[{"name":"f","parameters":${inner}}]`, 'functions[0].parameters'],
    ['metadata', (inner) => `"metadata":${inner}`, 'metadata'],
    ['stop (arrays)', (inner) => `"stop":${'['.repeat(inner.length / 6)}${']'.repeat(inner.length / 6)}`, 'stop'],
  ];
  for (const depth of [10_000, 100_000]) {
    for (const [name, place, param] of places) {
      it(`${name} nested ${depth} levels deep is a 400 naming it, and the server answers after`, async () => {
        const { status, json } = await post(
          `{"model":"m","messages":${JSON.stringify(messages)},${place(nested(depth))}}`,
        );
        expect(status).toBe(400);
        const error = json.error as { param: string; code: string; message: string };
        expect(error.code).toBe('nesting_too_deep');
        expect(error.param.startsWith(param)).toBe(true);
        expect(error.message).toContain('nested too deeply');
        await expectAlive();
      });
    }
  }

  it('a schema as deep as a real one (20 levels) is still answered', async () => {
    let schema: Record<string, unknown> = { type: 'string' };
    for (let level = 0; level < 10; level++)
      schema = { type: 'object', properties: { inner: schema }, required: ['inner'], additionalProperties: false };
    const { status, json } = await post(
      JSON.stringify({
        model: 'm',
        messages: [{ role: 'user', content: 'Answer in JSON.' }],
        response_format: { type: 'json_schema', json_schema: { name: 'deep', strict: true, schema } },
      }),
    );
    expect(status).toBe(200);
    const content = (json.choices as { message: { content: string } }[])[0]?.message.content as string;
    let value = JSON.parse(content);
    for (let level = 0; level < 10; level++) value = value.inner;
    expect(typeof value).toBe('string');
    await expectAlive();
  });
});

describe('numbers JSON cannot hold', () => {
  it('max_tokens: 1e400 (read as Infinity) is a 400 that says the number is too large', async () => {
    const { status, json } = await post(`{"model":"m","messages":${JSON.stringify(messages)},"max_tokens":1e400}`);
    expect(status).toBe(400);
    const error = json.error as { param: string; message: string };
    expect(error.param).toBe('max_tokens');
    expect(error.message).toContain('too large');
    expect(error.message).not.toContain('got a number');
    await expectAlive();
  });

  it('max_tokens: 1e300 is a 400 naming the maximum', async () => {
    const { status, json } = await post(`{"model":"m","messages":${JSON.stringify(messages)},"max_tokens":1e300}`);
    expect(status).toBe(400);
    expect((json.error as { message: string }).message).toContain('maximum of 1000000');
    await expectAlive();
  });
});

describe('any valid string is stored and returned as sent', () => {
  const odd = [
    'NUL \u0000 inside',
    'lone high \ud800 surrogate',
    'lone low \udc00 one',
    'private \ue000 use',
    '😀 pair',
  ];

  for (const stream of [false, true]) {
    it(`NUL, lone surrogates and U+E000 in content and metadata round-trip (${stream ? 'streamed' : 'not streamed'})`, async () => {
      const metadata = { note: odd[0] as string, other: odd[1] as string, 'key \u0000': odd[3] as string };
      const content = odd.join(' | ');
      const { status, text, json } = await post(
        JSON.stringify({ model: 'm', messages: [{ role: 'user', content }], store: true, stream, metadata }),
      );
      expect(status).toBe(200);
      let id: string;
      if (stream) {
        expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
        id = JSON.parse((/^data: (\{.*\})$/m.exec(text) as RegExpExecArray)[1] as string).id;
      } else id = json.id as string;
      const stored = await (await fetch(`${server.url}/chat/completions/${id}`)).json();
      expect(stored.metadata).toEqual(metadata);
      const listed = await (await fetch(`${server.url}/chat/completions/${id}/messages`)).json();
      expect(listed.data[0].content).toBe(content);
      const filter = new URLSearchParams({ 'metadata[note]': metadata.note });
      const found = await (await fetch(`${server.url}/chat/completions?${filter}`)).json();
      expect(found.data.map((item: { id: string }) => item.id)).toContain(id);
      await expectAlive();
    });
  }

  it('an update with NUL in a metadata value is stored as sent', async () => {
    const created = await post(JSON.stringify({ model: 'm', messages, store: true }));
    const id = created.json.id as string;
    const metadata = { tag: 'a\u0000b\udfff' };
    const updated = await fetch(`${server.url}/chat/completions/${id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ metadata }),
    });
    expect(updated.status).toBe(200);
    expect((await updated.json()).metadata).toEqual(metadata);
    await expectAlive();
  });
});

/** Opens a request whose chunked body never ends; resolves with what the server sent once it closes. */
function neverEndingBody(): Promise<string> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(server.origin);
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `POST /v1/chat/completions HTTP/1.1\r\nhost: ${hostname}:${port}\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n`,
      );
      socket.write('1\r\n{\r\n');
    });
    let received = '';
    socket.on('data', (data) => {
      received += data.toString();
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(received));
  });
}

describe('bodies that never finish', () => {
  it('are answered 408 in the API shape and their connections closed, while /health answers', async () => {
    const pending = Array.from({ length: 50 }, () => neverEndingBody());
    await expectAlive();
    const answers = await Promise.all(pending);
    for (const answer of answers) {
      expect(answer.startsWith('HTTP/1.1 408')).toBe(true);
      expect(answer).toContain('"code":"request_timeout"');
    }
    await expectAlive();
  }, 60_000);
});
