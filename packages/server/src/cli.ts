import './heap-settings.ts';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Provider } from '@completions-kit/core';
import { LOCAL_MODEL_ID } from './engine/local/local-engine.ts';
import { startServer } from './start-server.ts';
import { DataDirBusyError } from './storage/data-dir-lock.ts';

const help = `completions-kit-server: a local OpenAI-compatible Chat Completions server

Options (environment variable in brackets):
  --port N                  port, 0 for any free one (CK_PORT; default 8787)
  --host H                  interface (CK_HOST; default 127.0.0.1)
  --data-dir DIR            PGlite folder (CK_DATA_DIR; default .data)
  --database-url URL        PostgreSQL instead of PGlite (DATABASE_URL)
  --upstream-url URL        proxy to this provider instead of the local model (CK_UPSTREAM_URL)
  --upstream-key-env NAME   env variable holding the provider's key (CK_UPSTREAM_KEY_ENV; default OPENAI_API_KEY)
  --upstream-provider P     openai | compatible | azure-openai | azure-ai-inference (CK_UPSTREAM_PROVIDER)
  --upstream-api-version V  Azure api-version (CK_UPSTREAM_API_VERSION)
  --upstream-deployment D   Azure deployment (CK_UPSTREAM_DEPLOYMENT)
  --upstream-first-byte-ms N  wait for the provider's first byte before a 504 (CK_UPSTREAM_FIRST_BYTE_MS; default 120000)
  --upstream-idle-ms N      longest pause within a provider's answer before an error (CK_UPSTREAM_IDLE_MS; default 60000)
  --upstream-body-limit N   largest non-streamed provider body in bytes, else a 502 (CK_UPSTREAM_BODY_LIMIT; default 67108864)
  --access-token-env NAME   env variable holding a token clients must send (CK_ACCESS_TOKEN_ENV)
  --allowed-origins LIST    comma-separated browser origins, * for all (CK_ALLOWED_ORIGINS; default localhost)
  --allowed-hosts LIST      extra Host names accepted (CK_ALLOWED_HOSTS)
  --pace-ms N               pause between streamed chunks, 0 for none (CK_PACE_MS; default 30: ~33 tokens/s)
  --budget-ms N             model time per request before a 400 (CK_BUDGET_MS; default 10000)
  --context-tokens N        prompt tokens accepted per request (CK_CONTEXT_TOKENS; default 128000)
  --answer-tokens N         longest local answer; past it finish_reason is "length" (CK_ANSWER_TOKENS; default 1000000)
  --rate-limit N            requests per minute per client, 0 for none (CK_RATE_LIMIT; default 600)
  --body-timeout-ms N       time for a request body to arrive before a 408 (CK_BODY_TIMEOUT_MS; default 30000)
  --shutdown-grace-ms N     on SIGTERM/SIGINT, time requests in flight may finish in (CK_SHUTDOWN_GRACE_MS; default 10000)
  --enable-faults           accept x-ck-fault headers, for tests (CK_ENABLE_FAULTS=1)
  --help`;

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
    'upstream-url': { type: 'string' },
    'upstream-key-env': { type: 'string' },
    'upstream-provider': { type: 'string' },
    'upstream-api-version': { type: 'string' },
    'upstream-deployment': { type: 'string' },
    'upstream-first-byte-ms': { type: 'string' },
    'upstream-idle-ms': { type: 'string' },
    'upstream-body-limit': { type: 'string' },
    'access-token-env': { type: 'string' },
    'allowed-origins': { type: 'string' },
    'allowed-hosts': { type: 'string' },
    'pace-ms': { type: 'string' },
    'budget-ms': { type: 'string' },
    'context-tokens': { type: 'string' },
    'answer-tokens': { type: 'string' },
    'rate-limit': { type: 'string' },
    'body-timeout-ms': { type: 'string' },
    'shutdown-grace-ms': { type: 'string' },
    'enable-faults': { type: 'boolean' },
    help: { type: 'boolean' },
  },
});

if (values.help) {
  console.log(help);
  process.exit(0);
}

const env = process.env;
const list = (text: string | undefined) =>
  text
    ? text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : undefined;
