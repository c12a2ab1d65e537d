// SSE bytes -> final ChatCompletion, in one process: the floor (decode, split, JSON.parse and nothing
// else), the kit, and the openai package's stream helper. Run: pnpm bench
import OpenAI from 'openai';
import { ChatCompletionStream } from '../packages/core/src/index.ts';

const encoder = new TextEncoder();
const PIECE_BYTES = 1400; // about one TCP segment per network read

function padding(index: number): string {
  return 'abcdefghijklmnop'.slice(0, index % 16);
}

function frame(chunks: object[]): Uint8Array {
  return encoder.encode(`${chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join('')}data: [DONE]\n\n`);
}

const head = {
  id: 'chatcmpl-bench',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'bench',
  service_tier: 'default',
  system_fingerprint: 'fp_bench',
};
const words = ['The', ' quick', ' brown', ' fox', ' jumps', ' over', ' the', ' lazy', ' dog', '.', ' 東京', ' 🙂'];

function logprob(token: string, top: number) {
  const entry = (text: string, value: number) => ({ token: text, logprob: value, bytes: [...encoder.encode(text)] });
  return {
    ...entry(token, -0.25),
    top_logprobs: Array.from({ length: top }, (_, rank) => entry(`${token}${rank}`, -0.25 - rank)),
  };
}

function usageChunk(completion: number) {
  return {
    ...head,
    choices: [],
    usage: { prompt_tokens: 12, completion_tokens: completion, total_tokens: 12 + completion },
    obfuscation: 'xY',
  };
}

/** Content chunk number `index` of choice 0, as the 2026 wire sends it (padding, usage: null). */
function contentChunk(index: number, top: number | null): object {
  const content = words[index % words.length] as string;
  return {
    ...head,
    usage: null,
    obfuscation: padding(index),
    choices: [
      {
        index: 0,
        delta: index === 0 ? { role: 'assistant', content, refusal: null } : { content },
        logprobs: top === null ? null : { content: [logprob(content, top)], refusal: null },
        finish_reason: null,
      },
    ],
  };
}

function textStream(count: number, top: number | null): Uint8Array {
  const chunks: object[] = [];
  for (let index = 0; index < count - 2; index++) chunks.push(contentChunk(index, top));
  chunks.push({ ...head, usage: null, choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }] });
  chunks.push(usageChunk(count - 2));
  return frame(chunks);
}

function twoChoicesWithToolCall(count: number): Uint8Array {
  const chunks: object[] = [];
  const toolChunks = 500;
  const argumentPieces = ['{"city', '":"', 'Edin', 'burgh', '","days', '":', '3', ',"units":"c"', ',"note":"', 'x'];
  chunks.push({
    ...head,
    usage: null,
    choices: [
      {
        index: 1,
        delta: {
          role: 'assistant',
          content: null,
          tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '' } }],
        },
        logprobs: null,
        finish_reason: null,
      },
    ],
  });
  for (let index = 0; index < toolChunks; index++) {
    const piece = index === toolChunks - 1 ? '"}' : (argumentPieces[index % argumentPieces.length] as string);
    chunks.push({
      ...head,
      usage: null,
      obfuscation: padding(index),
      choices: [
        {
          index: 1,
          delta: { tool_calls: [{ index: 0, function: { arguments: piece } }] },
          logprobs: null,
          finish_reason: null,
        },
      ],
    });
  }
  chunks.push({
    ...head,
    usage: null,
    choices: [{ index: 1, delta: {}, logprobs: null, finish_reason: 'tool_calls' }],
  });
  const remaining = count - chunks.length - 2;
  for (let index = 0; index < remaining; index++) chunks.push(contentChunk(index, null));

  chunks.push({ ...head, usage: null, choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }] });
  chunks.push(usageChunk(count));
  return frame(chunks);
}

function body(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + PIECE_BYTES));
      offset += PIECE_BYTES;
    },
  });
}

// Every contender reads the same thing: the body of a fetch Response.
async function floor(bytes: Uint8Array): Promise<number> {
  const reader = (new Response(body(bytes)).body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let parsed = 0;
  while (true) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    const events = buffer.split('\n\n');
    buffer = events.pop() ?? '';
    for (const event of events) {
      const data = event.slice(6);
      if (data !== '[DONE]') {
        JSON.parse(data);
        parsed++;
      }
    }
  }
  return parsed;
}

async function kit(bytes: Uint8Array) {
  return new ChatCompletionStream(new Response(body(bytes))).finalCompletion();
}

/** The kit as a UI reads it: a snapshot handed out every 8 chunks (one frame at ~500 tokens/s). */
async function kitReading(bytes: Uint8Array) {
  const stream = new ChatCompletionStream(new Response(body(bytes)));
  let chunks = 0;
  stream.subscribe(() => {
    if (++chunks % 8 === 0) void stream.snapshot;
  });
  return stream.finalCompletion();
}

async function openaiHelper(bytes: Uint8Array) {
  const client = new OpenAI({
    apiKey: 'bench',
    baseURL: 'http://bench.invalid/v1',
    fetch: async () => new Response(body(bytes), { headers: { 'content-type': 'text/event-stream' } }),
  });
  return client.chat.completions
    .stream({ model: 'bench', messages: [{ role: 'user', content: 'x' }] })
    .finalChatCompletion();
}

/**
 * Medians (or, with `pick = 0`, the fastest runs) of the contenders, run in turns so that drift and
 * noise fall on all of them alike.
 */
