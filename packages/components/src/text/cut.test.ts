import { describe, expect, it } from 'vitest';
import { cutForDisplay } from './cut.ts';

describe('cutForDisplay', () => {
  it('keeps short text whole and says how much of a long one it left out', () => {
    expect(cutForDisplay('short', 10)).toBe('short');
    expect(cutForDisplay('x'.repeat(10_000), 4)).toBe('xxxx… (+9,996 more characters)');
  });

  it('never ends inside a surrogate pair', () => {
    expect(cutForDisplay('ab😀cd', 3)).toBe('ab… (+4 more characters)');
  });
});
