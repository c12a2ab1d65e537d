import type { ChatCompletion } from '@completions-kit/core';
import { javascriptLiteral } from './source-literal.ts';

/**
 * A test fixture module that replays a run's recorded answer: `replayFetch` answers any
 * `POST …/chat/completions` with it (JSON, or an event stream when the request asks for
 * `stream: true`), so tests of code that calls the model run offline and always get this answer.
 */
export function replayFixtureModule(completion: ChatCompletion): string {
  const created = new Date(completion.created * 1000);
  const when = Number.isNaN(created.getTime()) ? '' : ` (created ${created.toISOString()})`;
  return `// The answer the completions-kit playground recorded${when}, replayed for tests.
// Use it with the kit's client (or any client that takes a fetch), e.g. in a vitest file:
//
//   import { createChatCompletionsClient } from '@completions-kit/core';
//   import { buildRequest, exampleVariables } from './prompt';
//   import { recordedCompletion, replayFetch } from './prompt.fixture';
//
//   const client = createChatCompletionsClient({ baseURL: 'https://api.openai.com/v1', fetch: replayFetch });
//   const answer = await client.chat.completions.create({ ...buildRequest(exampleVariables), stream: false });
//   expect(answer.choices[0]?.message.content).toBe(recordedCompletion.choices[0]?.message.content);
import type { ChatCompletion, ChatCompletionChunk } from 'openai/resources/chat/completions';

export const recordedCompletion = ${javascriptLiteral(completion, () => '')} as ChatCompletion;

/** The recorded answer as stream chunks: one per choice with its whole message, then usage. */
export function recordedChunks(completion: ChatCompletion = recordedCompletion): ChatCompletionChunk[] {
  const { choices, usage, object: _object, ...rest } = completion;
  const chunks = choices.map((choice) => {
    const { tool_calls, ...message } = choice.message;
    const delta = { ...message, ...(tool_calls ? { tool_calls: tool_calls.map((call, index) => ({ index, ...call })) } : {}) };
    return { ...rest, object: 'chat.completion.chunk', choices: [{ index: choice.index, delta, finish_reason: choice.finish_reason, logprobs: choice.logprobs ?? null }] };
  });
  const tail = usage ? [{ ...rest, object: 'chat.completion.chunk', choices: [], usage }] : [];
  return [...chunks, ...tail] as unknown as ChatCompletionChunk[];
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A fetch stand-in that answers every chat completion with the recorded one. */
export async function replayFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (!url.pathname.endsWith('/chat/completions') || (init?.method ?? 'GET') !== 'POST')
    return json({ error: { message: \`The fixture only answers POST /chat/completions, not \${url.pathname}.\`, type: 'invalid_request_error', param: null, code: 'not_found' } }, 404);
  const request = JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as { stream?: boolean };
  if (!request.stream) return json(recordedCompletion);
  const events = recordedChunks().map((chunk) => \`data: \${JSON.stringify(chunk)}\\n\\n\`).join('');
  return new Response(\`\${events}data: [DONE]\\n\\n\`, { headers: { 'content-type': 'text/event-stream' } });
}
`;
}
