import { rememberInfo, type Sent } from '../client/request.ts';
import { ChatCompletionStream } from './chat-completion-stream.ts';

/**
 * The stream a streamed `create` resolves to. The client imports this module lazily, and nothing
 * else imports it, so bundlers give it a chunk of its own: an app that streams has the stream
 * reader already (the hooks import it statically) and an app that only browses stored completions
 * never loads it.
 */
export function openStream(sent: Sent, signal: AbortSignal | undefined, idleTimeoutMs: number | undefined) {
  const stream = new ChatCompletionStream(sent.response, {
    controller: sent.controller,
    idleTimeoutMs,
    startedAt: sent.startedAt,
  });
  signal?.addEventListener('abort', () => stream.abort(), { once: true });
  return rememberInfo(stream, sent.info);
}
