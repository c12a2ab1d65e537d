import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PARSED_CHARACTERS, nestingDepth, STREAMING_TAIL, viewArguments, viewInput } from './arguments.ts';

describe('viewArguments', () => {
  it('indents complete JSON and shows partial text as it is while streaming', () => {
    expect(viewArguments('{"city":"Oslo","days":3}', true)).toEqual({
      kind: 'json',
      text: '{\n  "city": "Oslo",\n  "days": 3\n}',
    });
    expect(viewArguments('{"city":"Os', false)).toEqual({ kind: 'partial', text: '{"city":"Os' });
    const long = `{"a":"${'y'.repeat(10_000)}z`;
    const tail = viewArguments(long, false);
    expect(tail.kind).toBe('partial');
    expect(tail.text.endsWith('yz')).toBe(true);
    expect(tail.text.length).toBe(STREAMING_TAIL + 1);
  });

  it('marks invalid JSON and keeps its text', () => {
    expect(viewArguments('{city: Oslo}', true)).toEqual({ kind: 'invalid', text: '{city: Oslo}' });
  });

  it('prints a __proto__ key without touching any prototype', () => {
    const view = viewArguments('{"__proto__":{"polluted":true},"constructor":{"prototype":{"bad":1}}}', true);
    expect(view.kind).toBe('json');
    expect(view.text).toContain('"__proto__"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).bad).toBeUndefined();
  });

  it('refuses to parse what is 10,000 levels deep, or too large', () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    expect(nestingDepth(deep)).toBe(10_000);
    expect(viewArguments(deep, true)).toMatchObject({ kind: 'too-deep', depth: 10_000 });
    const huge = `{"data":"${'x'.repeat(MAX_PARSED_CHARACTERS)}"}`;
    const view = viewArguments(huge, true);
    expect(view.kind).toBe('too-large');
    expect(view.text.length).toBeLessThan(20_000);
  });

  it('does not count brackets inside strings as nesting', () => {
    expect(nestingDepth('{"a":"[[[{{{","b":[1]}')).toBe(2);
    expect(nestingDepth('{"a":"\\"[["}')).toBe(1);
  });
});

describe('viewInput (custom tool input)', () => {
  it('is capped like arguments: its end while streaming, its start when too large', () => {
    const input = 'echo hi; '.repeat(230_000);
    const large = viewInput(input, true);
    expect(large.kind).toBe('too-large');
    expect(large.text.length).toBeLessThan(20_000);
    const streaming = viewInput(input.slice(0, 100_000), false);
    expect(streaming.kind).toBe('partial');
    expect(streaming.text.length).toBeLessThanOrEqual(STREAMING_TAIL + 1);
    expect(viewInput('SELECT 1;', true)).toEqual({ kind: 'json', text: 'SELECT 1;' });
  });

  it('never shows more than a bounded amount, for any input', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.nat(MAX_PARSED_CHARACTERS * 2),
        fc.boolean(),
        (unit, times, complete) => {
          const text = unit.repeat(Math.min(times, Math.floor((MAX_PARSED_CHARACTERS * 2) / Math.max(1, unit.length))));
          expect(viewInput(text, complete).text.length).toBeLessThanOrEqual(MAX_PARSED_CHARACTERS + 1);
        },
      ),
      { numRuns: 30 },
    );
  });
});
