import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { saveConversation } from './saved-tree.ts';
import { activePath, type TurnTree } from './tree.ts';
import { checkSavedConversation } from './validate-saved.ts';

const legacy = JSON.parse(
  readFileSync(new URL('../test-support/saved-thread-0.1.json', import.meta.url), 'utf8'),
) as unknown;

// Built in place: addTurn copies the tree on each turn, which a 200 000-turn chain cannot afford.
function chain(length: number): TurnTree {
  const tree: TurnTree = { nodes: {}, roots: ['turn-0'], active: {} };
  for (let index = 0; index < length; index += 1) {
    const id = `turn-${index}`;
    const role = index % 2 ? ('assistant' as const) : ('user' as const);
    const parentId = index === 0 ? null : `turn-${index - 1}`;
    const children = index + 1 < length ? [`turn-${index + 1}`] : [];
    tree.nodes[id] = { id, parentId, message: { role, content: `text ${index}` }, children };
  }
  return tree;
}

interface Raw {
  version: number;
  tree: {
    nodes: Record<string, { message: unknown; children: string[]; parentId: string | null } | null>;
    roots: string[];
    active: Record<string, string>;
  };
}
const saved = () => JSON.parse(JSON.stringify(saveConversation(chain(4)))) as Raw;
const turn = (value: Raw, id: string) => value.tree.nodes[id] as NonNullable<Raw['tree']['nodes'][string]>;

describe('checking a saved conversation before use', () => {
  it('accepts what the chat saves and what 0.1 saved', () => {
    const check = checkSavedConversation(saved());
    expect(check.ok && activePath(check.tree).length).toBe(4);
    expect(checkSavedConversation(legacy).ok).toBe(true);
  });

  const damages: Array<[string, (value: Raw) => void]> = [
    [
      'no first turn',
      (value) => {
        value.tree.roots = [];
      },
    ],
    [
      'an active branch naming a missing turn',
      (value) => {
        value.tree.active['turn-1'] = 'gone';
      },
    ],
    [
      'a null message',
      (value) => {
        turn(value, 'turn-2').message = null;
      },
    ],
    [
      'a null turn',
      (value) => {
        value.tree.nodes['turn-2'] = null;
      },
    ],
    [
      'numeric content',
      (value) => {
        turn(value, 'turn-2').message = { role: 'user', content: 42 };
      },
    ],
    [
      'a dangling child',
      (value) => {
        turn(value, 'turn-3').children.push('gone');
      },
    ],
    [
      'a cycle',
      (value) => {
        turn(value, 'turn-3').children.push('turn-1');
      },
    ],
    [
      'a newer version',
      (value) => {
        value.version = 7;
      },
    ],
  ];
  it.each(damages)('sets aside a thread with %s, saying why', (_shape, damage) => {
    const value = saved();
    damage(value);
    const check = checkSavedConversation(value);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problem.length).toBeGreaterThan(5);
  });

  it('sets aside a cycle with no way in from the roots, and a cycle through the roots', () => {
    const value = saved();
    turn(value, 'turn-0').parentId = 'turn-3';
    turn(value, 'turn-3').children = ['turn-0'];
    expect(checkSavedConversation(value).ok).toBe(false);
    value.tree.roots = [];
    value.tree.active = {};
    expect(checkSavedConversation(value).ok).toBe(false);
  });

  // Far deeper than a recursive walk survives (about 10 000 frames); the walk is one loop.
  it('checks a tree 100 000 turns deep without running out of stack', { timeout: 60_000 }, () => {
    const check = checkSavedConversation(JSON.parse(JSON.stringify(saveConversation(chain(100_000)))));
    expect(check.ok && Object.keys(check.tree.nodes).length).toBe(100_000);
  });
});
