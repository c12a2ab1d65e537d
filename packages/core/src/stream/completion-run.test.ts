import type { ServerResponse } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import { createChatCompletionsClient } from '../client/create-client.ts';
import { chunkEvent, finishEvent, sendJson, serverPerTest, sleep } from '../test-support/http-server.ts';
import type { RunStatus } from '../types.ts';
import { type CompletionRunOptions, createCompletionRun, type RunState } from './completion-run.ts';

const server = serverPerTest();

const request = { model: 'test-model', messages: [{ role: 'user' as const, content: 'Hi' }] };
const streamed = { ...request, stream: true as const };
const logprob = (token: string) => ({ token, logprob: -0.1, bytes: [1], top_logprobs: [] });
const piece = (text: string) =>
  chunkEvent(text, {
    choices: [{ index: 0, delta: { content: text }, logprobs: { content: [logprob(text)] }, finish_reason: null }],
  });

interface StreamOptions {
  gapMs?: number;
  finish?: boolean;
  /** Headers are sent once this settles (a late server, as late as the test needs). */
  headersWhen?: Promise<unknown>;
  /** With `finish: false`, the connection is reset once this settles (the chunks have arrived). */
  resetWhen?: () => Promise<unknown>;
  /** Called when the route is done with its response, sent or not. */
  onDone?: () => void;
}

/** Streams `pieces` `gapMs` apart, then finishes (or stops there when `finish` is false). */
function streamRoute(pieces: string[], options: StreamOptions = {}) {
  server.route('POST', '/chat/completions', async (_request, response: ServerResponse) => {
    await respond(response, pieces, options);
    options.onDone?.();
  });
}

async function respond(response: ServerResponse, pieces: string[], options: StreamOptions) {
  await options.headersWhen;
  response.writeHead(200, { 'content-type': 'text/event-stream', 'x-request-id': 'req_run' });
  for (const text of pieces) {
    if (response.destroyed) return;
    response.write(piece(text));
    if (options.gapMs) await sleep(options.gapMs);
  }
  if (options.finish === false) {
    // The written chunks reach the client before the reset.
    await options.resetWhen?.();
    response.destroy();
    return;
  }
  response.end(`${finishEvent()}data: [DONE]\n\n`);
}

function run(extra: Partial<CompletionRunOptions> = {}) {
  const client = createChatCompletionsClient({ baseURL: server.url, maxRetries: 0 });
  const finished: RunState[] = [];
  const published: { status: RunStatus; json: string; state: RunState }[] = [];
  const subject = createCompletionRun({ client: () => client, onFinish: (state) => finished.push(state), ...extra });
  subject.subscribe((state) => published.push({ status: state.status, json: JSON.stringify(state), state }));
  return { subject, finished, published };
}

const words = Array.from({ length: 40 }, (_, index) => `w${index} `);

