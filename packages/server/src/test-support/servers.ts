import { readFileSync } from 'node:fs';
import { createChatCompletionsClient } from '@completions-kit/core';
import OpenAI from 'openai';
import { inject } from 'vitest';
import type { ServerOptions } from '../options.ts';
import { type RunningServer, startServer } from '../start-server.ts';

let template: Blob | undefined;

/** A real server on a free loopback port, its PGlite started from the prepared template. */
export async function startTestServer(options: ServerOptions = {}): Promise<RunningServer> {
  template ??= new Blob([readFileSync(inject('pgliteTemplate'))]);
  return startServer({ port: 0, loadDataDir: template, ...options });
}

/** The official openai client pointed at a server (no retries, so failures show at once). */
export function openaiFor(server: RunningServer, apiKey = 'unused'): OpenAI {
  return new OpenAI({ baseURL: server.url, apiKey, maxRetries: 0 });
}

export function kitFor(server: RunningServer, apiKey?: string) {
  return createChatCompletionsClient({ baseURL: server.url, maxRetries: 0, ...(apiKey ? { apiKey } : {}) }).chat
    .completions;
}

export const user = (content: string) => [{ role: 'user' as const, content }];
