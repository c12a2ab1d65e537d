import { describe, expect, it } from 'vitest';
import { draftFromHash, leftOutOfLink, shareUrl } from '../share/share-url.ts';
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
    for (const [index, entry] of expected.messages.entries())
      expect(actual.messages[index], `message ${index}`).toEqual(entry);
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

describe('share link encode -> decode', () => {
  it('gives back every field but uploads, and names exactly the uploads it leaves out', () => {
    const draft = everyFieldDraft();
    const link = shareUrl(draft, { origin: 'http://127.0.0.1:5173', pathname: '/' });
    const back = draftFromHash(new URL(link).hash);
    expect(leftOutOfLink(draft)).toEqual([
      { message: 3, part: 'uploaded image' },
      { message: 3, part: 'audio audio.wav' },
      { message: 3, part: 'file notes.pdf' },
    ]);
    const expected = withoutIds(draft);
    const user = expected.messages[2];
    if (user) user.parts = user.parts.filter((part) => part.type === 'image_url' && part.url.startsWith('https:'));
    expect(back && withoutIds(back)).toEqual(expected);
    expect(link).not.toContain('notes.pdf');
  });

  it('rebuilds hostile variables from known shapes, bounded', () => {
    const raw = {
      messages: [],
      variables: [{ name: '__proto__', value: 'x' }, { name: 'ok', value: 'v'.repeat(200_000) }, { name: 5 }, 'no'],
    };
    const encoded = btoa(JSON.stringify(raw)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
    const back = draftFromHash(`#prompt=${encoded}`);
    expect(back?.variables.map((entry) => [entry.name, entry.value.length])).toEqual([
      ['__proto__', 1],
      ['ok', 100_000],
    ]);
  });
});
