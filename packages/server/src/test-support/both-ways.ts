import { type ChatCompletion, ChatCompletionStream } from '@completions-kit/core';
import { expect } from 'vitest';
import type { RunningServer } from '../start-server.ts';
import { openaiFor } from './servers.ts';
import { specErrors } from './spec.ts';

export interface BothWays {
  /** The non-streamed response, read by the official openai client. */
  completion: ChatCompletion;
  /** The raw chunks of the streamed response to the same request. */
  chunks: Record<string, unknown>[];
  /** What the kit's accumulator made of those chunks. */
  accumulated: ChatCompletion;
}

/** Sends one request twice, plain and streamed, with the same seed. */
export async function bothWays(server: RunningServer, body: Record<string, unknown>): Promise<BothWays> {
  const request = { model: 'ck-local-ngram', seed: 11, ...body };
  const completion = (await openaiFor(server).chat.completions.create(request as never)) as unknown as ChatCompletion;
  const response = await fetch(`${server.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...request, stream: true, stream_options: { include_usage: true } }),
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const events = new TextDecoder().decode(bytes).split('\n\n').filter(Boolean);
  expect(events.at(-1)).toBe('data: [DONE]');
  const chunks = events.slice(0, -1).map((event) => JSON.parse(event.replace(/^data: /, '')));
  const accumulated = await new ChatCompletionStream(new Response(bytes)).finalCompletion();
  return { completion, chunks, accumulated };
}

/** Ids and expiry times are fresh on every request; everything else must match. */
function comparable(completion: ChatCompletion): unknown {
  return {
    usage: completion.usage,
    choices: completion.choices.map((choice) => {
      const message = { ...choice.message } as Record<string, unknown>;
      // A non-streamed message always lists annotations; a stream sends them only when there are some.
      if (Array.isArray(message.annotations) && message.annotations.length === 0) delete message.annotations;
      if (choice.message.tool_calls) message.tool_calls = choice.message.tool_calls.map(({ id: _id, ...call }) => call);
      if (choice.message.audio) {
        const { id: _id, expires_at: _expires, ...audio } = choice.message.audio;
        message.audio = audio;
      }
      return { ...choice, message };
    }),
  };
}

/** The accumulator rebuilt the non-streamed answer from the stream: content, calls, annotations, audio, logprobs, usage. */
export function expectSameAnswer({ completion, accumulated }: BothWays): void {
  expect(comparable(accumulated)).toEqual(comparable(completion));
}

/**
 * Spec problems of a chunk, apart from the real API's documented departures (chat-schemas.md §7):
 * custom tool-call deltas, and the audio `expires_at` chunk that has no finish_reason.
 */
export function chunkSpecErrors(chunk: Record<string, unknown>): string[] {
  const errors = specErrors('CreateChatCompletionStreamResponse', chunk);
  const choices = chunk.choices as { delta?: Record<string, unknown> }[];
  const custom = choices.some((choice) =>
    (choice.delta?.tool_calls as { type?: string; custom?: unknown }[] | undefined)?.some((call) => call.custom),
  );
  const audioTrailer = choices.some((choice) => !('finish_reason' in choice));
  return errors.filter(
    (error) => !(custom && /tool_calls\/0/.test(error)) && !(audioTrailer && /finish_reason|logprobs/.test(error)),
  );
}
