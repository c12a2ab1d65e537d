import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ChatCompletionsError } from '../client/errors.ts';
import { readSavedConversation, saveConversation } from './saved-tree.ts';
import { activePath, siblingsOf, type TurnTree } from './tree.ts';

// A thread as the 0.1 chat saved it (localStorage and IndexedDB hold the same text): written by us.
const legacyText = readFileSync(new URL('../test-support/saved-thread-0.1.json', import.meta.url), 'utf8');
const legacy = JSON.parse(legacyText);
const roles = (tree: TurnTree) => activePath(tree).map((node) => node.message.role);

describe('saved conversations', () => {
  it('migrates a thread saved by 0.1 with every turn, branch and answer fact', () => {
    const tree = readSavedConversation(legacy) as TurnTree;
    expect(Object.keys(tree.nodes).sort()).toEqual(Object.keys(legacy.tree.nodes).sort());
    expect(tree.roots).toEqual(legacy.tree.roots);
    expect(tree.active).toEqual(legacy.tree.active);
    expect(roles(tree)).toEqual(['user', 'assistant', 'tool', 'assistant']);
    const answer = activePath(tree).at(-1);
    expect(answer?.message.content).toBe('It is 21 degrees in Oslo.');
    expect(siblingsOf(tree, answer?.id as string)).toEqual({ index: 0, count: 2 });
    expect(answer?.status).toBe('done');
    expect(answer?.completion?.usage?.total_tokens).toBe(39);
    expect(answer?.completion?.choices[0]?.logprobs?.content?.[0]?.token).toBe('It');
    // The other root (an edit of the first question) and its answer came along too.
    expect(siblingsOf(tree, 'turn-mhx1a2f2-5')).toEqual({ index: 1, count: 2 });
    expect(tree.nodes['turn-mhx1a2f3-6']?.completion?.usage?.total_tokens).toBe(16);
    expect(tree.nodes['turn-mhx1a2f2-5']?.message.content).toEqual(
      legacy.tree.nodes['turn-mhx1a2f2-5'].message.content,
    );
    // Every answer is done; the tool-call answer without facts has no completion to show.
    expect(tree.nodes['turn-mhx1a2b4-1']?.status).toBe('done');
    expect(tree.nodes['turn-mhx1a2b4-1']?.completion).toBeUndefined();
  });

  it('writes the versioned format and reads it back unchanged', () => {
    const tree = readSavedConversation(legacy) as TurnTree;
    const saved = JSON.parse(JSON.stringify(saveConversation(tree)));
    expect(saved.version).toBe(1);
    expect(readSavedConversation(saved)).toEqual(tree);
  });

  it('reads the tree the 0.1 hooks kept under persistAs', () => {
    const tree = readSavedConversation({ state: { tree: legacy.tree }, version: 0 }) as TurnTree;
    expect(roles(tree)).toEqual(['user', 'assistant', 'tool', 'assistant']);
  });

  it('keeps a failed answer’s error, and reads an answer saved mid-stream as stopped', () => {
    const tree = readSavedConversation(legacy) as TurnTree;
    const error = new ChatCompletionsError('api', 'The server failed.', { status: 500, requestId: 'req_1' });
    const nodes = {
      ...tree.nodes,
      'turn-mhx1a2c1-3': {
        ...(tree.nodes['turn-mhx1a2c1-3'] as TurnTree['nodes'][string]),
        status: 'error' as const,
        error,
      },
      'turn-mhx1a2d9-4': {
        ...(tree.nodes['turn-mhx1a2d9-4'] as TurnTree['nodes'][string]),
        status: 'streaming' as const,
      },
    };
    const read = readSavedConversation(JSON.parse(JSON.stringify(saveConversation({ ...tree, nodes })))) as TurnTree;
    expect(read.nodes['turn-mhx1a2c1-3']?.error).toBeInstanceOf(ChatCompletionsError);
    expect(read.nodes['turn-mhx1a2c1-3']?.error?.status).toBe(500);
    expect(read.nodes['turn-mhx1a2c1-3']?.error?.message).toBe('The server failed.');
    expect(read.nodes['turn-mhx1a2d9-4']?.status).toBe('aborted');
  });

  it('leaves out what does not hold together, and refuses what is no tree', () => {
    const broken = structuredClone(legacy);
    broken.tree.nodes['turn-orphan'] = { id: 'turn-orphan', parentId: 'gone', message: { role: 'user', content: 'x' } };
    broken.tree.nodes['turn-mhx1a2f3-6'].message = 'not a message';
    // A cycle: the tool answer's first child points back up the branch.
    broken.tree.nodes['turn-mhx1a2c1-3'].children = ['turn-mhx1a2b3-0'];
    broken.tree.active['turn-mhx1a2c1-3'] = 'turn-mhx1a2b3-0';
    const tree = readSavedConversation(broken) as TurnTree;
    expect(tree.nodes['turn-orphan']).toBeUndefined();
    expect(tree.nodes['turn-mhx1a2f3-6']).toBeUndefined();
    expect(tree.nodes['turn-mhx1a2f2-5']?.children).toEqual([]);
    expect(roles(tree)).toEqual(['user', 'assistant', 'tool', 'assistant']);
    expect(readSavedConversation('text')).toBeNull();
    expect(readSavedConversation({ version: 2, tree: legacy.tree })).toBeNull();
    expect(readSavedConversation({ something: 'else' })).toBeNull();
  });
});
