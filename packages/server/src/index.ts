export type { LocalModel, LocalModelOptions } from './engine/local/local-engine.ts';
export { LOCAL_MODEL_ID, trainLocalModel } from './engine/local/local-engine.ts';
export type { ServerOptions, UpstreamOptions } from './options.ts';
export type { RunningServer } from './start-server.ts';
export { startServer } from './start-server.ts';
export type { ListQuery, StoredRecord } from './storage/completion-store.ts';
export { CompletionStore } from './storage/completion-store.ts';
export type { StorageOptions } from './storage/open-storage.ts';
export { openSql } from './storage/open-storage.ts';
