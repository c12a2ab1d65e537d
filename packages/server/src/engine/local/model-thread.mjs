// The model worker's entry when the server runs from its TypeScript sources: tsx in this thread too,
// and the workspace packages resolved to their sources (the `@completions-kit/source` condition),
// whatever flags the parent process had: a fresh checkout has no dist/ to fall back on.
import { register as registerHooks } from 'node:module';
import { register } from 'tsx/esm/api';

registerHooks('./source-condition.mjs', import.meta.url);
register();
await import('./model-thread.ts');
