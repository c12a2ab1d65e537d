import type { Provider } from '@completions-kit/core';
import { useId } from 'react';
import { type PresetId, presets, useBrowserKey, useConnection } from './state/connection.ts';
import { useDraft } from './state/draft.ts';

const providers: Provider[] = ['openai', 'compatible', 'azure-openai', 'azure-ai-inference'];

/** Where requests go. A browser key lives in memory only; the proxy preset keeps it on the server. */
export function ConnectionPanel() {
  const { connection, choose, edit } = useConnection();
  const { key, setKey } = useBrowserKey();
  const setParam = useDraft((state) => state.setParam);
  const id = useId();
  const preset = presets[connection.preset];
  return (
    <details className="connection" open={connection.preset !== 'local'}>
      <summary>
        Connection: <strong>{preset.label}</strong>
      </summary>
      <div className="fields">
        <label htmlFor={`${id}-preset`}>Preset</label>
        <select
          id={`${id}-preset`}
          value={connection.preset}
          onChange={(event) => {
            const next = event.target.value as PresetId;
            choose(next);
            setKey('');
            setParam('model', presets[next].model);
          }}
        >
          {Object.entries(presets).map(([value, entry]) => (
            <option key={value} value={value}>
              {entry.label}
            </option>
          ))}
        </select>
        <p className="hint">{preset.note}</p>
        <label htmlFor={`${id}-base`}>Base URL</label>
        <input
          id={`${id}-base`}
          value={connection.baseURL}
          onChange={(event) => edit({ baseURL: event.target.value })}
        />
        <label htmlFor={`${id}-provider`}>Provider</label>
        <select
          id={`${id}-provider`}
          value={connection.provider}
          onChange={(event) => edit({ provider: event.target.value as Provider })}
        >
          {providers.map((provider) => (
            <option key={provider}>{provider}</option>
          ))}
        </select>
        {connection.provider.startsWith('azure') ? (
          <>
            <label htmlFor={`${id}-version`}>api-version</label>
            <input
              id={`${id}-version`}
              value={connection.apiVersion}
              onChange={(event) => edit({ apiVersion: event.target.value })}
            />
            <label htmlFor={`${id}-deployment`}>Deployment</label>
            <input
              id={`${id}-deployment`}
              value={connection.deployment}
              onChange={(event) => edit({ deployment: event.target.value })}
            />
          </>
        ) : null}
        {preset.browserKey ? (
          <>
            <label htmlFor={`${id}-key`}>API key</label>
            <input
              id={`${id}-key`}
              type="password"
              autoComplete="off"
              value={key}
              aria-describedby={`${id}-key-warning`}
              onChange={(event) => setKey(event.target.value)}
            />
            <p id={`${id}-key-warning`} className="warning">
              This key stays in this tab's memory only (not saved, not in links) but it is sent from your browser, where
              any script on the page could read it. Prefer the local server's proxy: it keeps the key on the server.
            </p>
          </>
        ) : null}
      </div>
    </details>
  );
}
