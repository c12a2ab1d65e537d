import { describe, expect, it } from 'vitest';
import { defaultDraft, message } from '../state/draft.ts';
import { variantRequest } from './variant-column.tsx';
import {
  add,
  duplicate,
  editField,
  MAX_VARIANTS,
  nextName,
  noneSynced,
  remove,
  setMessages,
  setSync,
  type Variant,
  variantFrom,
} from './variants.ts';

const draftParams = { model: 'ck-local-ngram', temperature: '0.2', max_completion_tokens: '40', stream: true };

function three(): Variant[] {
  return ['A', 'B', 'C'].map((name) => variantFrom(draftParams, name));
}

describe('variants', () => {
  it('take the compared fields from the draft and nothing else', () => {
    const variant = variantFrom(draftParams, 'A');
    expect(variant.params).toEqual({ model: 'ck-local-ngram', temperature: '0.2', max_completion_tokens: '40' });
    expect(variant.connection).toBe('current');
  });

  it('change one variant when its section is not synced', () => {
    const variants = three();
    const edited = editField(variants, noneSynced, variants[1]?.id ?? '', 'temperature', '1.4');
    expect(edited.map((variant) => variant.params.temperature)).toEqual(['0.2', '1.4', '0.2']);
  });

  it('change every variant when the section is synced, and only that section', () => {
    const variants = three();
    const synced = { ...noneSynced, sampling: true };
    const id = variants[2]?.id ?? '';
    const sampled = editField(variants, synced, id, 'temperature', '0.9');
    expect(sampled.map((variant) => variant.params.temperature)).toEqual(['0.9', '0.9', '0.9']);
    const lengthened = editField(sampled, synced, id, 'max_completion_tokens', '7');
    expect(lengthened.map((variant) => variant.params.max_completion_tokens)).toEqual(['40', '40', '7']);
  });

  it('treat the connection as part of the Model section', () => {
    const variants = three();
    const one = editField(variants, noneSynced, variants[0]?.id ?? '', 'connection', 'proxy');
    expect(one.map((variant) => variant.connection)).toEqual(['proxy', 'current', 'current']);
    const all = editField(variants, { ...noneSynced, model: true }, variants[0]?.id ?? '', 'connection', 'proxy');
    expect(all.map((variant) => variant.connection)).toEqual(['proxy', 'proxy', 'proxy']);
  });

  it('make every variant agree with the first when a section is synced, dropping fields the first lacks', () => {
    const variants = three();
    const differing = editField(
      editField(variants, noneSynced, variants[1]?.id ?? '', 'seed', '5'),
      noneSynced,
      variants[2]?.id ?? '',
      'temperature',
      '1.9',
    );
    const { variants: synced, synced: flags } = setSync(differing, noneSynced, 'sampling', true);
    expect(flags.sampling).toBe(true);
    expect(synced.map((variant) => [variant.params.temperature, variant.params.seed])).toEqual([
      ['0.2', undefined],
      ['0.2', undefined],
      ['0.2', undefined],
    ]);
    expect(setSync(synced, flags, 'sampling', false).variants).toBe(synced);
  });

  it('give new and duplicated variants unused names and the synced sections of the first', () => {
    const variants = three();
    const synced = { ...noneSynced, sampling: true };
    const edited = editField(variants, synced, variants[0]?.id ?? '', 'temperature', '1.1');
    const added = add(edited, synced, { ...draftParams, temperature: '0.0', max_completion_tokens: '9' });
    expect(added.at(-1)?.name).toBe('D');
    expect(added.at(-1)?.params.temperature).toBe('1.1');
    expect(added.at(-1)?.params.max_completion_tokens).toBe('9');
    const copied = duplicate(remove(added, added[1]?.id ?? ''), added[0]?.id ?? '');
    expect(copied.map((variant) => variant.name)).toEqual(['A', 'B', 'C', 'D']);
    expect(nextName(copied)).toBe('E');
  });

  it('stop at the most variants allowed and never remove the last one', () => {
    let variants = [variantFrom(draftParams, 'A')];
    for (let index = 0; index < MAX_VARIANTS + 3; index++) variants = add(variants, noneSynced, draftParams);
    expect(variants).toHaveLength(MAX_VARIANTS);
    expect(new Set(variants.map((variant) => variant.name)).size).toBe(MAX_VARIANTS);
    expect(duplicate(variants, variants[0]?.id ?? '')).toBe(variants);
    const single = [variantFrom(draftParams, 'A')];
    expect(remove(single, single[0]?.id ?? '')).toBe(single);
  });

  it('send their own messages, one variant or (synced) all, each with its own copy', () => {
    const variants = three();
    const id = variants[1]?.id ?? '';
    const own = { from: 'own', list: [message('system', 'Answer in French.'), message('user', 'Hi')] };
    const one = setMessages(variants, noneSynced, id, own);
    expect(one.map((variant) => variant.messages?.list[0]?.text ?? null)).toEqual([null, 'Answer in French.', null]);
    const draft = defaultDraft();
    const sent = (variant: Variant | undefined) =>
      (variantRequest(draft, variant as Variant).body.messages as { content: unknown }[]).map((entry) => entry.content);
    expect(sent(one[0])).toEqual(['How does a readable stream hand data to its reader?']);
    expect(sent(one[1])).toEqual(['Answer in French.', 'Hi']);
    const all = setMessages(variants, { ...noneSynced, messages: true }, id, own);
    expect(all.every((variant) => variant.messages?.list[0]?.text === 'Answer in French.')).toBe(true);
    expect(all[0]?.messages?.list).not.toBe(all[1]?.messages?.list);
    // Back to the composer's messages.
    expect(setMessages(one, noneSynced, id, null)[1]?.messages).toBeNull();
  });

  it("copy the first variant's messages to all when Messages is synced, and to a new or duplicated one", () => {
    const variants = setMessages(three(), noneSynced, three()[0]?.id ?? '', null);
    const first = variants[0]?.id ?? '';
    const withOwn = setMessages(variants, noneSynced, first, { from: 'saved:Bot:2', list: [message('system', 'v2')] });
    const synced = setSync(withOwn, noneSynced, 'messages', true);
    expect(synced.variants.map((variant) => variant.messages?.from)).toEqual([
      'saved:Bot:2',
      'saved:Bot:2',
      'saved:Bot:2',
    ]);
    const added = add(synced.variants, synced.synced, draftParams);
    expect(added.at(-1)?.messages?.list[0]?.text).toBe('v2');
    const copied = duplicate(withOwn, first);
    expect(copied[1]?.messages?.from).toBe('saved:Bot:2');
    expect(copied[1]?.messages?.list).not.toBe(copied[0]?.messages?.list);
  });
});
