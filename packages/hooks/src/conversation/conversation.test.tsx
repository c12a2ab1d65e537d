import type { ChatCompletionsClient } from '@completions-kit/core';
import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { testClient } from '../test-support/render.tsx';
import { type ConversationOptions, createConversationStore } from './create-conversation-store.ts';
import { activePath, siblingsOf } from './tree.ts';
import { useConversation } from './use-conversation.ts';

const params = () => ({ model: 'ck-local-ngram', max_completion_tokens: 12, logit_bias: { '199999': -100 } });
const store = (client: ChatCompletionsClient = testClient(), extra: Partial<ConversationOptions> = {}) =>
  createConversationStore({ client: () => client, params, ...extra });
const thread = (conversation: ReturnType<typeof store>) =>
  activePath(conversation.getState().tree).map((node) => [node.message.role, node.message.content]);

beforeEach(() => localStorage.clear());

describe('the conversation store against the local server', () => {
  it('sends a user turn and adds the streamed answer', async () => {
    const conversation = store();
    await conversation.getState().send('Hello there');
    const turns = thread(conversation);
    expect(turns).toHaveLength(2);
    expect(turns[0]).toEqual(['user', 'Hello there']);
    expect(turns[1]?.[0]).toBe('assistant');
    expect(String(turns[1]?.[1]).length).toBeGreaterThan(0);
    expect(conversation.getState().status).toBe('idle');
  });

  it('asks for whole answers when streaming is off, and takes content parts', async () => {
    const conversation = store(testClient(), { stream: false });
    await conversation.getState().send([
      { type: 'text', text: 'Parts ' },
      { type: 'text', text: 'work' },
    ]);
    expect(thread(conversation).map(([role]) => role)).toEqual(['user', 'assistant']);
  });

  it('offers n choices and keeps the one picked', async () => {
    const conversation = createConversationStore({ client: () => testClient(), params: () => ({ ...params(), n: 2 }) });
    await conversation.getState().send('Two options please');
    const choices = conversation.getState().choices;
    expect(choices).toHaveLength(2);
    expect(thread(conversation)).toHaveLength(1);
    conversation.getState().pickChoice(1);
    expect(thread(conversation)[1]?.[1]).toBe(choices?.[1]?.message.content);
  });

  it('regenerates beside the old answer and switches between the two', async () => {
    const conversation = store();
    await conversation.getState().send('Say something');
    const first = thread(conversation)[1]?.[1];
    await conversation.getState().regenerate();
    const path = activePath(conversation.getState().tree);
    expect(path).toHaveLength(2);
    const answer = path[1];
    expect(siblingsOf(conversation.getState().tree, answer?.id as string)).toEqual({ index: 1, count: 2 });
    expect(answer?.message.content).not.toBe(first);
    conversation.getState().switchBranch(answer?.id as string, -1);
    expect(thread(conversation)[1]?.[1]).toBe(first);
  });

  it('edits an earlier turn as a new branch and keeps the old one reachable', async () => {
    const conversation = store();
    await conversation.getState().send('First question');
    await conversation.getState().send('Second question');
    const firstTurn = activePath(conversation.getState().tree)[0];
    await conversation.getState().edit(firstTurn?.id as string, 'First question, rephrased');
    expect(thread(conversation).map(([role, content]) => (role === 'user' ? content : role))).toEqual([
      'First question, rephrased',
      'assistant',
    ]);
    const edited = activePath(conversation.getState().tree)[0];
    conversation.getState().switchBranch(edited?.id as string, -1);
    expect(thread(conversation).map(([role, content]) => (role === 'user' ? content : role))).toEqual([
      'First question',
      'assistant',
      'Second question',
      'assistant',
    ]);
  });

  it('keeps the partial answer when stopped mid-stream', async () => {
    const conversation = store(testClient({ headers: { 'x-ck-fault': 'pace-ms=15' } }), {
      params: () => ({ ...params(), max_completion_tokens: 300 }),
    });
    const running = conversation.getState().send('Long answer');
    await waitFor(() =>
      expect(conversation.getState().streaming?.choices[0]?.message.content?.length ?? 0).toBeGreaterThan(5),
    );
    conversation.getState().stop();
    await running;
    const turns = thread(conversation);
    expect(turns[1]?.[0]).toBe('assistant');
    expect(String(turns[1]?.[1]).length).toBeGreaterThan(5);
  });

  it('persists the tree, and never a key', async () => {
    const client = testClient({ apiKey: 'sk-canary-never-stored' });
    const conversation = store(client, { persistAs: 'ck-test-conversation' });
    await conversation.getState().send('Remember me');
    const saved = localStorage.getItem('ck-test-conversation') ?? '';
    expect(saved).toContain('Remember me');
    expect(saved).not.toContain('sk-canary');
    const restored = store(client, { persistAs: 'ck-test-conversation' });
    await waitFor(() => expect(thread(restored)).toEqual(thread(conversation)));
  });

  it('gives React the active turns with their branch positions', async () => {
    const conversation = store();
    const { result } = renderHook(() => useConversation(conversation));
    await act(() => result.current.send('Hook'));
    expect(result.current.turns.map((turn) => [turn.node.message.role, turn.branch])).toEqual([
      ['user', { index: 0, count: 1 }],
      ['assistant', { index: 0, count: 1 }],
    ]);
  });
});

describe('tool calls (replayed traffic: the local model does not call tools yet)', () => {
  it('answers each call with a tool message and then continues', async () => {
    const requests: unknown[][] = [];
    const reply = (message: object, finish: string) =>
      new Response(
        JSON.stringify({
          id: `chatcmpl-r${requests.length}`,
          object: 'chat.completion',
          created: 1,
          model: 'm',
          choices: [
            {
              index: 0,
              message: { role: 'assistant', refusal: null, ...message },
              logprobs: null,
              finish_reason: finish,
            },
          ],
        }),
        {
          headers: { 'content-type': 'application/json' },
        },
      );
    const client = testClient({
      fetch: async (_url, init) => {
        const body = JSON.parse(String(init?.body));
        requests.push(body.messages);
        const last = body.messages.at(-1);
        if (last.role === 'tool') return reply({ content: `It is ${last.content}.` }, 'stop');
        return reply(
          {
            content: null,
            tool_calls: [
              { id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Oslo"}' } },
            ],
          },
          'tool_calls',
        );
      },
    });
    const conversation = store(client, { stream: false });
    await conversation.getState().send('Weather in Oslo?');
    expect(thread(conversation).map(([role]) => role)).toEqual(['user', 'assistant']);
    await conversation.getState().answerToolCall('call_1', 'sunny');
    expect(thread(conversation)).toEqual([
      ['user', 'Weather in Oslo?'],
      ['assistant', null],
      ['tool', 'sunny'],
      ['assistant', 'It is sunny.'],
    ]);
    expect(requests).toHaveLength(2);
  });
});
