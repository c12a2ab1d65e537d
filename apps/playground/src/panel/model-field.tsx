import { targetFor } from '@completions-kit/core';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { FieldNotes } from '../composer/param-control.tsx';
import { useBrowserKey, useConnection } from '../state/connection.ts';
import { useDraft } from '../state/draft.ts';
import { modelIds } from './model-ids.ts';

/** The connection's models, fetched with core's URL and header rules (so core needs no models call). */
export function useModels() {
  const connection = useConnection((state) => state.connection);
  const key = useBrowserKey((state) => state.key);
  return useQuery({
    // The key itself stays out of the cache key: whether there is one is enough to refetch.
    queryKey: ['playground', 'models', connection, Boolean(key)],
    queryFn: async ({ signal }) => {
      const endpoint = {
        baseURL: new URL(connection.baseURL, location.origin).href,
        provider: connection.provider,
        apiKey: useBrowserKey.getState().key || undefined,
        apiVersion: connection.apiVersion || undefined,
      };
      const { url, headers } = targetFor(endpoint, '/models', undefined, undefined);
      const response = await fetch(url, { headers, signal });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return modelIds(await response.json());
    },
    retry: false,
    staleTime: 5 * 60_000,
  });
}

/**
 * The model: a text field that suggests the connection's `/models` as you type or open it; when the
 * list fails (no key yet, a server without the endpoint, CORS), it is a plain text field and says so.
 */
export function ModelField({ problem }: { problem: string | undefined }) {
  const model = useDraft((state) => String(state.draft.params.model ?? ''));
  const setParam = useDraft((state) => state.setParam);
  const models = useModels();
  const id = useId();
  const count = models.data?.length ?? 0;
  const unlisted = count > 0 && model.trim() !== '' && !models.data?.includes(model.trim());
  const hint = models.isPending
    ? 'Listing the connection’s models…'
    : models.error
      ? `Could not list models (${models.error.message}): type the model’s name.`
      : `${count} ${count === 1 ? 'model' : 'models'} from the connection; any name works.`;
  return (
    <div className="field" data-kind="model" data-invalid={problem ? '' : undefined}>
      <label htmlFor={id}>Model</label>
      <input
        id={id}
        name="model"
        list={count > 0 ? `${id}-models` : undefined}
        autoComplete="off"
        spellCheck={false}
        value={model}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
        onChange={(event) => setParam('model', event.target.value)}
      />
      {count > 0 ? (
        <datalist id={`${id}-models`}>
          {models.data?.map((entry) => (
            <option key={entry} value={entry} />
          ))}
        </datalist>
      ) : null}
      <FieldNotes id={id} hint={hint} problem={problem} />
      {unlisted ? (
        <p className="warning" data-testid="unlisted-model">
          “{model.trim()}” is not among the connection’s models: the server may refuse it or answer with another.
        </p>
      ) : null}
    </div>
  );
}
