// One real local server for every hooks test (in memory, faults on for the fault cases).
import { startServer } from '@completions-kit/server';

export default async function setup({ provide }: { provide: (key: 'serverUrl', value: string) => void }) {
  const server = await startServer({ port: 0, faults: true, rateLimit: { requests: 0, windowMs: 60_000 } });
  provide('serverUrl', server.url);
  return () => server.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    serverUrl: string;
  }
}
