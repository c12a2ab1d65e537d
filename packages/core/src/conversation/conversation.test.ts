// The conversation against the real local server over HTTP, with React absent: a module that
// reached for it would throw here.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer } from '../../../server/src/index.ts';
import { type ChatCompletionsClientOptions, createChatCompletionsClient } from '../client/create-client.ts';
import type { RunStatus } from '../types.ts';
import { type ConversationOptions, type ConversationParams, createConversation } from './create-conversation.ts';
import { activePath, siblingsOf } from './tree.ts';

vi.mock('react', () => {
  throw new Error('the conversation imported react');
});

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer({ port: 0, faults: true, rateLimit: { requests: 0, windowMs: 60_000 } });
}, 60_000);
afterAll(() => server.close());

const base = { model: 'ck-local-ngram', max_completion_tokens: 12, logit_bias: { '199999': -100 } };
function conversation(params: Partial<ConversationParams> = {}, client: Partial<ChatCompletionsClientOptions> = {}) {
  const own = createChatCompletionsClient({ baseURL: server.url, maxRetries: 0, ...client });
  const options: ConversationOptions = { client: () => own, params: () => ({ ...base, ...params }), notify: 'chunk' };
  return createConversation(options);
}
type Subject = ReturnType<typeof conversation>;
const thread = (subject: Subject) =>
  activePath(subject.getState().tree).map((node) => [node.message.role, node.message.content]);
const last = (subject: Subject) => activePath(subject.getState().tree).at(-1);
/** Resolves once the answer in flight has shown some text. */
const someText = (subject: Subject) =>
  new Promise<void>((resolve) => {
    const stop = subject.subscribe((state) => {
      const content = state.answerId ? state.tree.nodes[state.answerId]?.message.content : '';
      if (typeof content === 'string' && content.length > 5) {
        stop();
        resolve();
      }
    });
  });

