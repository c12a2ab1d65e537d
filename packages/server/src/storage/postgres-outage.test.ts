import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PostgresCluster, postgresBinaries, startPostgresCluster } from '../test-support/postgres-cluster.ts';

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = ['--conditions=@completions-kit/source', '--import', 'tsx', path.join(packageRoot, 'src/cli.ts')];
const bin = postgresBinaries();
if (!bin && process.env.CI) throw new Error('PostgreSQL binaries are required under CI (apt-get install postgresql)');
if (!bin) console.warn('No PostgreSQL binaries (/usr/lib/postgresql/*/bin or PG_BIN): the outage test is skipped.');

/**
 * Waits for a condition the load makes true, with a generous ceiling instead of a fixed sleep; stops at
 * once when `broken` names a failure (the server gone, an unexpected answer).
 */
async function until(what: string, condition: () => boolean, broken: () => string | null): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (!condition()) {
    const failure = broken();
    if (failure) throw new Error(`while waiting for ${what}: ${failure}`);
    if (Date.now() > deadline) throw new Error(`gave up waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The real CLI in its own process: an unhandled driver error would end it, as it did before. */
async function launch(databaseUrl: string): Promise<{ child: ChildProcess; origin: string; output: () => string }> {
  const args = [...cli, '--port', '0', '--database-url', databaseUrl, '--pace-ms', '0', '--rate-limit', '0'];
  const child = spawn(process.execPath, args, { cwd: packageRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const origin = await new Promise<string>((resolve, reject) => {
    const read = (data: Buffer) => {
      output += data.toString();
      const match = /listening on (http:\/\/\S+)\/v1/.exec(output);
      if (match) resolve(match[1] as string);
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
  return { child, origin, output: () => output };
}

interface Load {
  acknowledged: string[];
  /** When each write was acknowledged (Date.now()), in the same order. */
  acknowledgedAt: number[];
  refused: { create: number; read: number };
  unexpected: string[];
  stop(): Promise<void>;
}

const storedCreate = (index: number) =>
  JSON.stringify({
    model: 'm',
    messages: [{ role: 'user', content: `outage ${index}` }],
    store: true,
    metadata: { run: 'outage' },
    max_completion_tokens: 4,
  });

/** A 200's body; a 503 in the API's shape with Retry-After is counted and honoured; anything else is noted. */
async function check(load: Load, response: Response, kind: 'create' | 'read'): Promise<unknown> {
  if (response.status === 200) return response.json();
  const text = await response.text();
  const retryAfter = Number(response.headers.get('retry-after'));
  const error = (JSON.parse(text) as { error?: { type?: string; code?: string } }).error;
  if (
    response.status === 503 &&
    retryAfter >= 1 &&
    error?.type === 'server_error' &&
    error.code === 'storage_unavailable'
  ) {
    load.refused[kind]++;
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
  } else load.unexpected.push(`${kind} ${response.status} retry-after=${retryAfter} ${text.slice(0, 200)}`);
  return null;
}

/** Two clients storing a completion and reading one back, again and again; on a 503 they wait Retry-After. */
function startLoad(origin: string): Load {
  const load: Load = {
    acknowledged: [],
    acknowledgedAt: [],
    refused: { create: 0, read: 0 },
    unexpected: [],
    stop: async () => {},
  };
  let running = true;
  const headers = { 'content-type': 'application/json' };
  const worker = async (first: number) => {
    for (let index = first; running; index += 2) {
      try {
        const body = storedCreate(index);
        const created = await fetch(`${origin}/v1/chat/completions`, { method: 'POST', headers, body });
        const completion = (await check(load, created, 'create')) as { id: string } | null;
        if (completion) {
          load.acknowledged.push(completion.id);
          load.acknowledgedAt.push(Date.now());
        }
        const known = load.acknowledged[Math.floor(Math.random() * load.acknowledged.length)];
        if (known) await check(load, await fetch(`${origin}/v1/chat/completions/${known}`), 'read');
      } catch (error) {
        load.unexpected.push(`network: ${(error as Error).message}`);
        return;
      }
    }
  };
  const workers = [worker(0), worker(1)];
  load.stop = async () => {
    running = false;
    await Promise.all(workers);
  };
  return load;
}

describe.skipIf(!bin)('the server on PostgreSQL weathers database outages', () => {
  let cluster: PostgresCluster;
  let server: Awaited<ReturnType<typeof launch>>;
  beforeAll(async () => {
    cluster = await startPostgresCluster(bin as string);
    server = await launch(cluster.url);
  }, 300_000);
  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await cluster?.destroy();
  });

  it('stays up through a restart and a 15 s stop, answers 503 with Retry-After, recovers, loses no acknowledged write', async () => {
    let exited: number | null = null;
    server.child.once('exit', (code) => {
      exited = code ?? -1;
    });
    const load = startLoad(server.origin);
    const broken = () =>
      exited !== null ? `the server exited (${exited}): ${server.output().slice(-2000)}` : (load.unexpected[0] ?? null);
    const acknowledgedAfter = (count: number, extra: number) => () => load.acknowledged.length >= count + extra;
    await until('the first writes', acknowledgedAfter(0, 10), broken);

    const restartAt = Date.now();
    await cluster.restart();
    console.log(`PostgreSQL restart took ${Date.now() - restartAt} ms`);
    const afterRestart = load.acknowledged.length;
    await until('writes after the restart', acknowledgedAfter(afterRestart, 10), broken);
    const refusedInRestart = { ...load.refused };

    await cluster.stop();
    const stoppedAt = Date.now();
    await until('a stored write refused', () => load.refused.create > refusedInRestart.create, broken);
    await until('a read refused', () => load.refused.read > refusedInRestart.read, broken);
    const health = await (await fetch(`${server.origin}/health`)).json();
    expect(health).toMatchObject({ status: 'degraded', storage: 'postgres', storage_available: false });
    expect((await fetch(`${server.origin}/v1/models`)).status).toBe(200);
    const unstored = await fetch(`${server.origin}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }], max_completion_tokens: 4 }),
    });
    expect(unstored.status).toBe(200);
    expect((await unstored.json()).choices[0].message.content).toEqual(expect.any(String));
    // The outage itself lasts 15 s (the scenario from the issue); the load keeps knocking meanwhile.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, stoppedAt + 15_000 - Date.now())));
    const acknowledgedWhileStopped = load.acknowledged.length;
    await cluster.start();
    const startedAt = Date.now();
    await until('writes after the database came back', acknowledgedAfter(acknowledgedWhileStopped, 10), broken);
    const recoveredMs = Date.now() - startedAt;
    const firstWriteMs = (load.acknowledgedAt[acknowledgedWhileStopped] ?? Number.NaN) - startedAt;
    await load.stop();

    console.log(
      `outage figures: acknowledged ${load.acknowledged.length}; 503s during restart: ${refusedInRestart.create} creates, ${refusedInRestart.read} reads; ` +
        `during the 15 s stop: ${load.refused.create - refusedInRestart.create} creates, ${load.refused.read - refusedInRestart.read} reads; ` +
        `first write acknowledged ${firstWriteMs} ms and 10 writes ${recoveredMs} ms after PostgreSQL was started again`,
    );
    expect(load.unexpected).toEqual([]);
    expect(exited).toBeNull();
    expect((await (await fetch(`${server.origin}/health`)).json()).status).toBe('ok');
    const missing: string[] = [];
    for (const id of load.acknowledged) {
      const response = await fetch(`${server.origin}/v1/chat/completions/${id}`);
      if (response.status !== 200) missing.push(`${id}: ${response.status}`);
    }
    expect(missing).toEqual([]);
  }, 600_000);
});
