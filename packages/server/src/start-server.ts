import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerContext } from './context.ts';
import { type ModelWorker, modelWorker } from './engine/local/model-worker.ts';
import { createHandler } from './http/app.ts';
import { resolveOptions, type ServerOptions } from './options.ts';
import { CompletionStore } from './storage/completion-store.ts';
import { openSql } from './storage/open-storage.ts';

export interface RunningServer {
  /** The API root, e.g. `http://127.0.0.1:8787/v1`. */
  url: string;
  origin: string;
  port: number;
  store: CompletionStore;
  /** The local model (trained in a worker thread), null in proxy mode. */
  model: Pick<ModelWorker, 'id' | 'stats'> | null;
  close(): Promise<void>;
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
        }),
      );
  } catch (error) {
    await model?.release();
    throw error;
  }
  await modelReady;
  const context: ServerContext = { options, store, model, startedAt: Date.now(), audio: new Map() };
  const server = createServer(createHandler(context));
  server.headersTimeout = 30_000;
  server.requestTimeout = 0; // Streams may run long; idle sockets are closed by keepAliveTimeout.
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
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await model?.release();
      if (!input.store) await store.close();
    },
  };
}
