import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createChatCompletionsClient } from '@completions-kit/core';
import { afterAll, describe, expect, it } from 'vitest';
import { user } from './test-support/servers.ts';

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The CLI from its sources, as `npm start` runs it (the published bin runs the same code compiled).
const cli = ['--conditions=@completions-kit/source', '--import', 'tsx', path.join(packageRoot, 'src/cli.ts')];
const dataDir = mkdtempSync(path.join(tmpdir(), 'ck-durability-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** The real CLI in its own process, on its own PGlite folder. */
async function launch(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [...cli, '--port', '0', '--data-dir', dataDir, '--pace-ms', '0', '--rate-limit', '0'],
    { cwd: packageRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (data: Buffer) => {
      output += data.toString();
      const match = /listening on (http:\/\/\S+\/v1)/.exec(output);
      if (match) resolve(match[1] as string);
    });
    child.stderr?.on('data', (data: Buffer) => {
      output += data.toString();
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
  return { child, url };
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('stored completions survive kill -9', () => {
  it('keeps every acknowledged store, and no half record from writes cut off mid-way', async () => {
    const first = await launch();
    const kit = createChatCompletionsClient({ baseURL: first.url, maxRetries: 0 }).chat.completions;
    const acknowledged: string[] = [];
    const body = (index: number) => ({
      model: 'm',
      messages: user(`durable ${index}`),
      store: true,
      metadata: { run: 'durability' },
      max_completion_tokens: 8,
    });
    for (let index = 0; index < 10; index++) acknowledged.push((await kit.create(body(index))).id);
    const stream = await kit.create({ ...body(10), stream: true });
    acknowledged.push((await stream.finalCompletion()).id);
    // A burst still in flight when the process dies: each is either whole afterwards or absent.
    const inFlight = Array.from({ length: 20 }, (_, index) =>
      kit.create(body(100 + index)).then(
        (completion) => completion.id,
        () => null,
      ),
    );
    // Killed as soon as the first of the burst is answered: the rest are still on their way.
    await Promise.race(inFlight);
    await killHard(first.child);
    const landed = (await Promise.all(inFlight)).filter((id): id is string => id !== null);

    const second = await launch();
    const after = createChatCompletionsClient({ baseURL: second.url, maxRetries: 0 }).chat.completions;
    const found: string[] = [];
    for await (const completion of await after.list({ metadata: { run: 'durability' }, limit: 100 })) {
      found.push(completion.id);
      const whole = await after.retrieve(completion.id);
      expect(whole.choices[0]?.message.content).toEqual(expect.any(String));
      const messages = await after.messages.list(completion.id);
      expect(messages.data[0]?.content).toMatch(/^durable \d+$/);
    }
    for (const id of [...acknowledged, ...landed]) expect(found).toContain(id);
    await killHard(second.child);
  }, 90_000);
});