async function medians(runs: (() => Promise<unknown>)[], times: number, pick = 0.5): Promise<number[]> {
  const samples: number[][] = runs.map(() => []);
  for (let round = 0; round < times; round++) {
    for (const [position, run] of runs.entries()) {
      const started = performance.now();
      await run();
      samples[position]?.push(performance.now() - started);
    }
  }
  return samples.map((list) => {
    list.sort((a, b) => a - b);
    return list[Math.floor((list.length - 1) * pick + 0.5)] as number;
  });
}

const cases: [string, Uint8Array, number][] = [
  ['plain, 4,000 chunks', textStream(4000, null), 21],
  ['logprobs top 5, 4,000 chunks', textStream(4000, 5), 15],
  ['n = 2, tool call over 500 chunks, 4,000 chunks', twoChoicesWithToolCall(4000), 21],
  ['logprobs top 5, 20,000 chunks', textStream(20000, 5), 7],
];

// The kit and the openai helper must agree on the result before their speed means anything.
type Final = Awaited<ReturnType<typeof kit>>;
function summary(completion: Final): string {
  return JSON.stringify(
    completion.choices.map((choice) => [
      choice.finish_reason,
      choice.message.content,
      choice.message.tool_calls?.map((call) => (call.type === 'function' ? call.function : call.custom)),
      choice.logprobs?.content?.length ?? 0,
    ]),
  );
}
for (const [name, bytes] of cases) {
  const [ours, theirs] = await Promise.all([kit(bytes), openaiHelper(bytes)]);
  if (summary(ours) !== summary(theirs as Final)) throw new Error(`${name}: the kit and the openai helper disagree`);
}

console.log(
  `SSE bytes -> final ChatCompletion (median ms; ${PIECE_BYTES}-byte network reads; Node ${process.version})\n`,
);
console.log(['stream', 'MB', 'floor', 'kit', 'openai', 'kit/floor', 'openai/kit', 'kit µs/chunk'].join('\t'));
const perChunk: number[] = [];
for (const [name, bytes, times] of cases) {
  const contenders = [floor, kit, openaiHelper].map((run) => () => run(bytes));
  await medians(contenders, 2); // warm up
  const chunks = await floor(bytes);
  const [floorMs = 0, kitMs = 0, openaiMs = 0] = await medians(contenders, times);
  perChunk.push((kitMs * 1000) / chunks);
  console.log(
    [
      name,
      (bytes.length / 1e6).toFixed(2),
      floorMs.toFixed(1),
      kitMs.toFixed(1),
      openaiMs.toFixed(1),
      `${(kitMs / floorMs).toFixed(2)}x`,
      `${(openaiMs / kitMs).toFixed(2)}x`,
      ((kitMs * 1000) / chunks).toFixed(2),
    ].join('\t'),
  );
}
const [, logprobs4k, , logprobs20k] = perChunk as [number, number, number, number];
console.log(
  `\nLinearity: µs per chunk at 20,000 / at 4,000 chunks (logprobs) = ${(logprobs20k / logprobs4k).toFixed(2)} (1.0 = linear; quadratic would be ~5)`,
);

// Handed-out snapshots never change, yet reading one must not copy what grew: logprob tokens sit in
// shared append-only views. Both lengths, read and not read, run in the same rounds so that the load
// of a shared machine falls on all four alike and the ratios compare like with like; the fastest of
// the rounds, since on a loaded machine the slow ones measure the neighbours.
console.log('\nReading a snapshot every 8 chunks (as a UI does, once per frame), logprobs top 5, fastest of 9:');
console.log(['stream', 'kit ms', 'kit reading ms', 'reading/kit', 'kit µs/chunk', 'reading µs/chunk'].join('\t'));
const lengths = [cases[1], cases[3]] as [string, Uint8Array, number][];
const readingContenders = lengths.flatMap(([, bytes]) => [kit, kitReading].map((run) => () => run(bytes)));
await medians(readingContenders, 2);
const readingMs = await medians(readingContenders, 9, 0);
const chunkCounts = await Promise.all(lengths.map(([, bytes]) => floor(bytes)));
const plainPerChunk: number[] = [];
const readingPerChunk: number[] = [];
for (const [position, [name]] of lengths.entries()) {
  const kitMs = readingMs[position * 2] ?? 0;
  const readMs = readingMs[position * 2 + 1] ?? 0;
  const chunks = chunkCounts[position] ?? 1;
  plainPerChunk.push((kitMs * 1000) / chunks);
  readingPerChunk.push((readMs * 1000) / chunks);
  console.log(
    [
      name,
      kitMs.toFixed(1),
      readMs.toFixed(1),
      `${(readMs / kitMs).toFixed(2)}x`,
      ((kitMs * 1000) / chunks).toFixed(2),
      ((readMs * 1000) / chunks).toFixed(2),
    ].join('\t'),
  );
}
const verdict = (value: number, target: number) =>
  `${value.toFixed(2)} (target <= ${target}: ${value <= target ? 'met' : 'MISSED'})`;
const [plain4k = 0, plain20k = 0] = plainPerChunk;
const [reading4k = 0, reading20k = 0] = readingPerChunk;
const reading20kRatio = (readingMs[3] ?? 0) / (readingMs[2] ?? 1);
console.log(`Linearity, same rounds: µs per chunk at 20,000 / at 4,000 = ${verdict(plain20k / plain4k, 1.3)}`);
console.log(`Linearity while reading: µs per chunk at 20,000 / at 4,000 = ${verdict(reading20k / reading4k, 1.3)}`);
console.log(`Reading every 8 chunks / not reading, at 20,000 chunks = ${verdict(reading20kRatio, 1.5)}`);
