import type { ChatCompletionsClient, Metadata } from '@completions-kit/core';
import { MAX_ROWS, type Table } from './dataset-parse.ts';

const textOf = (content: unknown): string =>
  typeof content === 'string'
    ? content
    : Array.isArray(content)
      ? content.map((part) => (part && typeof part === 'object' && 'text' in part ? String(part.text) : '')).join('')
      : '';

/** `key=value` lines as metadata; a line without `=` is refused by its number. */
export function parseMetadataFilter(text: string): Metadata {
  const metadata: Record<string, string> = Object.create(null);
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const at = line.indexOf('=');
    if (at < 1) throw new Error(`Line ${index + 1}: “${line}” is not key=value.`);
    metadata[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return metadata;
}

/**
 * Stored completions that carry every pair of `metadata`, as rows: the last user message is `input`,
 * the answer `expected`. Reads page after page, oldest first, up to the row limit; `more` says that
 * more completions matched than the limit took.
 */
export async function rowsFromStored(
  client: ChatCompletionsClient,
  metadata: Metadata,
  signal?: AbortSignal,
  limit = MAX_ROWS,
): Promise<Table & { more?: boolean }> {
  const rows: string[][] = [];
  let after: string | undefined;
  do {
    const page = await client.chat.completions.list({ metadata, limit: 100, order: 'asc', after }, { signal });
    for (const [index, completion] of page.data.entries()) {
      const messages = await client.chat.completions.messages.list(
        completion.id,
        { limit: 100, order: 'desc' },
        { signal },
      );
      const lastUser = messages.data.find((message) => (message.role as string) === 'user');
      rows.push([textOf(lastUser?.content), textOf(completion.choices[0]?.message.content)]);
      // At the limit, whether more completions match is said, never left out in silence.
      if (rows.length === limit)
        return { columns: ['input', 'expected'], rows, more: index < page.data.length - 1 || page.has_more };
    }
    after = page.has_more ? (page.data.at(-1)?.id ?? undefined) : undefined;
  } while (after);
  return { columns: ['input', 'expected'], rows };
}
