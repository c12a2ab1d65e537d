/**
 * Whether the local server behind this page answers yet: `npm start` opens the page and the server in
 * parallel, and the server may need many seconds on a busy machine. Requests to this origin wait for it
 * (a first message is held, never failed), and the header shows the state.
 */
export type ServerState = 'starting' | 'ready' | 'unreachable';

// Past this without an answer, "starting" would mislead: say it cannot be reached (runs still wait).
const UNREACHABLE_AFTER_MS = 30_000;
const POLL_WAITING_MS = 500;
const POLL_READY_MS = 10_000;

let state: ServerState = 'starting';
let answeredOnce = false;
let waitingSince = Date.now();
let timer: ReturnType<typeof setTimeout> | undefined;
let polling = false;
const listeners = new Set<() => void>();

function setState(next: ServerState): void {
  if (next === state) return;
  state = next;
  for (const listener of listeners) listener();
}

async function healthAnswers(): Promise<boolean> {
  try {
    const response = await fetch('/health', { cache: 'no-store', signal: AbortSignal.timeout(5_000) });
    return response.ok && typeof (await response.json()).status === 'string';
  } catch {
    return false;
  }
}

async function poll(): Promise<void> {
  clearTimeout(timer);
  const ok = await healthAnswers();
  if (ok) {
    answeredOnce = true;
    setState('ready');
  } else {
    if (state === 'ready') waitingSince = Date.now();
    const long = Date.now() - waitingSince > UNREACHABLE_AFTER_MS;
    setState(answeredOnce || long ? 'unreachable' : 'starting');
  }
  timer = setTimeout(poll, state === 'ready' ? POLL_READY_MS : POLL_WAITING_MS);
}

function ensurePolling(): void {
  if (polling) return;
  polling = true;
  void poll();
}

export function serverState(): ServerState {
  return state;
}

/** For useSyncExternalStore; the first subscriber starts the polling. */
export function subscribeServerState(listener: () => void): () => void {
  listeners.add(listener);
  ensurePolling();
  return () => listeners.delete(listener);
}

/** Resolves once the server answers; rejects with the signal's reason if it is aborted first. */
export function whenServerReady(signal?: AbortSignal | null): Promise<void> {
  ensurePolling();
  if (state === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = () => {
      listeners.delete(check);
      signal?.removeEventListener('abort', abort);
    };
    const check = () => {
      if (state !== 'ready') return;
      done();
      resolve();
    };
    const abort = () => {
      done();
      reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
    };
    if (signal?.aborted) return abort();
    listeners.add(check);
    signal?.addEventListener('abort', abort);
  });
}

/** The answer of Vite's dev proxy (not of our server, which always answers JSON) when the server is down. */
function fromProxy(response: Response): boolean {
  return response.status >= 500 && response.status <= 504 && !response.headers.get('content-type')?.includes('json');
}

/**
 * A fetch for the kit's client: requests to this page's origin (the local server through the proxy)
 * wait until the server answers, and one the proxy could not deliver waits and goes again. Others pass.
 */
export async function fetchWhenReady(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = new URL(input instanceof Request ? input.url : String(input), location.href);
  const replayable = !(input instanceof Request) && (init?.body == null || typeof init.body === 'string');
  if (url.origin !== location.origin) return fetch(input, init);
  for (let attempt = 0; ; attempt++) {
    await whenServerReady(init?.signal);
    const response = await fetch(input, init);
    if (!fromProxy(response) || !replayable || attempt >= 5) return response;
    // The server went away between the check and the request: notice it now, then wait for it again.
    setState(answeredOnce ? 'unreachable' : 'starting');
    waitingSince = Date.now();
    void poll();
  }
}
