import type { ModelWorker } from './engine/local/model-worker.ts';
import type { InFlight } from './http/drain.ts';
import type { ResolvedOptions } from './options.ts';
import type { CompletionStore } from './storage/completion-store.ts';

export interface ServerContext {
  options: ResolvedOptions;
  store: CompletionStore;
  /** Null in proxy mode. */
  model: ModelWorker | null;
  startedAt: number;
  /** Responses being written, for a drained shutdown. */
  inFlight: InFlight;
  /** Audio the local model spoke, referable by id in later turns until it expires. */
  audio: Map<string, { transcript: string; expiresAt: number }>;
}
