import { describe, expect, it } from 'vitest';
import { jsonFence, prettyJson } from './pretty-json.ts';

describe('JSON answers', () => {
  it('indents an object or array answer, and leaves prose, bare values and broken JSON alone', () => {
    expect(prettyJson(' {"a":1,"b":[true]} ')).toBe('{\n  "a": 1,\n  "b": [\n    true\n  ]\n}');
    expect(prettyJson('[1]')).toBe('[\n  1\n]');
    expect(prettyJson('Hello {"a":1}')).toBeNull();
    expect(prettyJson('42')).toBeNull();
    expect(prettyJson('{"a":')).toBeNull();
    expect(prettyJson(null)).toBeNull();
  });

  it('fences with more backticks than the answer holds, so a string with ``` cannot end the block', () => {
    const pretty = prettyJson('{"code":"```js\\nx\\n```"}') ?? '';
    const fenced = jsonFence(pretty);
    expect(fenced.startsWith('````json\n')).toBe(true);
    expect(fenced.endsWith('\n````')).toBe(true);
    expect(jsonFence('{}')).toBe('```json\n{}\n```');
  });
});
