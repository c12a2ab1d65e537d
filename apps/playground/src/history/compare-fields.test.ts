import type { ChatCompletionCreateParams } from '@completions-kit/core';
import { describe, expect, it } from 'vitest';
import { messageText, paramRows } from './compare-fields.ts';

const request = (extra: Partial<ChatCompletionCreateParams>): ChatCompletionCreateParams => ({
  model: 'm',
  messages: [{ role: 'user', content: 'Hi' }],
  ...extra,
});

describe('paramRows', () => {
  it('lists every setting either run sent, marking those that differ and those one run left unset', () => {
    const rows = paramRows(
      request({ temperature: 0.2, seed: 7, tools: [{ type: 'function', function: { name: 'f' } }] }),
      request({ temperature: 1.2, seed: 7 }),
    );
    expect(rows).toEqual([
      { name: 'model', values: ['m', 'm'], differs: false },
      { name: 'seed', values: ['7', '7'], differs: false },
      { name: 'temperature', values: ['0.2', '1.2'], differs: true },
      { name: 'tools', values: ['[{"type":"function","function":{"name":"f"}}]', 'unset'], differs: true },
    ]);
  });
});

describe('messageText', () => {
  it('reads text parts and names the others, whatever the stored shape', () => {
    expect(messageText({ role: 'user', content: [{ type: 'text', text: 'Look' }, { type: 'image_url' }] })).toBe(
      'Look\n[image_url]',
    );
    expect(messageText({ role: 'assistant', content: null })).toBe('');
    expect(messageText(undefined)).toBe('');
  });
});
