import { createChatCompletionsClient } from '@completions-kit/core';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { Chat } from './chat.tsx';

// Headless Chromium with its real localStorage, holding saved threads damaged the ways real stores get
// damaged (edited by hand, cut short, written by a buggy version), against the local server.
const client = () => createChatCompletionsClient({ baseURL: inject('serverUrl'), maxRetries: 0 });
const params = { max_completion_tokens: 12, logit_bias: { '199999': -100 } };
const wait = { timeout: 20_000 };
const mountChat = () => render(<Chat client={client()} model="ck-local-ngram" params={params} />);
const log = () => screen.getByRole('log', { name: 'Conversation' });

const turn = (id: string, parentId: string | null, role: string, content: unknown, children: string[]) => ({
  id,
  parentId,
  message: { role, content },
  children,
  ...(role === 'assistant' ? { status: 'done' } : {}),
});
const goodThread = {
  version: 1,
  tree: {
    nodes: {
      q: turn('q', null, 'user', 'The good question', ['a']),
      a: turn('a', 'q', 'assistant', 'The good answer', []),
    },
    roots: ['q'],
    active: { '': 'q', q: 'a' },
  },
};
interface RawTurn {
  parentId: string | null;
  message: unknown;
  children: string[];
}
interface RawTree {
  nodes: Record<string, RawTurn>;
  roots: string[];
  active: Record<string, string>;
}
const damaged = (change: (tree: RawTree, node: (id: string) => RawTurn) => void) => {
  const copy = JSON.parse(JSON.stringify(goodThread)) as { tree: RawTree };
  change(copy.tree, (id) => copy.tree.nodes[id] as RawTurn);
  return copy;
};

const shapes: Array<[string, unknown]> = [
  [
    'no root and no active turn',
    damaged((tree) => {
      tree.roots = [];
      tree.active = { '': 'missing' };
    }),
  ],
  [
    'a null message',
    damaged((_tree, node) => {
      node('a').message = null;
    }),
  ],
  [
    'numeric content',
    damaged((_tree, node) => {
      node('q').message = { role: 'user', content: 42 };
    }),
  ],
  [
    'children that form a cycle',
    damaged((_tree, node) => {
      node('a').children = ['q'];
      node('q').parentId = 'a';
    }),
  ],
];

function seed(damagedThread: unknown) {
  localStorage.setItem(
    'ck-chat:threads',
    JSON.stringify({
      threads: [
        { id: 'thread-damaged', title: 'The damaged one', updatedAt: 2 },
        { id: 'thread-good', title: 'The good one', updatedAt: 1 },
      ],
      // The damaged thread is the one open: the chat must still come up.
      activeId: 'thread-damaged',
    }),
  );
  localStorage.setItem('ck-chat:thread:thread-damaged', JSON.stringify(damagedThread));
  localStorage.setItem('ck-chat:thread:thread-good', JSON.stringify(goodThread));
}

async function expectUsableChat() {
  const unreadable = await screen.findByRole('region', { name: 'Could not be read' }, wait);
  expect(within(unreadable).getByText('The damaged one')).toBeTruthy();
  expect(within(unreadable).getByRole('button', { name: 'Export The damaged one' })).toBeTruthy();
  expect(within(unreadable).getByRole('button', { name: 'Delete The damaged one' })).toBeTruthy();
  // Not offered to open among the readable threads.
  const list = screen.getByRole('navigation', { name: 'Conversations' });
  expect(within(list).queryByText('The damaged one')).toBeNull();
  expect(screen.getByRole('textbox', { name: 'Message' })).toBeTruthy();
}

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('<Chat> with a damaged saved thread', () => {
  it.each(shapes)(
    'with %s: renders, lists it as unreadable, opens the others, starts anew, survives a reload',
    async (_shape, thread) => {
      seed(thread);
      const first = mountChat();
      await expectUsableChat();
      // The damaged data is kept as it was, for an export: opening the chat did not write over it.
      expect(localStorage.getItem('ck-chat:thread:thread-damaged')).toBe(JSON.stringify(thread));
      fireEvent.click(screen.getByRole('button', { name: 'The good one' }));
      await waitFor(() => expect(within(log()).getByText('The good answer')).toBeTruthy(), wait);
      fireEvent.click(screen.getByRole('button', { name: 'New conversation' }));
      await waitFor(() => expect(within(log()).queryByText('The good answer')).toBeNull(), wait);
      const input = screen.getByRole('textbox', { name: 'Message' });
      fireEvent.change(input, { target: { value: 'A new conversation beside the damage' } });
      fireEvent.keyDown(input, { key: 'Enter' });
      await waitFor(() => expect(within(log()).getAllByRole('article')).toHaveLength(2), wait);
      await waitFor(() => expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull(), wait);
      await waitFor(() => expect(within(log()).getAllByRole('article')[1]?.textContent?.length).toBeGreaterThan(9));
      first.unmount();
      // A reload: the chat comes up again with the same damage, and the new conversation is kept.
      mountChat();
      await expectUsableChat();
      await waitFor(() =>
        expect(screen.getByRole('button', { name: 'A new conversation beside the damage' })).toBeTruthy(),
      );
    },
  );

  it('deletes a damaged thread from the list and from storage', async () => {
    seed(shapes[3]?.[1]);
    mountChat();
    await expectUsableChat();
    fireEvent.click(screen.getByRole('button', { name: 'Delete The damaged one' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Could not be read' })).toBeNull());
    expect(localStorage.getItem('ck-chat:thread:thread-damaged')).toBeNull();
    expect(screen.getByRole('button', { name: 'The good one' })).toBeTruthy();
  });
});
