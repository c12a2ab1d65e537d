import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './start-server.ts';
import { kitFor, startTestServer, user } from './test-support/servers.ts';

// The upstream is a second local server that demands a key: it stands in for a real provider.
const KEY = 'sk-upstream-canary-7f3a9c';
let upstream: RunningServer;
let proxy: RunningServer;
const upstreamLog: string[] = [];
const proxyLog: string[] = [];

beforeAll(async () => {
  process.env.CK_TEST_UPSTREAM_KEY = KEY;
  upstream = await startTestServer({ accessToken: KEY, paceMs: 25, log: (line) => upstreamLog.push(line) });
  proxy = await startTestServer({
    upstream: { url: upstream.url, keyEnv: 'CK_TEST_UPSTREAM_KEY', provider: 'compatible' },
    faults: true,
    log: (line) => proxyLog.push(line),
  });
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
});

const body = {
  model: 'ck-local-ngram',
  messages: user('Through the proxy'),
  max_completion_tokens: 24,
  logit_bias: { '199999': -100 },
};

describe('proxy mode keeps the key on the server', () => {
  it('answers a client that has no key, and never shows the key', async () => {
    const response = await fetch(`${proxy.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(JSON.parse(text).choices[0].message.content.length).toBeGreaterThan(0);
    expect(text).not.toContain(KEY);
    expect(JSON.stringify([...response.headers])).not.toContain(KEY);
  });

  it('passes a stream through as it arrives, without buffering it', async () => {
    const started = performance.now();
    const stream = await kitFor(proxy).create({ ...body, stream: true });
    let firstAt = 0;
    for await (const _chunk of stream) firstAt ||= performance.now() - started;
    const total = performance.now() - started;
    expect(stream.status).toBe('done');
    // 26 chunks paced 25 ms apart upstream: the first must arrive long before the last.
    expect(total - firstAt).toBeGreaterThan(400);
  });

  it('aborts the upstream request when the client leaves', async () => {
    const stream = await kitFor(proxy).create({ ...body, max_completion_tokens: 200, stream: true });
    let seen = 0;
    for await (const _chunk of stream) if (++seen === 3) break;
    await expect.poll(() => upstreamLog.some((line) => line.includes('(client closed)')), { timeout: 3000 }).toBe(true);
  });

  it('records store: true completions itself, for a provider without stored completions', async () => {
    const stream = await kitFor(proxy).create({ ...body, stream: true, store: true, metadata: { via: 'proxy' } });
    const final = await stream.finalCompletion();
    await expect
      .poll(async () => (await kitFor(proxy).list({ metadata: { via: 'proxy' } })).data.map((item) => item.id), {
        timeout: 3000,
      })
      .toEqual([final.id]);
    const plain = await kitFor(proxy).create({ ...body, store: true, metadata: { via: 'proxy-json' } });
    expect((await kitFor(proxy).retrieve(plain.id)).choices[0]?.message.content).toBe(
      plain.choices[0]?.message.content,
    );
    // `store` is not sent to a non-OpenAI provider, so only the proxy holds them.
    expect((await kitFor(upstream, KEY).list({ metadata: { via: 'proxy' } })).data).toEqual([]);
  });

  it('never offers fault injection', async () => {
    const response = await fetch(`${proxy.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ck-fault': 'status=500' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(400);
  });

  it('passes the provider error through, and answers 502 in the API shape when it cannot reach it', async () => {
    process.env.CK_TEST_WRONG_KEY = 'sk-wrong';
    const wrongKey = await startTestServer({
      upstream: { url: upstream.url, keyEnv: 'CK_TEST_WRONG_KEY', provider: 'compatible' },
    });
    const unreachable = await startTestServer({ upstream: { url: 'http://127.0.0.1:9/v1' } });
    try {
      await expect(kitFor(wrongKey).create(body)).rejects.toMatchObject({ status: 401, code: 'invalid_api_key' });
      await expect(kitFor(unreachable).create(body)).rejects.toMatchObject({
        status: 502,
        code: 'upstream_unreachable',
      });
    } finally {
      await wrongKey.close();
      await unreachable.close();
    }
  });

  it('lists the provider models, and keeps the key out of every log line', async () => {
    const models = await (await fetch(`${proxy.url}/models`)).json();
    expect(models.data[0].id).toBe('ck-local-ngram');
    expect(proxyLog.length).toBeGreaterThan(5);
    expect(proxyLog.join('\n')).not.toContain(KEY);
    expect(upstreamLog.join('\n')).not.toContain(KEY);
  });
});
