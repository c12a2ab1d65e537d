// @vitest-environment node
// Every exported component renders to HTML in plain Node, as in a Next.js or Remix server render:
// no window, no document. A new exported component without an entry here fails the last test.
import type { ChatCompletion } from '@completions-kit/core';
import type { ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import logprobs from './fixtures/local-logprobs.json';
import webSearch from './fixtures/local-web-search.json';
import { storedRecording, storedRows } from './fixtures/stored-rows.ts';
import * as components from './index.ts';

const search = webSearch.response as unknown as ChatCompletion;
const searchMessage = search.choices[0]?.message as ChatCompletion['choices'][number]['message'];
const tokens = (logprobs.response as unknown as ChatCompletion).choices[0]?.logprobs?.content ?? [];
const stored = storedRecording('plain');
const span = components.citationSpans(searchMessage.content ?? '', searchMessage.annotations)[0];

const props: Record<string, object> = {
  AudioOutput: { audio: { id: 'audio_1', transcript: 'Hello there.', data: '' }, format: 'pcm16' },
  Choices: { choices: search.choices },
  CitationMarker: { span },
  CitedText: { text: searchMessage.content, annotations: searchMessage.annotations },
  Sources: { text: searchMessage.content, annotations: searchMessage.annotations },
  TokenLogprobs: { tokens },
  CodeBlock: { code: 'const answer = 42;', language: 'ts', final: true },
  Markdown: { text: '# Title\n\nSome **bold** text and [a link](https://example.com).\n\n```ts\nlet x = 1;\n```' },
  AudioInputContent: { part: { type: 'input_audio', input_audio: { data: '', format: 'wav' } } },
  FileContent: { part: { type: 'file', file: { filename: 'notes.pdf' } } },
  ImageContent: { part: { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } } },
  Message: { message: searchMessage, finishReason: 'stop' },
  MessageLabelsProvider: { labels: { writing: 'Schreibt…' }, children: <p>A part of a message</p> },
  DeleteStored: { label: 'this stored completion', onDelete: () => undefined },
  MetadataEditor: { metadata: { project: 'docs' }, onSave: () => undefined },
  StoredDetail: { completion: stored.completion, messages: stored.messages },
  StoredFilters: { value: {}, onChange: () => undefined },
  StoredTable: { items: storedRows(30) },
  ToolCall: { call: { id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"q":"tea"}' } } },
  UsageView: { completion: search },
};

// Components are the exports named in PascalCase that React can render: functions and
// forwardRef/memo objects.
const exported = Object.entries(components).filter(
  ([name, value]) =>
    /^[A-Z][a-z]/.test(name) &&
    (typeof value === 'function' || (typeof value === 'object' && value !== null && '$$typeof' in value)),
) as [string, ComponentType<object>][];

describe('server rendering (react-dom/server in Node)', () => {
  it('runs without a DOM', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it.each(exported)('%s renders to HTML', (name, Component) => {
    const html = renderToString(<Component {...(props[name] as object)} />);
    expect(html.length).toBeGreaterThan(0);
    expect(html).toMatch(/^</);
  });

  it('has props for every exported component', () => {
    expect(exported.map(([name]) => name).sort()).toEqual(Object.keys(props).sort());
  });
});
