import {
  type ChatCompletionCreateParams,
  type ChatCompletionsClient,
  type CompletionRun,
  createChatCompletionsClient,
  createCompletionRun,
  type RunState,
} from '@completions-kit/core';
import { useChatCompletionsClient } from '@completions-kit/hooks';
import { useEffect, useRef } from 'react';
import { recordRun } from '../history/store.ts';
import { draftFromRequest } from '../request/draft-from-request.ts';
import { presets } from '../state/connection.ts';
import type { Variant } from './variants.ts';

/** A variant's run, with the wall-clock times the figures need (also for answers that are not streamed). */
export interface VariantRun {
  run: CompletionRun;
  /** `performance.now()` when the latest request was sent. */
  sentAt: number;
  /** When it ended, or null while it runs. */
  endedAt: number | null;
  start: (body: ChatCompletionCreateParams) => void;
}

export const isLive = (state: RunState) => state.status === 'submitted' || state.status === 'streaming';

/** `nameOf` gives the variant's current name, for the history's label of each run. */
export function createVariantRun(client: () => ChatCompletionsClient, nameOf: () => string = () => ''): VariantRun {
  const run = createCompletionRun({ client, notify: 'frame' });
  const entry: VariantRun = { run, sentAt: 0, endedAt: null, start: (body) => void run.start(body) };
  // Subscribed first, so the times are set before any view hears of the same change.
  run.subscribe((state) => {
    if (state.status === 'submitted') {
      entry.sentAt = performance.now();
      entry.endedAt = null;
    } else if (!isLive(state) && state.status !== 'idle' && entry.endedAt === null) {
      entry.endedAt = performance.now();
      // Kept in the history like a Playground run, as the prompt this variant sent (reopens exactly).
      if (state.request) {
        const totalMs = entry.endedAt - entry.sentAt;
        void recordRun({
          draft: draftFromRequest(state.request),
          state,
          totalMs,
          source: `Compare · variant ${nameOf()}`,
        });
      }
    }
  });
  return entry;
}

/** A client for a saved preset: its own base URL and provider, and the key typed for that variant. */
export function presetClient(connection: Variant['connection'], key: string): ChatCompletionsClient {
  const preset = presets[connection === 'current' ? 'local' : connection];
  return createChatCompletionsClient({
    baseURL: new URL(preset.connection.baseURL, location.origin).href.replace(/\/$/, ''),
    provider: preset.connection.provider,
    apiKey: key || undefined,
    apiVersion: preset.connection.apiVersion || undefined,
    deployment: preset.connection.deployment || undefined,
    maxRetries: 1,
  });
}

/** A variant's client: the provider's for the current connection, else one made (once) for its preset and key. */
export function useClientOf(variants: Variant[], keys: Record<string, string>) {
  const current = useChatCompletionsClient();
  const latest = useRef({ current, variants, keys });
  latest.current = { current, variants, keys };
  const clients = useRef(new Map<string, ChatCompletionsClient>());
  return (id: string): ChatCompletionsClient => {
    const variant = latest.current.variants.find((entry) => entry.id === id);
    if (!variant || variant.connection === 'current') return latest.current.current;
    const key = latest.current.keys[id] ?? '';
    const cacheKey = `${variant.connection}\u0000${key}`;
    let client = clients.current.get(cacheKey);
    if (!client) {
      client = presetClient(variant.connection, key);
      clients.current.set(cacheKey, client);
    }
    return client;
  };
}

/**
 * The variants' runs, and what they read when they send, at module level: leaving the Compare view
 * and coming back finds every answer as it was (and a run still streaming goes on).
 */
const kept = {
  runs: new Map<string, VariantRun>(),
  clientOf: (_id: string): ChatCompletionsClient => {
    throw new Error('No client yet: the Compare view sets it before any run starts.');
  },
  names: new Map<string, string>(),
};

/**
 * One run per variant, made on first use and kept while the variant exists, each sending with its
 * variant's client as it is when the run starts.
 */
export function useVariantRuns(variants: Variant[], keys: Record<string, string>) {
  kept.clientOf = useClientOf(variants, keys);
  kept.names = new Map(variants.map((variant) => [variant.id, variant.name]));
  const runs = { current: kept.runs };
  const ids = variants.map((variant) => variant.id).join(' ');
  useEffect(() => {
    // A removed variant's request is stopped and its run let go.
    const alive = new Set(ids.split(' '));
    for (const [id, entry] of kept.runs) {
      if (alive.has(id)) continue;
      entry.run.dispose();
      kept.runs.delete(id);
    }
  }, [ids]);
  return (id: string): VariantRun => {
    let entry = runs.current.get(id);
    if (!entry) {
      entry = createVariantRun(
        () => kept.clientOf(id),
        () => kept.names.get(id) ?? '',
      );
      runs.current.set(id, entry);
    }
    return entry;
  };
}
