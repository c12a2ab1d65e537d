// The races a chat user can cause, each against the real local server over HTTP: the conversation
// tree after each must be exactly what the user saw happen.
import { activePath, type ChatCompletionsClient, createConversation, siblingsOf } from '@completions-kit/core';
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { testClient } from '../test-support/render.tsx';
import { useConversation } from './use-conversation.ts';

const params = () => ({ model: 'ck-local-ngram', max_completion_tokens: 80, logit_bias: { '199999': -100 } });
const paced = () => testClient({ headers: { 'x-ck-fault': 'pace-ms=20' } });
const store = (client: () => ChatCompletionsClient = paced) => createConversation({ client, params });
type Conversation = ReturnType<typeof store>;
/** The active branch as [role, text] pairs. */
const thread = (conversation: Conversation) =>
  activePath(conversation.getState().tree).map((node) => [node.message.role, node.message.content]);
const streamedText = (conversation: Conversation) => {
  const { answerId, tree } = conversation.getState();
  return String((answerId && tree.nodes[answerId]?.message.content) || '');
};
/** Waits until a few words of the answer have arrived, and returns them. */
async function midAnswer(conversation: Conversation): Promise<string> {
  await waitFor(() => expect(streamedText(conversation).length).toBeGreaterThan(5));
  return streamedText(conversation);
}

describe('races in a conversation', () => {
  it('send during a streamed answer: the partial answer stays under its question, the new message follows it', async () => {
    const conversation = store();
    const first = conversation.send('First question');
    const seen = await midAnswer(conversation);
    const second = conversation.send('Second question');
    await Promise.all([first, second]);
    const turns = thread(conversation);
    expect(turns.map(([role]) => role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(turns[0]?.[1]).toBe('First question');
    expect(String(turns[1]?.[1]).startsWith(seen)).toBe(true);
    expect(turns[2]?.[1]).toBe('Second question');
    expect(String(turns[3]?.[1]).length).toBeGreaterThan(0);
    // Nothing else anywhere in the tree: no stray branch under the first question.
    expect(Object.keys(conversation.getState().tree.nodes)).toHaveLength(4);
    expect(conversation.getState().status).toBe('done');
  });

  it('regenerate during a streamed answer: the partial answer and the new one are siblings', async () => {
    const conversation = store();
    const first = conversation.send('Question');
    const seen = await midAnswer(conversation);
    await Promise.all([first, conversation.regenerate()]);
    const path = activePath(conversation.getState().tree);
    expect(path.map((node) => node.message.role)).toEqual(['user', 'assistant']);
    const answer = path[1]?.id as string;
    expect(siblingsOf(conversation.getState().tree, answer)).toEqual({ index: 1, count: 2 });
    conversation.switchBranch(answer, -1);
    expect(String(thread(conversation)[1]?.[1]).startsWith(seen)).toBe(true);
    expect(Object.keys(conversation.getState().tree.nodes)).toHaveLength(3);
  });

  it('stop then an immediate send: the stopped answer is in the tree before the new message', async () => {
    const conversation = store();
    const first = conversation.send('First');
    await midAnswer(conversation);
    conversation.stop();
    const stoppedAt = thread(conversation);
    expect(stoppedAt.map(([role]) => role)).toEqual(['user', 'assistant']);
    expect(conversation.getState().status).toBe('aborted');
    expect(conversation.getState().error).toBeUndefined();
    await Promise.all([first, conversation.send('Then this')]);
    const turns = thread(conversation);
    expect(turns.slice(0, 3)).toEqual([...stoppedAt, ['user', 'Then this']]);
    expect(turns.map(([role]) => role)).toEqual(['user', 'assistant', 'user', 'assistant']);
  });

  it('unmount mid-stream: the store outlives the view, and the whole answer lands in the tree', async () => {
    const conversation = store();
    const { result, unmount } = renderHook(() => useConversation(conversation));
    const running = result.current.send('Keep going');
    const seen = await midAnswer(conversation);
    unmount();
    await running;
    const turns = thread(conversation);
    expect(turns.map(([role]) => role)).toEqual(['user', 'assistant']);
    expect(String(turns[1]?.[1]).length).toBeGreaterThan(seen.length);
    expect(conversation.getState().status).toBe('done');
  });

  it('a run superseded while its headers are pending leaves nothing behind', async () => {
    const slow = testClient({ headers: { 'x-ck-fault': 'delay-ms=400' } });
    const fast = testClient();
    let client = slow;
    const conversation = store(() => client);
    const first = conversation.send('Slow to answer');
    expect(conversation.getState().status).toBe('submitted');
    client = fast;
    const second = conversation.send('Answer this instead');
    await Promise.all([first, second]);
    // Let the slow server's headers arrive: they must change nothing. A request with the same delay,
    // sent after it, is answered after it: once it is, the slow headers have come and gone.
    await testClient({ headers: { 'x-ck-fault': 'delay-ms=400' } }).chat.completions.create({
      ...params(),
      messages: [{ role: 'user', content: 'After the slow one' }],
      max_completion_tokens: 1,
    });
    const turns = thread(conversation);
    expect(turns.map(([role, content]) => (role === 'user' ? content : role))).toEqual([
      'Slow to answer',
      'Answer this instead',
      'assistant',
    ]);
    expect(Object.keys(conversation.getState().tree.nodes)).toHaveLength(3);
    expect(conversation.getState().status).toBe('done');
  });
});