describe('a conversation in core, against the local server', { timeout: 20_000 }, () => {
  it('streams an answer that is one turn from submit to end and keeps its whole completion', async () => {
    const subject = conversation({ logprobs: true, top_logprobs: 2, stream_options: { include_usage: true } });
    const seen: { id: string | null; status: RunStatus }[] = [];
    subject.subscribe((state) => {
      const id = state.answerId;
      const status = id ? state.tree.nodes[id]?.status : undefined;
      if (status && seen.at(-1)?.status !== status) seen.push({ id, status });
    });
    await subject.send('Hello there');
    expect(seen.map((step) => step.status)).toEqual(['submitted', 'streaming', 'done']);
    expect(new Set(seen.map((step) => step.id)).size).toBe(1);
    const answer = last(subject);
    expect(answer?.id).toBe(seen[0]?.id);
    expect(answer?.status).toBe('done');
    expect(String(answer?.message.content).length).toBeGreaterThan(0);
    expect(answer?.completion?.usage?.completion_tokens).toBeGreaterThan(0);
    expect(answer?.completion?.id).toMatch(/^chatcmpl-/);
    expect(answer?.completion?.choices[0]?.finish_reason).toBeTruthy();
    expect(answer?.completion?.choices[0]?.logprobs?.content?.length).toBeGreaterThan(0);
    expect(answer?.timings?.chunkCount).toBeGreaterThan(0);
    expect(subject.getState().status).toBe('done');
  });

  it('keeps usage on an answer asked for whole', async () => {
    const subject = createConversation({
      client: () => createChatCompletionsClient({ baseURL: server.url, maxRetries: 0 }),
      params: () => base,
      stream: false,
    });
    await subject.send('Whole, please');
    expect(last(subject)?.status).toBe('done');
    expect(last(subject)?.completion?.usage?.total_tokens).toBeGreaterThan(0);
  });

  it('stops mid-stream: the answer stays, aborted, with what arrived and no error', async () => {
    const subject = conversation({ max_completion_tokens: 300 }, { headers: { 'x-ck-fault': 'pace-ms=15' } });
    const running = subject.send('A long answer');
    await someText(subject);
    subject.stop();
    await running;
    const answer = last(subject);
    expect(answer?.status).toBe('aborted');
    expect(String(answer?.message.content).length).toBeGreaterThan(5);
    expect(answer?.error).toBeUndefined();
    expect(subject.getState().status).toBe('aborted');
    // A later question reads the stopped answer back as part of the conversation.
    await subject.send('Go on');
    expect(thread(subject).map(([role]) => role)).toEqual(['user', 'assistant', 'user', 'assistant']);
  });

  it('regenerates beside the old answer, and switches between the two', async () => {
    const subject = conversation();
    await subject.send('Say something');
    const first = last(subject);
    await subject.regenerate();
    const second = last(subject);
    expect(second?.id).not.toBe(first?.id);
    expect(siblingsOf(subject.getState().tree, second?.id as string)).toEqual({ index: 1, count: 2 });
    subject.switchBranch(second?.id as string, -1);
    expect(last(subject)?.id).toBe(first?.id);
  });

  it('edits an earlier question into a branch and keeps the old branch', async () => {
    const subject = conversation();
    await subject.send('First question');
    await subject.send('Second question');
    const firstTurn = activePath(subject.getState().tree)[0];
    await subject.edit(firstTurn?.id as string, 'First question, rephrased');
    expect(thread(subject).map(([role, content]) => (role === 'user' ? content : role))).toEqual([
      'First question, rephrased',
      'assistant',
    ]);
    subject.switchBranch(activePath(subject.getState().tree)[0]?.id as string, -1);
    expect(thread(subject).map(([role, content]) => (role === 'user' ? content : role))).toEqual([
      'First question',
      'assistant',
      'Second question',
      'assistant',
    ]);
  });

  it('keeps n = 2 choices on the answer and takes the one picked', async () => {
    const subject = conversation({ n: 2, seed: 3 });
    await subject.send('Two options please');
    const answer = last(subject);
    expect(answer?.completion?.choices).toHaveLength(2);
    expect(answer?.choice).toBeUndefined();
    subject.pickChoice(1);
    expect(last(subject)?.message).toEqual(answer?.completion?.choices[1]?.message);
    expect(last(subject)?.choice).toBe(1);
    expect(last(subject)?.id).toBe(answer?.id);
  });

  it('waits on a tool call until it is answered, then goes on from the result', async () => {
    const tools = [
      {
        type: 'function' as const,
        function: { name: 'get_weather', description: 'The weather in a city', parameters: { type: 'object' } },
      },
    ];
    const subject = conversation({ tools, max_completion_tokens: 40 });
    await subject.send('What is the weather in Oslo?');
    const call = last(subject);
    expect(call?.status).toBe('done');
    expect(call?.completion?.choices[0]?.finish_reason).toBe('tool_calls');
    const toolCall = call?.message.role === 'assistant' ? call.message.tool_calls?.[0] : undefined;
    expect(toolCall?.id).toBeTruthy();
    expect(subject.getState().status).toBe('done');
    await subject.answerToolCall(toolCall?.id as string, JSON.stringify({ temperature: 21 }));
    expect(thread(subject).map(([role]) => role)).toEqual(['user', 'assistant', 'tool', 'assistant']);
    expect(last(subject)?.status).toBe('done');
    expect(String(last(subject)?.message.content)).toContain('21');
  });

  it('marks a failed answer with its error, and a retry replaces it when it wrote nothing', async () => {
    let fail = true;
    const own = createChatCompletionsClient({ baseURL: server.url, maxRetries: 0 });
    const failing = createChatCompletionsClient({
      baseURL: server.url,
      maxRetries: 0,
      headers: { 'x-ck-fault': 'status=500' },
    });
    const subject = createConversation({ client: () => (fail ? failing : own), params: () => base });
    await subject.send('Will this work?');
    expect(last(subject)?.status).toBe('error');
    expect(last(subject)?.error?.status).toBe(500);
    expect(subject.getState().error?.status).toBe(500);
    fail = false;
    await subject.retry();
    expect(thread(subject).map(([role]) => role)).toEqual(['user', 'assistant']);
    expect(last(subject)?.status).toBe('done');
    expect(Object.keys(subject.getState().tree.nodes)).toHaveLength(2);
  });
});
