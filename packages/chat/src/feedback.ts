import type { FeedbackValue } from '@completions-kit/components/chat';
import type { ChatCompletionsClient } from '@completions-kit/core';

/**
 * The reader's verdict in a stored completion's metadata, as `feedback: up | down` (removed when
 * taken back), the rest of its metadata kept: an update replaces the whole map, so it is read first.
 * Resolves false when the completion cannot be read or written (not stored, the server down).
 */
export async function writeFeedback(client: ChatCompletionsClient, id: string, value: FeedbackValue): Promise<boolean> {
  try {
    const stored = await client.chat.completions.retrieve(id);
    const { feedback: _previous, ...rest } = (stored.metadata ?? {}) as Record<string, string>;
    await client.chat.completions.update(id, { metadata: value ? { ...rest, feedback: value } : rest });
    return true;
  } catch {
    return false;
  }
}
