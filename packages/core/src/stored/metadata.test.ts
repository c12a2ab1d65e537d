import { describe, expect, it } from 'vitest';
import { validateMetadata } from './metadata.ts';

describe('validateMetadata', () => {
  it('accepts the limits exactly and null', () => {
    const sixteen = Object.fromEntries(
      Array.from({ length: 16 }, (_, index) => [`${'k'.repeat(62)}${index}`.slice(-64), 'v'.repeat(512)]),
    );
    expect(validateMetadata(sixteen)).toEqual([]);
    expect(validateMetadata(null)).toEqual([]);
    expect(validateMetadata({})).toEqual([]);
  });

  it('counts characters as people do: an emoji is one', () => {
    expect(validateMetadata({ key: '🙂'.repeat(512) })).toEqual([]);
    expect(validateMetadata({ key: '🙂'.repeat(513) }).map((issue) => issue.reason)).toEqual(['value-too-long']);
  });

  it('lists every problem with its key', () => {
    const issues = validateMetadata({ ['x'.repeat(65)]: 'ok', '': 'empty', number: 5 as unknown as string });
    expect(issues.map((issue) => [issue.key === null ? null : issue.key.slice(0, 3), issue.reason])).toEqual([
      ['xxx', 'key-too-long'],
      ['', 'empty-key'],
      ['num', 'not-a-string'],
    ]);
    expect(
      validateMetadata(Object.fromEntries(Array.from({ length: 17 }, (_, index) => [`k${index}`, 'v'])))[0]?.reason,
    ).toBe('too-many-keys');
    expect(validateMetadata(['a'])[0]?.reason).toBe('not-an-object');
  });
});
