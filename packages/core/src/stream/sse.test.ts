import { describe, expect, it } from 'vitest';
import { bodyFrom } from '../test-support/fixtures.ts';
import { type EventSourceMessage, readEvents } from './sse.ts';

async function eventsOf(text: string | Uint8Array, cuts: number[] = []) {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const events: EventSourceMessage[] = [];
  await readEvents(bodyFrom(bytes, cuts), (event) => {
    events.push(event);
    return event.data === '[DONE]' ? true : undefined;
  });
  return events.map((event) => (event.event ? `${event.event}:${event.data}` : event.data));
}

describe('readEvents', () => {
  it('reads LF, CRLF and CR framed events alike', async () => {
    expect(await eventsOf('data: a\n\ndata: b\n\n')).toEqual(['a', 'b']);
    expect(await eventsOf('data: a\r\n\r\ndata: b\r\n\r\n')).toEqual(['a', 'b']);
    expect(await eventsOf('data: a\r\rdata: b\r\r')).toEqual(['a', 'b']);
  });

  it('keeps a CRLF split between two reads as one line end', async () => {
    const text = 'data: a\r\n\r\ndata: b\r\n\r\n';
    for (let offset = 1; offset < text.length; offset++) {
      expect(await eventsOf(text, [offset])).toEqual(['a', 'b']);
    }
  });

  it('skips a leading BOM, even split across reads', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('data: a\n\n')]);
    expect(await eventsOf(bytes)).toEqual(['a']);
    expect(await eventsOf(bytes, [1, 2])).toEqual(['a']);
  });

  it('ignores comments and keep-alives', async () => {
    expect(await eventsOf(': keep-alive\n\ndata: a\n\n:\n\n: OPENROUTER PROCESSING\n\ndata: b\n\n')).toEqual([
      'a',
      'b',
    ]);
  });

  it('delivers a last event that lacks its blank line', async () => {
    expect(await eventsOf('data: a\n\ndata: b')).toEqual(['a', 'b']);
    expect(await eventsOf('data: a\n\ndata: b\n')).toEqual(['a', 'b']);
  });

  it('joins multi-line data and keeps the event name', async () => {
    expect(await eventsOf('event: error\ndata: {"a":\ndata: 1}\n\n')).toEqual(['error:{"a":\n1}']);
  });

  it('stops reading at [DONE] and cancels the rest of the body', async () => {
    let cancelled = false;
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('data: a\n\ndata: [DONE]\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    const seen: string[] = [];
    await readEvents(body, (event) => {
      seen.push(event.data);
      return event.data === '[DONE]' ? true : undefined;
    });
    expect(seen).toEqual(['a', '[DONE]']);
    expect(cancelled).toBe(true);
  });

  it('fails with the given error when the body goes quiet', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('data: a\n\n'));
      },
    });
    const seen: string[] = [];
    const reading = readEvents(
      body,
      (event) => {
        seen.push(event.data);
        return undefined;
      },
      { idleTimeoutMs: 50, onIdle: () => new Error('quiet') },
    );
    await expect(reading).rejects.toThrow('quiet');
    expect(seen).toEqual(['a']);
  });
});
