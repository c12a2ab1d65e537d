import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliServer, launchCli, stopHard } from './test-support/cli-process.ts';

// A FAKE upstream, written here: the faults below (a provider that echoes the key, never answers,
// stalls mid-stream, or sends 300 MB) cannot be provoked from a real one on demand.
const KEY = 'sk-proxy-limits-canary-5e1d7b2a9c';
const events: string[] = [];
let fake: Server;
let fakeUrl: string;
let proxy: CliServer;
const dataDir = mkdtempSync(path.join(tmpdir(), 'ck-proxy-limits-'));

const chunk = (id: string, content: string, finish: string | null = null) =>
  `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 1, model: 'fake', choices: [{ index: 0, delta: { content }, finish_reason: finish }] })}\n\n`;

function behave(model: string, request: IncomingMessage, response: ServerResponse): void {
  const auth = request.headers.authorization ?? '';
  const finished = () => events.push(`${model}: finished`);
  request.socket.once('close', () => events.push(`${model}: closed${response.writableFinished ? '' : ' early'}`));
  if (model === 'echo-key') {
    response.writeHead(401, { 'content-type': 'application/json', 'x-request-id': `req ${auth}` });
    response.end(
      JSON.stringify({
        error: {
          message: `Incorrect API key provided: ${auth}`,
          type: 'invalid_request_error',
          param: null,
          code: 'invalid_api_key',
        },
      }),
    );
  } else if (model === 'echo-key-stream') {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    // The key split across two writes (and two events), so a per-piece scrub would miss it.
    const text = chunk('chatcmpl-echo', `your key is ${KEY}, see`) + chunk('chatcmpl-echo', '.', 'stop');
    const cut = text.indexOf(KEY) + 7;
    response.write(text.slice(0, cut));
    setImmediate(() => response.end(`${text.slice(cut)}data: [DONE]\n\n`));
  } else if (model === 'silent') {
    // Never answers.
  } else if (model === 'stall') {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write(chunk('chatcmpl-stall', 'Hello'));
    response.write(chunk('chatcmpl-stall', ' there'));
  } else if (model === 'long' || model === 'long-stored') {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    let sent = 0;
    const timer = setInterval(() => {
      if (response.destroyed) return clearInterval(timer);
      if (++sent < 100) return void response.write(chunk(`chatcmpl-${model}-x`, ` word${sent}`));
      clearInterval(timer);
      response.end(`${chunk(`chatcmpl-${model}-x`, '.', 'stop')}data: [DONE]\n\n`);
      finished();
    }, 10);
  } else if (model === 'huge') {
    response.writeHead(200, { 'content-type': 'application/json' });
    const piece = Buffer.alloc(1024 * 1024, 'a');
    let sent = 0;
    const pump = () => {
      while (sent < 300 && !response.destroyed) {
        sent++;
        if (!response.write(piece)) return void response.once('drain', pump);
      }
      if (!response.destroyed) {
        response.end();
        finished();
      }
    };
    pump();
  }
}

beforeAll(async () => {
  fake = createServer((request, response) => {
    let body = '';
    request.on('data', (data) => {
      body += data;
    });
    request.on('end', () => behave(JSON.parse(body).model, request, response));
  });
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', () => resolve()));
  fakeUrl = `http://127.0.0.1:${(fake.address() as AddressInfo).port}/v1`;
  proxy = await launchCli(
    ['--upstream-url', fakeUrl, '--upstream-provider', 'compatible', '--upstream-key-env', 'CK_FAKE_KEY'].concat([
      '--upstream-first-byte-ms',
      '1500',
      '--upstream-idle-ms',
      '1500',
      '--data-dir',
      dataDir,
    ]),
    { CK_FAKE_KEY: KEY },
  );
}, 120_000);
afterAll(async () => {
  await stopHard(proxy);
  fake.closeAllConnections();
  await new Promise((resolve) => fake.close(resolve));
  rmSync(dataDir, { recursive: true, force: true });
});

