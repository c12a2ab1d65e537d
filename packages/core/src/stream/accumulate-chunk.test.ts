import { describe, expect, it } from 'vitest';
import type { ChatCompletionSnapshot, WireChunk } from '../types.ts';
import { accumulateChunk, createDraft } from './accumulate-chunk.ts';
import { finalizeSnapshot } from './finalize.ts';

const base = { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'm' };

function chunk(choices: unknown[], extra: Record<string, unknown> = {}): WireChunk {
  return { ...base, choices, ...extra } as WireChunk;
}

function fold(chunks: WireChunk[]): ChatCompletionSnapshot {
  let snapshot: ChatCompletionSnapshot | undefined;
  for (const item of chunks) snapshot = accumulateChunk(snapshot, item);
  return snapshot as ChatCompletionSnapshot;
}

const token = (text: string) => ({
  token: text,
  logprob: -0.5,
  bytes: [...new TextEncoder().encode(text)],
  top_logprobs: [],
});

describe('accumulateChunk', () => {
  it('leaves an untouched choice the same object, so its views can skip rendering', () => {
    const first = fold([
      chunk([{ index: 0, delta: { role: 'assistant', content: 'a' }, finish_reason: null }]),
      chunk([{ index: 1, delta: { role: 'assistant', content: 'x' }, finish_reason: null }]),
    ]);
    const next = accumulateChunk(first, chunk([{ index: 1, delta: { content: 'y' }, finish_reason: null }]));
    expect(next).not.toBe(first);
    expect(next.choices[0]).toBe(first.choices[0]);
    expect(next.choices[1]).not.toBe(first.choices[1]);
    expect(next.choices[1]?.message.content).toBe('xy');
    expect(first.choices[1]?.message.content).toBe('x');
  });

  it('orders interleaved choices by index whatever order they start in', () => {
    const snapshot = fold([
      chunk([{ index: 2, delta: { content: 'c' }, finish_reason: null }]),
      chunk([{ index: 0, delta: { content: 'a' }, finish_reason: null }]),
      chunk([{ index: 1, delta: { content: 'b' }, finish_reason: null }]),
    ]);
    expect(snapshot.choices.map((choice) => choice.message.content)).toEqual(['a', 'b', 'c']);
  });

  it('appends logprobs without changing a snapshot handed out, and never into the chunk it was given', () => {
    const logprobChunk = (text: string) =>
      chunk([{ index: 0, delta: { content: text }, logprobs: { content: [token(text)], refusal: null } }]);
    const firstChunk = logprobChunk('a');
    let draft = createDraft();
    const one = accumulateChunk(undefined, firstChunk, draft);
    const unseen = one.choices[0]?.logprobs?.content;
    // Nobody saw `one` yet: the draft's array takes the next token in place (O(1) per token).
    const two = accumulateChunk(one, logprobChunk('b'), draft);
    expect(two.choices[0]?.logprobs?.content).toBe(unseen);
    // `two` is handed out: the next token goes into a copy, and `two` keeps its two tokens for good.
    draft = createDraft();
    const three = accumulateChunk(two, logprobChunk('c'), draft);
    const four = accumulateChunk(three, logprobChunk('d'), draft);
    expect(two.choices[0]?.logprobs?.content?.map((item) => item.token)).toEqual(['a', 'b']);
    expect(four.choices[0]?.logprobs?.content?.map((item) => item.token)).toEqual(['a', 'b', 'c', 'd']);
    expect(firstChunk.choices?.[0]?.logprobs?.content).toHaveLength(1);
    // The pure fold without a draft never writes into its input either.
    const pure = accumulateChunk(four, logprobChunk('e'));
    expect(four.choices[0]?.logprobs?.content).toHaveLength(4);
    expect(pure.choices[0]?.logprobs?.content).toHaveLength(5);
  });

  it('merges tool calls by index and, without an index (Azure AI Inference), by id', () => {
    const byIndex = fold([
      chunk([
        {
          index: 0,
          delta: { tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'f', arguments: '' } }] },
        },
      ]),
      chunk([
        {
          index: 0,
          delta: {
            tool_calls: [{ index: 1, id: 'call_2', type: 'function', function: { name: 'g', arguments: '{"b"' } }],
          },
        },
      ]),
      chunk([{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '{"a":1}' } }] } }]),
      chunk([{ index: 0, delta: { tool_calls: [{ index: 1, function: { arguments: ':2}' } }] } }]),
    ]);
    expect(byIndex.choices[0]?.message.tool_calls).toEqual([
      { index: 0, id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } },
      { index: 1, id: 'call_2', type: 'function', function: { name: 'g', arguments: '{"b":2}' } },
    ]);
    const withoutIndex = fold([
      chunk([{ index: 0, delta: { tool_calls: [{ id: 'call_1', function: { name: 'f', arguments: '{"a"' } }] } }]),
      chunk([{ index: 0, delta: { tool_calls: [{ function: { arguments: ':1}' } }] } }]),
      chunk([{ index: 0, delta: { tool_calls: [{ id: 'call_2', function: { name: 'g', arguments: '{}' } }] } }]),
    ]);
    const calls = finalizeSnapshot(withoutIndex).choices[0]?.message.tool_calls;
    expect(calls).toEqual([
      { id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } },
      { id: 'call_2', type: 'function', function: { name: 'g', arguments: '{}' } },
    ]);
  });

  it('concatenates the legacy function_call and infers its finish reason if none came', () => {
    const snapshot = fold([
      chunk([
        { index: 0, delta: { role: 'assistant', content: null, function_call: { name: 'lookup', arguments: '' } } },
      ]),
      chunk([{ index: 0, delta: { function_call: { arguments: '{"q":' } } }]),
      chunk([{ index: 0, delta: { function_call: { arguments: '"x"}' } } }]),
    ]);
    const final = finalizeSnapshot(snapshot);
    expect(final.choices[0]?.message.function_call).toEqual({ name: 'lookup', arguments: '{"q":"x"}' });
    expect(final.choices[0]?.finish_reason).toBe('function_call');
  });

  it('appends streamed url_citation annotations instead of replacing them', () => {
    const citation = (url: string, start: number) => ({
      type: 'url_citation',
      url_citation: { url, title: url, start_index: start, end_index: start + 5 },
    });
    const snapshot = fold([
      chunk([{ index: 0, delta: { content: 'one two', annotations: [citation('https://a.example', 0)] } }]),
      chunk([{ index: 0, delta: { annotations: [citation('https://b.example', 4)] } }]),
    ]);
    expect(snapshot.choices[0]?.message.annotations?.map((item) => item.url_citation.url)).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
  });

  it('takes usage from whichever chunk carries it, even when every chunk does (vLLM continuous usage)', () => {
    const usage = (completion: number) => ({
      prompt_tokens: 3,
      completion_tokens: completion,
      total_tokens: 3 + completion,
    });
    const snapshot = fold([
      chunk([{ index: 0, delta: { content: 'a' } }], { usage: usage(1) }),
      chunk([{ index: 0, delta: { content: 'b' } }], { usage: null }),
      chunk([{ index: 0, delta: { content: 'c' } }], { usage: usage(3) }),
    ]);
    expect(snapshot.usage?.completion_tokens).toBe(3);
  });

  it('keeps provider keys, drops obfuscation, and ignores the identity of an id-less Azure chunk', () => {
    const snapshot = fold([
      chunk([{ index: 0, delta: { content: 'hi' } }], {
        obfuscation: 'Zx9',
        service_tier: 'default',
        prompt_filter_results: [{ prompt_index: 0 }],
      }),
      {
        id: '',
        object: '',
        created: 0,
        model: '',
        choices: [{ index: 0, finish_reason: null, content_filter_results: {} }],
      },
    ]);
    expect(snapshot.id).toBe('chatcmpl-1');
    expect(snapshot.model).toBe('m');
    expect(snapshot.service_tier).toBe('default');
    expect(snapshot.prompt_filter_results).toEqual([{ prompt_index: 0 }]);
    expect(snapshot).not.toHaveProperty('obfuscation');
    expect(snapshot.choices[0]?.content_filter_results).toEqual({});
  });

  it('merges audio pieces and treats an audio stream without finish_reason as stopped', () => {
    const snapshot = fold([
      chunk([{ index: 0, delta: { audio: { id: 'audio_1', transcript: 'Hel' } } }]),
      chunk([{ index: 0, delta: { audio: { transcript: 'lo' } } }]),
      chunk([{ index: 0, delta: { audio: { data: 'AAAA' } } }]),
      { ...base, usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 }, choices: [] } as WireChunk,
      { ...base } as WireChunk,
      chunk([{ index: 0, delta: { audio: { data: 'BBBB', expires_at: 99 } } }]),
    ]);
    const final = finalizeSnapshot(snapshot);
    expect(final.choices[0]?.message.audio).toEqual({
      id: 'audio_1',
      transcript: 'Hello',
      data: 'AAAABBBB',
      expires_at: 99,
    });
    expect(final.choices[0]?.finish_reason).toBe('stop');
    expect(final.usage?.total_tokens).toBe(3);
  });

  it('streams custom tool calls and strips the stream index on finalize', () => {
    const snapshot = fold([
      chunk([
        {
          index: 0,
          delta: { tool_calls: [{ index: 0, id: 'call_c', type: 'custom', custom: { name: 'run', input: 'pri' } }] },
        },
      ]),
      chunk([
        { index: 0, delta: { tool_calls: [{ index: 0, custom: { input: 'nt(1)' } }] }, finish_reason: 'tool_calls' },
      ]),
    ]);
    expect(finalizeSnapshot(snapshot).choices[0]?.message.tool_calls).toEqual([
      { id: 'call_c', type: 'custom', custom: { name: 'run', input: 'print(1)' } },
    ]);
  });

  it('with a draft, folds unseen chunks in place and never changes a snapshot once handed out', () => {
    let draft = createDraft();
    const one = accumulateChunk(undefined, chunk([{ index: 0, delta: { role: 'assistant', content: 'a' } }]), draft);
    const two = accumulateChunk(one, chunk([{ index: 0, delta: { content: 'b' } }]), draft);
    // Nobody has seen `one` yet: the draft reuses it instead of copying.
    expect(two).toBe(one);
    const handedOut = two;
    const handedOutMessage = two.choices[0]?.message;
    draft = createDraft();
    const three = accumulateChunk(
      handedOut,
      chunk([
        {
          index: 0,
          delta: { content: 'c', tool_calls: [{ index: 0, id: 'call', function: { name: 'f', arguments: '{' } }] },
        },
      ]),
      draft,
    );
    const four = accumulateChunk(
      three,
      chunk([{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '}' } }] } }]),
      draft,
    );
    expect(four).not.toBe(handedOut);
    expect(handedOut.choices[0]?.message).toBe(handedOutMessage);
    expect(handedOut.choices[0]?.message.content).toBe('ab');
    expect(handedOut.choices[0]?.message.tool_calls).toBeUndefined();
    expect(four.choices[0]?.message.content).toBe('abc');
    const seen = four.choices[0]?.message.tool_calls?.[0];
    draft = createDraft();
    const five = accumulateChunk(
      four,
      chunk([{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: ' ' } }] } }]),
      draft,
    );
    expect(seen).toEqual({ index: 0, id: 'call', type: 'function', function: { name: 'f', arguments: '{}' } });
    expect(five.choices[0]?.message.tool_calls?.[0]).toMatchObject({ function: { arguments: '{} ' } });
  });
});
