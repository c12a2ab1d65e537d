import { describe, expect, it } from 'vitest';
import { createDraft } from './accumulate-chunk.ts';
import { appendShared } from './shared-list.ts';

describe('shared append-only views', () => {
  it('reads as an array: index, length, iteration, array methods and JSON', () => {
    const list = appendShared(appendShared(null, ['a', 'b'], undefined), ['c'], undefined);
    expect(Array.isArray(list)).toBe(true);
    expect(list.length).toBe(3);
    expect(list[2]).toBe('c');
    expect(list[3]).toBeUndefined();
    expect([...list]).toEqual(['a', 'b', 'c']);
    expect(list.map((item) => item.toUpperCase())).toEqual(['A', 'B', 'C']);
    expect(list.slice(1)).toEqual(['b', 'c']);
    expect(Object.keys(list)).toEqual(['0', '1', '2']);
    expect(2 in list).toBe(true);
    expect(3 in list).toBe(false);
    expect(JSON.stringify({ content: list })).toBe('{"content":["a","b","c"]}');
    expect(list).toEqual(['a', 'b', 'c']);
  });

  it('never changes a view handed out, while later views share its backing array', () => {
    const first = appendShared(null, [1, 2], undefined);
    const second = appendShared(first, [3], undefined);
    const third = appendShared(second, [4, 5], undefined);
    expect([...first]).toEqual([1, 2]);
    expect([...second]).toEqual([1, 2, 3]);
    expect([...third]).toEqual([1, 2, 3, 4, 5]);
    expect(JSON.stringify(first)).toBe('[1,2]');
  });

  it('refuses writes through a view, so no reader can change what another sees', () => {
    const list = appendShared(null, [1, 2], undefined);
    expect(() => {
      list[0] = 9;
    }).toThrow(TypeError);
    expect(() => list.push(3)).toThrow(TypeError);
    expect(() => Object.freeze(list)).toThrow(TypeError);
    expect(() => {
      list.length = 0;
    }).toThrow(TypeError);
    expect([...list]).toEqual([1, 2]);
    // The next append still works: freezing was refused, not half done.
    expect([...appendShared(list, [3], undefined)]).toEqual([1, 2, 3]);
  });

  it('copies when a second fold appends to a view that is no longer at the end', () => {
    const base = appendShared(null, ['a'], undefined);
    const left = appendShared(base, ['b'], undefined);
    const right = appendShared(base, ['x'], undefined);
    expect([...left]).toEqual(['a', 'b']);
    expect([...right]).toEqual(['a', 'x']);
    expect([...base]).toEqual(['a']);
  });

  it('grows a view in place while only the draft has it, and never the chunk array it was given', () => {
    const draft = createDraft();
    const added = ['a'];
    const unseen = appendShared(null, added, draft);
    expect(appendShared(unseen, ['b'], draft)).toBe(unseen);
    expect(unseen.length).toBe(2);
    expect(added).toEqual(['a']);
    // Another draft (a snapshot was read in between) gets a new view; the old one keeps its length.
    const later = appendShared(unseen, ['c'], createDraft());
    expect(later).not.toBe(unseen);
    expect(unseen.length).toBe(2);
  });

  it('takes plain arrays too, and slice() gives a plain array back for structured cloning', () => {
    const fromPlain = appendShared(['a'], ['b'], undefined);
    expect([...fromPlain]).toEqual(['a', 'b']);
    const plain = appendShared(fromPlain, ['c'], undefined).slice();
    expect(structuredClone(plain)).toEqual(['a', 'b', 'c']);
  });
});
