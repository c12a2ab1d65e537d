import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerContext } from './context.ts';
import { type ModelWorker, modelWorker } from './engine/local/model-worker.ts';
import { createHandler } from './http/app.ts';
import { drain, InFlight } from './http/drain.ts';
import { resolveOptions, type ServerOptions } from './options.ts';
import { CompletionStore } from './storage/completion-store.ts';
import { type DataDirLock, lockDataDir } from './storage/data-dir-lock.ts';
import { openSql } from './storage/open-storage.ts';

export interface RunningServer {
  /** The API root, e.g. `http://127.0.0.1:8787/v1`. */
  url: string;
  origin: string;
  port: number;
  store: CompletionStore;
  /** The local model (trained in a worker thread), null in proxy mode. */
  model: Pick<ModelWorker, 'id' | 'stats'> | null;
  /**
   * Stops accepting, lets requests in flight finish for `graceMs` (default: `shutdownGraceMs`), ends each remaining
   * stream with an error event and `[DONE]` (a 503 for a request not yet answered), then closes
   * storage and releases the data folder.
   */
  close(options?: { graceMs?: number }): Promise<void>;
}

/**
 * Starts the server: opens storage (PGlite, or PostgreSQL with `databaseUrl`), trains the local
 * model unless it proxies, and listens on 127.0.0.1.
 *
 * @example
 * const server = await startServer({ port: 0 });
 * const client = createChatCompletionsClient({ baseURL: server.url });
 * await server.close();
 */
export async function startServer(input: ServerOptions = {}): Promise<RunningServer> {
  const options = resolveOptions(input);
  // Only PGlite's folder needs an owner: PostgreSQL guards its own data.
  const lock = !options.store && !options.databaseUrl && options.dataDir ? lockDataDir(options.dataDir) : null;
  try {
    return await listen(input, options, lock);
  } catch (error) {
    lock?.release();
    throw error;
  }
}

async function listen(
  input: ServerOptions,
  options: ReturnType<typeof resolveOptions>,
  lock: DataDirLock | null,
): Promise<RunningServer> {
  const model: ModelWorker | null = options.upstream
    ? null
    : modelWorker({ ...(options.corpusFiles ? { corpusFiles: options.corpusFiles } : {}) });
  // The model loads in its worker while storage opens: start-up takes the longer of the two, not both.
  const modelReady = model?.retain();
  modelReady?.catch(() => {});
  let store: CompletionStore;
  try {
    store =
      options.store ??
      new CompletionStore(
        await openSql({
          databaseUrl: options.databaseUrl,
          dataDir: options.dataDir ?? null,
          loadDataDir: options.loadDataDir,
          log: options.log,
        }),
      );
  } catch (error) {
    await model?.release();
    throw error;
  }
  await modelReady;
  const inFlight = new InFlight();
  const context: ServerContext = { options, store, model, startedAt: Date.now(), audio: new Map(), inFlight };
  const server = createServer(createHandler(context));
  server.headersTimeout = 30_000;
  server.requestTimeout = 0; // Streams may run long; bodies have their own limit (bodyTimeoutMs).
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const origin = `http://${host}:${port}`;
  return {
    url: `${origin}/v1`,
    origin,
    port,
    store,
    model,
    async close({ graceMs = options.shutdownGraceMs } = {}) {
      await drain(server, inFlight, graceMs);
      await model?.release();
      if (!input.store) await store.close();
      lock?.release();
    },
  };
}
