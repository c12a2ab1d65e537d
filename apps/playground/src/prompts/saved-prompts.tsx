import { useId, useState } from 'react';
import { formatDateTime } from '../format/date.ts';
import { useDraft } from '../state/draft.ts';
import { useOpenDiff } from './open-diff.ts';
import type { PromptVersion } from './versions.ts';

const when = (version: PromptVersion) =>
  version.savedAt === null ? 'saved before versions were kept' : formatDateTime(version.savedAt);

/**
 * Saved prompts: save under a name (an existing name gets the next version), open any version,
 * compare two versions, forget a prompt. Kept in localStorage with the draft.
 */
export function SavedPrompts() {
  const prompts = useDraft((state) => state.prompts);
  const save = useDraft((state) => state.save);
  const remove = useDraft((state) => state.remove);
  const replace = useDraft((state) => state.replace);
  const openDiff = useOpenDiff((state) => state.open);
  const [name, setName] = useState('');
  const [status, setStatus] = useState('');
  const id = useId();
  const saveNow = () => {
    const trimmed = name.trim();
    save(trimmed);
    const saved = useDraft.getState().prompts.find((prompt) => prompt.name === trimmed);
    setStatus(`Saved ${trimmed} v${saved?.versions.at(-1)?.version ?? 1}.`);
  };
  const open = (promptName: string, version: PromptVersion) => {
    replace(version.draft);
    setStatus(`Opened ${promptName} v${version.version}.`);
  };
  return (
    <div className="saved-prompts">
      <label htmlFor={`${id}-name`}>Save this prompt as</label>
      <input
        id={`${id}-name`}
        value={name}
        aria-describedby={`${id}-hint`}
        onChange={(event) => setName(event.target.value)}
      />
      <button type="button" disabled={!name.trim()} onClick={saveNow}>
        Save prompt
      </button>
      <small id={`${id}-hint`}>Saving under a name already saved adds a new version.</small>
      <p role="status">{status}</p>
      <ul aria-label="Saved prompts">
        {prompts.map((prompt) => {
          const latest = prompt.versions.at(-1);
          return (
            <li key={prompt.name}>
              <strong>{prompt.name}</strong>{' '}
              {latest ? (
                <button type="button" onClick={() => open(prompt.name, latest)}>
                  Load {prompt.name}
                </button>
              ) : null}{' '}
              <button type="button" onClick={() => remove(prompt.name)}>
                Forget {prompt.name}
              </button>
              <ol aria-label={`Versions of ${prompt.name}`}>
                {prompt.versions.map((version) => (
                  <li key={version.version}>
                    v{version.version}, {when(version)}{' '}
                    <button type="button" onClick={() => open(prompt.name, version)}>
                      Open {prompt.name} v{version.version}
                    </button>
                  </li>
                ))}
              </ol>
              {prompt.versions.length > 1 ? (
                <button type="button" onClick={() => openDiff(prompt.name)}>
                  Compare versions of {prompt.name}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
