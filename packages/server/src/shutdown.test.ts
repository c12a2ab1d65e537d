import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliServer, launchCli, stopHard } from './test-support/cli-process.ts';

const folders: string[] = [];
const servers: CliServer[] = [];
afterAll(async () => {
  for (const server of servers) await stopHard(server);
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

async function launch(args: string[], dataDir = mkdtempSync(path.join(tmpdir(), 'ck-shutdown-'))) {
  folders.push(dataDir);
  const server = await launchCli(['--data-dir', dataDir, ...args]);
  servers.push(server);
  return { server, dataDir };
}

interface StreamResult {
  events: string[];
  /** How the body ended: 'end' (the server closed it) or the error the client saw. */
  ending: string;
}

/** Streams a request; calls `onFirst` once the first event has arrived, and resolves with every event. */
async function stream(server: CliServer, body: object, onFirst: () => void): Promise<StreamResult> {
  const response = await fetch(`${server.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'm',
      messages: [{ role: 'user', content: 'Tell me about streams.' }],
      stream: true,
      ...body,
    }),
  });
  expect(response.status).toBe(200);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  let first = false;
  try {
    while (true) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (!first && text.includes('\n\n')) {
        first = true;
        onFirst();
      }
    }
  } catch (error) {
    return { events: eventsOf(text), ending: String((error as Error).cause ?? error) };
  }
  return { events: eventsOf(text), ending: 'end' };
}

const eventsOf = (text: string) =>
  text
    .split('\n\n')
    .filter((block) => block.startsWith('data: '))
    .map((block) => block.slice(6));

// Bans <|endoftext|>, so the model writes until max_tokens: at 30 ms a chunk, a minute of stream.
const long = { max_tokens: 2000, logit_bias: { '199999': -100 } };

describe('SIGTERM drains (real processes)', () => {
  it('a stream still running when the grace ends gets an error event and [DONE], never a bare reset', async () => {
    const { server } = await launch(['--pace-ms', '30', '--shutdown-grace-ms', '300']);
    const result = await stream(server, long, () => server.child.kill('SIGTERM'));
    expect(result.ending).toBe('end');
    expect(result.events.at(-1)).toBe('[DONE]');
    const error = JSON.parse(result.events.at(-2) as string).error;
    expect(error).toMatchObject({ type: 'server_error', code: 'server_shutting_down' });
    expect(error.message).toContain('shutting down');
    expect(await server.exited).toBe(0);
  }, 180_000);

  it('a stored stream that finishes within the grace is whole and stored; new connections are refused meanwhile', async () => {
    const { server, dataDir } = await launch(['--pace-ms', '30', '--shutdown-grace-ms', '60000']);
    let refused = '';
    const result = await stream(server, { store: true, max_tokens: 40, logit_bias: { '199999': -100 } }, () => {
      server.child.kill('SIGTERM');
      // Once the signal is handled, the listening socket is closed: poll until a connection is refused.
      void (async () => {
        while (!refused) {
          refused = await fetch(`${server.origin}/health`).then(
            () => '',
            (error: Error) => String((error.cause as { code?: string })?.code),
          );
        }
      })();
    });
    expect(result.ending).toBe('end');
    expect(result.events.at(-1)).toBe('[DONE]');
    expect(result.events.some((event) => event.includes('"error"'))).toBe(false);
    const chunks = result.events.slice(0, -1).map((event) => JSON.parse(event));
    expect(chunks.at(-1).choices[0].finish_reason).toBe('length');
    expect(await server.exited).toBe(0);
    expect(refused).toBe('ECONNREFUSED');
    const { server: reopened } = await launch(['--pace-ms', '0'], dataDir);
    const stored = await fetch(`${reopened.url}/chat/completions/${chunks[0].id}`);
    expect(stored.status).toBe(200);
    const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    expect((await stored.json()).choices[0].message.content).toBe(text);
  }, 240_000);

  it('a second signal exits at once, without waiting for the stream', async () => {
    const { server } = await launch(['--pace-ms', '30', '--shutdown-grace-ms', '600000']);
    const result = await stream(server, long, () => {
      server.child.kill('SIGTERM');
      const poll = setInterval(() => {
        if (!server.output().includes('a second signal exits at once')) return;
        clearInterval(poll);
        server.child.kill('SIGTERM');
      }, 20);
    });
    expect(await server.exited).toBe(143);
    // Cut by the exit, well before its 2,000 chunks: the second signal did not wait for it.
    expect(result.ending).not.toBe('end');
    expect(result.events.at(-1)).not.toBe('[DONE]');
    expect(result.events.length).toBeLessThan(2000);
  }, 180_000);
});