const numberOption = (text: string | undefined) => (text === undefined ? undefined : Number(text));
const upstreamUrl = values['upstream-url'] ?? env.CK_UPSTREAM_URL;
const tokenEnv = values['access-token-env'] ?? env.CK_ACCESS_TOKEN_ENV;
const server = await startServer({
  port: Number(values.port ?? env.CK_PORT ?? 8787),
  host: values.host ?? env.CK_HOST ?? '127.0.0.1',
  dataDir: path.resolve(values['data-dir'] ?? env.CK_DATA_DIR ?? '.data'),
  databaseUrl: values['database-url'] ?? env.DATABASE_URL,
  upstream: upstreamUrl
    ? {
        url: upstreamUrl,
        keyEnv: values['upstream-key-env'] ?? env.CK_UPSTREAM_KEY_ENV ?? 'OPENAI_API_KEY',
        provider: (values['upstream-provider'] ?? env.CK_UPSTREAM_PROVIDER) as Provider | undefined,
        apiVersion: values['upstream-api-version'] ?? env.CK_UPSTREAM_API_VERSION,
        deployment: values['upstream-deployment'] ?? env.CK_UPSTREAM_DEPLOYMENT,
        firstByteTimeoutMs: numberOption(values['upstream-first-byte-ms'] ?? env.CK_UPSTREAM_FIRST_BYTE_MS),
        idleTimeoutMs: numberOption(values['upstream-idle-ms'] ?? env.CK_UPSTREAM_IDLE_MS),
        bodyLimitBytes: numberOption(values['upstream-body-limit'] ?? env.CK_UPSTREAM_BODY_LIMIT),
      }
    : undefined,
  accessToken: tokenEnv ? env[tokenEnv] : undefined,
  allowedOrigins: list(values['allowed-origins'] ?? env.CK_ALLOWED_ORIGINS) ?? [],
  allowedHosts: list(values['allowed-hosts'] ?? env.CK_ALLOWED_HOSTS) ?? [],
  paceMs: Number(values['pace-ms'] ?? env.CK_PACE_MS ?? 30),
  budget: {
    timeMs: Number(values['budget-ms'] ?? env.CK_BUDGET_MS ?? 10_000),
    contextTokens: Number(values['context-tokens'] ?? env.CK_CONTEXT_TOKENS ?? 128_000),
    answerTokens: Number(values['answer-tokens'] ?? env.CK_ANSWER_TOKENS ?? 1_000_000),
  },
  rateLimit: { requests: Number(values['rate-limit'] ?? env.CK_RATE_LIMIT ?? 600), windowMs: 60_000 },
  bodyTimeoutMs: numberOption(values['body-timeout-ms'] ?? env.CK_BODY_TIMEOUT_MS),
  shutdownGraceMs: Number(values['shutdown-grace-ms'] ?? env.CK_SHUTDOWN_GRACE_MS ?? 10_000),
  faults: values['enable-faults'] ?? env.CK_ENABLE_FAULTS === '1',
  log: (line) => console.log(line),
}).catch(refuseBusyFolder);

const engine = server.model
  ? `local model ${LOCAL_MODEL_ID} (${server.model.stats.tokens} tokens learned in ${server.model.stats.trainingMs} ms)`
  : `proxy to ${upstreamUrl}`;
console.log(`completions-kit-server listening on ${server.url} (${engine}; storage: ${server.store.sql.kind})`);

// Every request's errors are answered in the handler; a promise that still fails unobserved belongs
// to one request at most, and must not end the server for everyone else.
process.on('unhandledRejection', (reason) => {
  console.error(
    `completions-kit-server: unhandled rejection (the server goes on): ${(reason as Error)?.stack ?? reason}`,
  );
});

// The first signal drains (see --shutdown-grace-ms); a second one exits at once.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) {
      console.log(`completions-kit-server: ${signal} again, exiting now`);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    }
    stopping = true;
    console.log(`completions-kit-server: ${signal}, finishing requests in flight (a second signal exits at once)`);
    server.close().then(
      () => process.exit(0),
      (error: Error) => {
        console.error(`completions-kit-server: error while closing: ${error.stack ?? error}`);
        process.exit(1);
      },
    );
  });
}

/** A folder in use by another server is a refusal with what to do, not a stack trace. */
function refuseBusyFolder(error: unknown): never {
  if (!(error instanceof DataDirBusyError)) throw error;
  const { pid } = error.owner;
  const advice =
    env.CK_LAUNCHER === 'npm start'
      ? `Another \`npm start\` is probably running. Stop it (Ctrl-C in its terminal, or kill ${pid}), or run a second one with its own folder and ports:\n  CK_PORT=8788 CK_PLAYGROUND_PORT=5174 npm start -- --data-dir .data-2`
      : `Stop that server first (kill ${pid}), or give this one its own folder with --data-dir (CK_DATA_DIR), or use PostgreSQL with --database-url.`;
  console.error(`completions-kit-server: ${error.message}\n${advice}`);
  process.exit(2);
}
