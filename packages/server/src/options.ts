import type { Provider } from '@completions-kit/core';
import type { ModelBudget } from './engine/local/answer.ts';
import type { CompletionStore } from './storage/completion-store.ts';

export interface UpstreamOptions {
  /** The provider's API root, e.g. `https://api.openai.com/v1`. */
  url: string;
  /** The name of the environment variable holding the provider's key (read on the server only). */
  keyEnv?: string | undefined;
  /** Default: `openai`. */
  provider?: Provider | undefined;
  apiVersion?: string | undefined;
  deployment?: string | undefined;
  /**
   * Time from sending a request to the provider's first byte (headers) before the client gets a 504.
   * Default: 120,000 ms (a non-streamed answer from a reasoning model sends nothing until done).
   */
  firstByteTimeoutMs?: number | undefined;
  /** Longest pause between two pieces of a provider's body before the client gets an error. Default: 60,000 ms. */
  idleTimeoutMs?: number | undefined;
  /** Largest non-streamed provider body passed on; a larger one is a 502. Default: 64 MiB. */
  bodyLimitBytes?: number | undefined;
}

export interface ServerOptions {
  /** Default: 8787. 0 picks a free port. */
  port?: number;
  /** Default: 127.0.0.1 (loopback only). */
  host?: string;
  /** PGlite's folder. Default for startServer: null, in memory; the CLI uses `.data`. */
  dataDir?: string | null;
  /** A PostgreSQL connection string; replaces PGlite, with the same schema and SQL. */
  databaseUrl?: string | undefined;
  /** A PGlite dump to start from instead of running initdb (tests). */
  loadDataDir?: Blob | undefined;
  /** Use this store instead of opening one (it is not closed with the server). */
  store?: CompletionStore;
  /** Forward requests to a real provider, keeping its key here. Default: the built-in local model. */
  upstream?: UpstreamOptions | undefined;
  /** When set, every /v1 request must carry it as `Authorization: Bearer`. Default: none. */
  accessToken?: string | undefined;
  /** Browser origins allowed (CORS). Default: any localhost origin. `*` allows every origin. */
  allowedOrigins?: string[];
  /** Host names accepted besides the loopback ones (DNS rebinding protection). Default: none. */
  allowedHosts?: string[];
  /** Default: 10 MiB. */
  bodyLimitBytes?: number;
  /** Time for a request's body to arrive once its headers have; past it, a 408 and the connection closes. Default: 30,000 ms. */
  bodyTimeoutMs?: number;
  /**
   * On close (SIGTERM or SIGINT in the CLI), how long requests in flight may run on before each
   * remaining stream is ended with an error event. Default: 0 (tests); the CLI's default is 10,000.
   */
  shutdownGraceMs?: number;
  /** Requests per client per window. Default: 600 per 60 s; 0 turns it off. */
  rateLimit?: { requests: number; windowMs: number };
  /**
   * Milliseconds between streamed chunks of the local model, so a UI can be watched. Default: 0
   * (tests); the CLI's default is 30, about 33 tokens a second, a real model's pace.
   */
  paceMs?: number;
  /**
   * What one request may cost the local model: `timeMs` of model work and `contextTokens` of prompt
   * (past either, the request gets a 400 naming it), and `answerTokens`, the longest answer: a
   * request's max_completion_tokens up to it is honoured, and an answer that reaches it ends with
   * finish_reason "length". A streamed plain answer is made as the client reads it, so its model
   * time is bounded by `answerTokens` rather than `timeMs`. Default: 10,000 ms, 128,000 tokens and
   * 1,000,000 tokens.
   */
  budget?: Partial<ModelBudget>;
  /** Accept `x-ck-fault` headers (tests only; never in proxy mode). Default: false. */
  faults?: boolean;
  /** Files the local model learns from. Default: the repository's and installed packages' docs. */
  corpusFiles?: string[];
  /** Gets one line per request (method, path, status, time: never a key or a body). Default: silent. */
  log?: (line: string) => void;
}

export type ResolvedOptions = Required<
  Pick<
    ServerOptions,
    | 'port'
    | 'host'
    | 'allowedOrigins'
    | 'allowedHosts'
    | 'bodyLimitBytes'
    | 'bodyTimeoutMs'
    | 'shutdownGraceMs'
    | 'rateLimit'
    | 'paceMs'
    | 'faults'
    | 'log'
  >
> &
  Omit<ServerOptions, 'budget'> & { budget: ModelBudget };

export function resolveOptions(options: ServerOptions): ResolvedOptions {
  return {
    ...options,
    port: options.port ?? 8787,
    host: options.host ?? '127.0.0.1',
    allowedOrigins: options.allowedOrigins ?? [],
    allowedHosts: options.allowedHosts ?? [],
    bodyLimitBytes: options.bodyLimitBytes ?? 10 * 1024 * 1024,
    bodyTimeoutMs: options.bodyTimeoutMs ?? 30_000,
    shutdownGraceMs: options.shutdownGraceMs ?? 0,
    rateLimit: options.rateLimit ?? { requests: 600, windowMs: 60_000 },
    paceMs: options.paceMs ?? 0,
    budget: {
      timeMs: options.budget?.timeMs ?? 10_000,
      contextTokens: options.budget?.contextTokens ?? 128_000,
      answerTokens: options.budget?.answerTokens ?? 1_000_000,
    },
    // Fault injection never reaches a real provider.
    faults: (options.faults ?? false) && !options.upstream,
    log: options.log ?? (() => undefined),
  };
}
