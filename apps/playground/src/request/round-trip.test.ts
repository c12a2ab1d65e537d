import { describe, expect, it } from 'vitest';
import { buildRequest } from './build-request.ts';
import { draftFromRequest } from './draft-from-request.ts';
import { everyFieldDraft, withoutIds } from './every-field.fixture.ts';
import { paramSpecs } from './param-spec.ts';

describe('draft -> request -> draft', () => {
  it('the fixture sets every parameter the composer offers, and builds without a problem', () => {
    const draft = everyFieldDraft();
    for (const spec of paramSpecs) expect(draft.params, spec.name).toHaveProperty(spec.name);
    expect(buildRequest(draft).problems).toEqual({});
  });

  it('gives back every field, field by field, from the unfilled body and the variable values', () => {
    const draft = everyFieldDraft();
    const { body } = buildRequest(draft, { fill: false });
    const back = draftFromRequest(body, draft.variables);
    const expected = withoutIds(draft);
    const actual = withoutIds(back);
    expected.messages.forEach((entry, index) => expect(actual.messages[index], `message ${index}`).toEqual(entry));
    for (const [name, value] of Object.entries(expected.params))
      expect(actual.params[name], `params.${name}`).toEqual(value);
    expect(actual.tools).toEqual(expected.tools);
    expect(actual.toolChoice).toBe(expected.toolChoice);
    expect(actual.responseFormat).toEqual(expected.responseFormat);
    expect(actual.variables).toEqual(expected.variables);
    expect(actual).toEqual(expected);
  });

  it('builds the same body again from the filled request (what Logs and History reopen)', () => {
    const { body } = buildRequest(everyFieldDraft());
    expect(buildRequest(draftFromRequest(body)).body).toEqual(body);
  });
});