const create = (model: string, extra: object = {}) =>
  fetch(`${proxy.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }], ...extra }),
  });

async function expectAlive(): Promise<void> {
  expect((await fetch(`${proxy.origin}/health`)).status).toBe(200);
  expect(proxy.child.exitCode).toBeNull();
}

/** Peak and current resident memory of the proxy process, from /proc (Linux). */
function residentMemory(): { currentMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${proxy.child.pid}/status`, 'utf8');
  const kb = (field: string) => Number((new RegExp(`${field}:\\s+(\\d+)`).exec(status) as RegExpExecArray)[1]);
  return { currentMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

describe('proxy limits, against a fake upstream', () => {
  it('an upstream error echoing the key reaches the client scrubbed, body and headers', async () => {
    const response = await create('echo-key');
    const text = await response.text();
    expect(response.status).toBe(401);
    expect(text).toContain('Incorrect API key provided: [redacted]');
    expect(text).not.toContain(KEY);
    expect(text).not.toContain('Bearer');
    expect(response.headers.get('x-request-id')).toBe('req [redacted]');
    await expectAlive();
  });

  it('a key split across two stream pieces is scrubbed too', async () => {
    const text = await (await create('echo-key-stream', { stream: true })).text();
    expect(text).not.toContain(KEY);
    expect(text).toContain('your key is [redacted], see');
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
  });

  it('an upstream that never answers: the client gets a 504 and the upstream request is aborted', async () => {
    const response = await create('silent');
    expect(response.status).toBe(504);
    expect((await response.json()).error).toMatchObject({ code: 'upstream_timeout', type: 'server_error' });
    await expect.poll(() => events.includes('silent: closed early'), { timeout: 10_000 }).toBe(true);
    await expectAlive();
  });

  it('an upstream that stalls mid-stream: the client gets what came, an error event and [DONE]', async () => {
    const text = await (await create('stall', { stream: true })).text();
    const received = text.split('\n\n').filter(Boolean);
    expect(received[0]).toContain('Hello');
    expect(JSON.parse((received.at(-2) as string).slice(6)).error).toMatchObject({ code: 'upstream_idle_timeout' });
    expect(received.at(-1)).toBe('data: [DONE]');
    await expect.poll(() => events.includes('stall: closed early'), { timeout: 10_000 }).toBe(true);
    await expectAlive();
  });

  it('a client that leaves a stream aborts the upstream request', async () => {
    const response = await create('long', { stream: true });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await reader.cancel();
    await expect
      .poll(() => events.filter((event) => event.startsWith('long:')), { timeout: 10_000 })
      .toEqual(['long: closed early']);
  });

  it('a client that leaves a stored stream: the upstream is read to its end, stored, then closed', async () => {
    const response = await create('long-stored', { stream: true, store: true });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    const id = JSON.parse((/^data: (\{.*\})$/m.exec(first) as RegExpExecArray)[1] as string).id;
    await reader.cancel();
    await expect
      .poll(() => events.filter((event) => event.startsWith('long-stored:')), { timeout: 20_000 })
      .toEqual(['long-stored: finished', 'long-stored: closed']);
    const stored = await (await fetch(`${proxy.url}/chat/completions/${id}`)).json();
    expect(stored.choices[0].message.content).toMatch(/^ word1 word2 .* word99\.$/);
  });

  it('a 300 MB non-streamed body is refused with a 502 past the cap, not buffered whole', async () => {
    const before = residentMemory();
    let highest = before.currentMb;
    const sampler = setInterval(() => {
      highest = Math.max(highest, residentMemory().currentMb);
    }, 25);
    const response = await create('huge');
    expect(response.status).toBe(502);
    expect((await response.json()).error).toMatchObject({ code: 'upstream_response_too_large' });
    clearInterval(sampler);
    const after = residentMemory();
    // A figure for the note, not a pass/fail: resident memory of the proxy process around the request.
    console.log(
      `proxy resident memory around a 300 MB upstream body: ${before.currentMb} MB before, highest sampled ${highest} MB, ${after.currentMb} MB after (process peak ${before.peakMb} -> ${after.peakMb} MB)`,
    );
    await expect.poll(() => events.includes('huge: closed early'), { timeout: 10_000 }).toBe(true);
    expect(events).not.toContain('huge: finished');
    await expectAlive();
  }, 60_000);
});
