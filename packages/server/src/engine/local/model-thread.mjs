// The model worker's entry: the server is TypeScript run through tsx, in this thread too.
import { register } from 'tsx/esm/api';

register();
await import('./model-thread.ts');
