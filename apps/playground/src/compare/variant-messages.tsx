import { useId } from 'react';
import { type DraftMessage, useDraft } from '../state/draft.ts';
import type { Variant } from './variants.ts';

interface VariantMessagesProps {
  variant: Variant;
  composerMessages: DraftMessage[];
  onMessages: (messages: Variant['messages']) => void;
}

const savedKey = (name: string, version: number) => `saved:${name}:${version}`;

/**
 * Where a variant's messages come from: the composer (as typed there, the default), its own copy to
 * edit here, or a saved prompt's version, so two system prompts or two versions run side by side.
 */
export function VariantMessages({ variant, composerMessages, onMessages }: VariantMessagesProps) {
  const id = useId();
  const prompts = useDraft((state) => state.prompts);
  const source = variant.messages?.from ?? 'composer';
  const choose = (value: string) => {
    if (value === 'composer') return onMessages(null);
    if (value === 'own') return onMessages({ from: 'own', list: variant.messages?.list ?? composerMessages });
    for (const prompt of prompts) {
      for (const entry of prompt.versions) {
        if (savedKey(prompt.name, entry.version) === value) onMessages({ from: value, list: entry.draft.messages });
      }
    }
  };
  const edit = (index: number, text: string) => {
    const list = (variant.messages?.list ?? []).map((entry, at) => (at === index ? { ...entry, text } : entry));
    // Edited, it is no longer the saved version it was copied from.
    onMessages({ from: 'own', list });
  };
  return (
    <>
      <div className="field">
        <label htmlFor={id}>
          <span data-slot="visually-hidden">Variant {variant.name} </span>Messages from
        </label>
        <select id={id} value={source} onChange={(event) => choose(event.target.value)}>
          <option value="composer">The composer</option>
          <option value="own">Its own copy (edit below)</option>
          {prompts.length > 0 ? (
            <optgroup label="Saved prompts">
              {prompts.flatMap((prompt) =>
                prompt.versions.map((entry) => (
                  <option key={savedKey(prompt.name, entry.version)} value={savedKey(prompt.name, entry.version)}>
                    {prompt.name} · v{entry.version}
                  </option>
                )),
              )}
            </optgroup>
          ) : null}
          {/* A saved version deleted since it was chosen still names what the variant holds. */}
          {source.startsWith('saved:') &&
          !prompts.some((prompt) =>
            prompt.versions.some((entry) => savedKey(prompt.name, entry.version) === source),
          ) ? (
            <option value={source}>{source.slice(6).replace(/:(\d+)$/, ' · v$1')} (deleted)</option>
          ) : null}
        </select>
      </div>
      {variant.messages?.list.map((entry, index) => (
        <div className="field" key={entry.id}>
          <label htmlFor={`${id}-${index}`}>
            <span data-slot="visually-hidden">
              Variant {variant.name} message {index + 1},{' '}
            </span>
            {entry.role.charAt(0).toUpperCase() + entry.role.slice(1)}
          </label>
          <textarea
            id={`${id}-${index}`}
            rows={entry.role === 'system' || entry.role === 'developer' ? 3 : 2}
            value={entry.text}
            onChange={(event) => edit(index, event.target.value)}
          />
        </div>
      ))}
    </>
  );
}
