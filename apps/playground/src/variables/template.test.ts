import { describe, expect, it } from 'vitest';
import { buildRequest } from '../request/build-request.ts';
import { defaultDraft, message } from '../state/draft.ts';
import {
  fillTemplate,
  parseTemplate,
  setVariable,
  variableLimits,
  variableNames,
  variableProblems,
  variableRows,
} from './template.ts';

const values = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('prompt variables', () => {
  it('finds names in order of first appearance, with spaces inside the braces allowed', () => {
    expect(variableNames(['Hi {{ name }}, {{city}} and {{name}} again', 'in {{days}} days'])).toEqual([
      'name',
      'city',
      'days',
    ]);
    expect(variableNames(['{{1bad}} {{has space}} {{ok_2}} {single} {{}}'])).toEqual(['ok_2']);
  });

  it('fills values in one pass: a value holding {{other}} is sent as written, never expanded again', () => {
    const filled = fillTemplate('{{a}} and {{b}}', values({ a: '{{b}}', b: 'B' }));
    expect(filled).toBe('{{b}} and B');
  });

  it('keeps \\{{name}} literal (the backslash is dropped) and leaves a name without a value as written', () => {
    expect(fillTemplate('Use \\{{city}} for {{city}}', values({ city: 'Paris' }))).toBe('Use {{city}} for Paris');
    expect(variableNames(['only \\{{escaped}}'])).toEqual([]);
    expect(parseTemplate('a \\{{x}} b')).toEqual([{ kind: 'text', text: 'a {{x}} b' }]);
    expect(fillTemplate('{{missing}}', values({}))).toBe('{{missing}}');
  });

  it('fills the value as plain text: $ patterns, backslashes and markup are not interpreted', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${...} that exported code must not run
    const value = '$& $1 $$ \\n <b>x</b> `${evil}`';
    expect(fillTemplate('[{{v}}]', values({ v: value }))).toBe(`[${value}]`);
  });

  it('lists used names after saved ones, marks unused ones, and keeps order when a value is set', () => {
    const saved = [
      { name: 'old', value: 'x' },
      { name: 'city', value: 'Paris' },
    ];
    expect(variableRows(saved, ['city', 'days'])).toEqual([
      { name: 'old', value: 'x', used: false },
      { name: 'city', value: 'Paris', used: true },
      { name: 'days', value: '', used: true },
    ]);
    expect(setVariable(saved, 'days', '3').map((entry) => entry.name)).toEqual(['old', 'city', 'days']);
    expect(setVariable(saved, 'old', 'y')[0]).toEqual({ name: 'old', value: 'y' });
  });

  it('makes a used name without a value, or with a value over the limit, a field problem', () => {
    const long = 'x'.repeat(variableLimits.value + 1);
    expect(variableProblems([{ name: 'b', value: long }], ['a', 'b'])).toEqual({
      'variable.a': 'Give {{a}} a value.',
      'variable.b': '{{b}} is over 100,000 characters.',
    });
    const many = Array.from({ length: variableLimits.count + 1 }, (_, index) => `v${index}`);
    expect(variableProblems([], many).variables).toMatch(/At most 100 variables/);
  });

  it('is filled into every message text by buildRequest, and an empty value blocks the run', () => {
    const draft = {
      ...defaultDraft(),
      messages: [
        message('system', 'About {{city}}'),
        message('user', 'Weather in {{city}} for {{days}} days?', {
          parts: [{ id: 'p', type: 'image_url' as const, url: 'https://example.com/a.png', detail: 'auto' as const }],
        }),
        message('tool', '{"city":"{{city}}"}', { toolCallId: 'c' }),
      ],
      variables: [
        { name: 'city', value: 'Paris' },
        { name: 'days', value: '' },
      ],
    };
    expect(buildRequest(draft).problems).toEqual({ 'variable.days': 'Give {{days}} a value.' });
    const { body, problems } = buildRequest({ ...draft, variables: setVariable(draft.variables, 'days', '3') });
    expect(problems).toEqual({});
    expect(body.messages[0]).toEqual({ role: 'system', content: 'About Paris' });
    expect(body.messages[1]?.content).toEqual([
      { type: 'text', text: 'Weather in Paris for 3 days?' },
      { type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'auto' } },
    ]);
    expect(body.messages[2]).toEqual({ role: 'tool', tool_call_id: 'c', content: '{"city":"Paris"}' });
    expect(buildRequest(draft, { fill: false }).body.messages[0]).toEqual({
      role: 'system',
      content: 'About {{city}}',
    });
  });
});