describe('a completion run', () => {
  it('goes submitted, streaming, done, and never changes a state it handed out', async () => {
    streamRoute(words);
    const { subject, finished, published } = run({ notify: 'chunk' });
    const completion = await subject.start(streamed);
    expect(completion?.choices[0]?.message.content).toBe(words.join(''));
    expect(published[0]?.status).toBe('submitted');
    expect(published[1]?.status).toBe('streaming');
    expect(published.at(-1)?.status).toBe('done');
    expect(published.filter((entry) => entry.status === 'streaming').length).toBeGreaterThan(words.length);
    // Every state and snapshot, logprob arrays included, is as it was when it was handed out.
    for (const entry of published) expect(JSON.stringify(entry.state)).toBe(entry.json);
    expect(finished).toHaveLength(1);
    const last = subject.getState();
    expect(last.snapshot?.choices[0]?.logprobs?.content).toHaveLength(words.length);
    expect(last.timings?.chunkCount).toBe(words.length + 1);
    expect(last.timings?.timeToFirstTokenMs).toBeGreaterThanOrEqual(0);
  });

  it('batches chunks when throttled: far fewer notifications than chunks, the last state complete', async () => {
    streamRoute(words);
    const { subject, published } = run({ notify: 40 });
    await subject.start(streamed);
    expect(published.filter((entry) => entry.status === 'streaming').length).toBeLessThan(words.length / 4);
    expect(subject.getState().snapshot?.choices[0]?.message.content).toBe(words.join(''));
  });

  it('stop keeps the partial snapshot and reports it once, at once', async () => {
    streamRoute(words, { gapMs: 10 });
    const { subject, finished } = run({ notify: 'chunk' });
    const running = subject.start(streamed);
    await vi.waitFor(() =>
      expect(subject.getState().snapshot?.choices[0]?.message.content?.length ?? 0).toBeGreaterThanOrEqual(6),
    );
    subject.stop();
    expect(subject.getState().status).toBe('aborted');
    expect(finished.map((state) => state.status)).toEqual(['aborted']);
    const partial = finished[0]?.snapshot?.choices[0]?.message.content ?? '';
    expect(partial.length).toBeGreaterThanOrEqual(6);
    expect(await running).toBeUndefined();
    // The server saw the connection close: no chunk can come after that.
    await vi.waitFor(() => expect(server.disconnects).toBe(1), { timeout: 10_000 });
    expect(subject.getState().snapshot?.choices[0]?.message.content).toBe(partial);
    expect(finished).toHaveLength(1);
  });

  it('an error mid-stream keeps what arrived', async () => {
    const { subject } = run();
    const arrived = () => subject.getState().snapshot?.choices[0]?.message.content;
    const resetWhen = () => vi.waitFor(() => expect(arrived()).toBe(words.slice(0, 5).join('')), { timeout: 10_000 });
    streamRoute(words.slice(0, 5), { finish: false, resetWhen });
    await subject.start(streamed);
    const state = subject.getState();
    expect(state.status).toBe('error');
    expect(state.error?.kind).toBe('connection');
    expect(state.snapshot?.choices[0]?.message.content).toBe(words.slice(0, 5).join(''));
  });

  it('a newer start supersedes a run whose headers are pending: the old one ends aborted with nothing', async () => {
    let superseded!: () => void;
    let lateDone = false;
    const headersWhen = new Promise<void>((resolve) => (superseded = resolve));
    streamRoute(['late'], { headersWhen, onDone: () => (lateDone = true) });
    const { subject, finished } = run();
    const first = subject.start(streamed);
    // Its headers are pending: the server has the request and holds its answer.
    await vi.waitFor(() => expect(server.requests).toHaveLength(1), { timeout: 10_000 });
    streamRoute(['fresh']);
    const second = subject.start(streamed);
    expect(finished.map((state) => [state.status, state.snapshot])).toEqual([['aborted', undefined]]);
    expect((await second)?.choices[0]?.message.content).toBe('fresh');
    expect(await first).toBeUndefined();
    // Now the late headers come: the old run must take nothing from them.
    superseded();
    await vi.waitFor(() => expect(lateDone).toBe(true), { timeout: 10_000 });
    expect(subject.getState().snapshot?.choices[0]?.message.content).toBe('fresh');
    expect(finished.map((state) => state.status)).toEqual(['aborted', 'done']);
  });

  it('refuses a newer start when asked to, and lets the live run finish', async () => {
    streamRoute(words, { gapMs: 2 });
    const { subject } = run({ whileRunning: 'refuse' });
    const first = subject.start(streamed);
    expect(await subject.start({ ...streamed, model: 'other' })).toBeUndefined();
    expect((await first)?.choices[0]?.message.content).toBe(words.join(''));
    expect(server.requests).toHaveLength(1);
  });

  it('dispose aborts the request, and the run takes no more', async () => {
    streamRoute(words, { gapMs: 20 });
    const { subject, finished } = run();
    const running = subject.start(streamed);
    await vi.waitFor(() => expect(subject.getState().status).toBe('streaming'), { timeout: 10_000 });
    subject.dispose();
    await running;
    await vi.waitFor(() => expect(server.disconnects).toBe(1), { timeout: 10_000 });
    expect(finished.map((state) => state.status)).toEqual(['aborted']);
    expect(await subject.start(streamed)).toBeUndefined();
    expect(server.requests).toHaveLength(1);
  });

  it('runs a request that is not streamed through the same states', async () => {
    const body = {
      id: 'chatcmpl-whole',
      object: 'chat.completion',
      created: 1,
      model: 'test-model',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Whole' }, logprobs: null, finish_reason: 'stop' }],
    };
    server.route('POST', '/chat/completions', (_request, response) => sendJson(response, 200, body));
    const { subject, published } = run();
    const completion = await subject.start(request);
    expect(published.map((entry) => entry.status)).toEqual(['submitted', 'done']);
    expect(subject.getState().completion).toEqual(completion);
    expect(subject.getState().snapshot?.choices[0]?.message.content).toBe('Whole');
  });
});
