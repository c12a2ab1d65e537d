import type { Provider } from '@completions-kit/core';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { isSavedRecord, safeLocalStorage, sameKindOver } from './safe-storage.ts';

export type PresetId = 'local' | 'proxy' | 'openai' | 'azure-openai' | 'azure-ai-inference' | 'compatible' | 'custom';

export interface Connection {
  preset: PresetId;
  baseURL: string;
  provider: Provider;
  apiVersion: string;
  deployment: string;
}

export interface Preset {
  label: string;
  /** What a person should know before choosing it. */
  note: string;
  /** The browser must send a key (held in memory only). */
  browserKey: boolean;
  connection: Omit<Connection, 'preset'>;
  model: string;
}

const here = '/v1';
const blank = { apiVersion: '', deployment: '' };

export const presets: Record<PresetId, Preset> = {
  local: {
    label: 'Local server (built-in model)',
    note: 'Works offline with no key: the server started by npm start, with its small built-in model.',
    browserKey: false,
    connection: { baseURL: here, provider: 'compatible', ...blank },
    model: 'ck-local-ngram',
  },
  proxy: {
    label: 'A real provider through the local server (recommended)',
    note: 'Start the server with --upstream-url and the key in its environment (see the README); the key never reaches the browser.',
    browserKey: false,
    connection: { baseURL: here, provider: 'compatible', ...blank },
    model: 'gpt-4o-mini',
  },
  openai: {
    label: 'OpenAI, key in the browser',
    note: 'The key is sent from this page.',
    browserKey: true,
    connection: { baseURL: 'https://api.openai.com/v1', provider: 'openai', ...blank },
    model: 'gpt-4o-mini',
  },
  'azure-openai': {
    label: 'Azure OpenAI, key in the browser',
    note: 'Base URL https://{resource}.openai.azure.com/openai; the deployment goes in the path.',
    browserKey: true,
    connection: {
      baseURL: 'https://RESOURCE.openai.azure.com/openai',
      provider: 'azure-openai',
      apiVersion: '2024-10-21',
      deployment: '',
    },
    model: 'gpt-4o-mini',
  },
  'azure-ai-inference': {
    label: 'Azure AI Inference, key in the browser',
    note: 'Base URL https://{resource}.services.ai.azure.com/models.',
    browserKey: true,
    connection: {
      baseURL: 'https://RESOURCE.services.ai.azure.com/models',
      provider: 'azure-ai-inference',
      apiVersion: '2024-05-01-preview',
      deployment: '',
    },
    model: 'gpt-4o-mini',
  },
  compatible: {
    label: 'Ollama, vLLM or llama.cpp',
    note: 'Any server speaking the OpenAI wire format; Ollama listens on http://localhost:11434/v1.',
    browserKey: true,
    connection: { baseURL: 'http://localhost:11434/v1', provider: 'compatible', ...blank },
    model: 'llama3.2',
  },
  custom: {
    label: 'Custom',
    note: 'Any base URL and provider.',
    browserKey: true,
    connection: { baseURL: 'http://localhost:8000/v1', provider: 'compatible', ...blank },
    model: '',
  },
};

interface ConnectionState {
  connection: Connection;
  choose: (preset: PresetId) => void;
  edit: (change: Partial<Connection>) => void;
}

/** The connection, saved in localStorage: it holds no key, by construction. */
export const useConnection = create<ConnectionState>()(
  persist(
    (set) => ({
      connection: { preset: 'local', ...presets.local.connection },
      choose: (preset) => set({ connection: { preset, ...presets[preset].connection } }),
      edit: (change) => set((state) => ({ connection: { ...state.connection, ...change } })),
    }),
    {
      name: 'ck-playground-connection',
      storage: safeLocalStorage(),
      partialize: (state) => ({ connection: state.connection }),
      // A damaged or unknown saved connection (a preset this version does not have) keeps the default.
      merge: (saved, current) => {
        const connection = isSavedRecord(saved) ? sameKindOver(saved.connection, current.connection) : null;
        return connection && Object.hasOwn(presets, connection.preset) ? { ...current, connection } : current;
      },
    },
  ),
);

/** A key typed into the page: memory only, never persisted, never in a URL or a log. */
export const useBrowserKey = create<{ key: string; setKey: (key: string) => void }>()((set) => ({
  key: '',
  setKey: (key) => set({ key }),
}));
