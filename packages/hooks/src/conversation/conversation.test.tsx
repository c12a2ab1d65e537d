// The React binding of core's conversation (whose own behaviour is tested in core against the
// local server): turns with their branch positions, one answer turn from submit to end, and the
// state a server render sees.
import {
  type ChatCompletionsClient,
  type Conversation,
  createConversation,
  type TurnTree,
} from '@completions-kit/core';
import { act, renderHook, waitFor } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { testClient } from '../test-support/render.tsx';
import { useConversation } from './use-conversation.ts';

const params = () => ({ model: 'ck-local-ngram', max_completion_tokens: 12, logit_bias: { '199999': -100 } });
const create = (client: ChatCompletionsClient = testClient(), tree?: TurnTree) =>
  createConversation({ client: () => client, params, ...(tree ? { tree } : {}) });

function View({ conversation }: { conversation: Conversation }) {
  const { turns, status } = useConversation(conversation);
  return <p data-status={status}>{turns.map((turn) => String(turn.node.message.content)).join('|')}</p>;
}

describe('useConversation against the local server', () => {
  it('gives React the active turns with their branch positions', async () => {
    const conversation = create();
    const { result } = renderHook(() => useConversation(conversation));
    await act(() => result.current.send('Hook'));
    expect(result.current.turns.map((turn) => [turn.node.message.role, turn.branch])).toEqual([
      ['user', { index: 0, count: 1 }],
      ['assistant', { index: 0, count: 1 }],
    ]);
    await act(() => result.current.regenerate());
    expect(result.current.turns[1]?.branch).toEqual({ index: 1, count: 2 });
    expect(result.current.running).toBe(false);
    expect(result.current.status).toBe('done');
  });

  it('shows the answer in flight as the last turn, under the id it keeps when it ends', async () => {
    const conversation = create(testClient({ headers: { 'x-ck-fault': 'pace-ms=15' } }));
    const { result } = renderHook(() => useConversation(conversation));
    let running: Promise<void> = Promise.resolve();
    act(() => {
      running = result.current.send('Tell me');
    });
    await waitFor(() => expect(result.current.turns).toHaveLength(2));
    const live = result.current.turns[1]?.node;
    expect(result.current.running).toBe(true);
    expect(live?.status === 'submitted' || live?.status === 'streaming').toBe(true);
    await act(() => running);
    expect(result.current.turns[1]?.node.id).toBe(live?.id);
    expect(result.current.turns[1]?.node.status).toBe('done');
  });

  it('renders on the server from the state the conversation was created with', () => {
    const tree: TurnTree = {
      nodes: { a: { id: 'a', parentId: null, message: { role: 'user', content: 'Saved question' }, children: [] } },
      roots: ['a'],
      active: {},
    };
    expect(renderToString(<View conversation={create(testClient(), tree)} />)).toBe(
      '<p data-status="idle">Saved question</p>',
    );
  });
});
