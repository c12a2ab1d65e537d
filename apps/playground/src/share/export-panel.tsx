import type { ChatCompletionCreateParams } from '@completions-kit/core';
import { useId, useState } from 'react';
import { useConnection } from '../state/connection.ts';
import { useDraft } from '../state/draft.ts';
import { curlCode, javascriptCode, pythonCode } from './export-code.ts';
import { shareUrl } from './share-url.ts';

const languages = { curl: curlCode, JavaScript: javascriptCode, Python: pythonCode };

/** The request as code (the key read from the environment), a share link, and saved prompts. */
export function ExportPanel({ body }: { body: ChatCompletionCreateParams }) {
  const [language, setLanguage] = useState<keyof typeof languages>('curl');
  const [copied, setCopied] = useState('');
  const [name, setName] = useState('');
  const connection = useConnection((state) => state.connection);
  const { draft, saved, save, replace, remove } = useDraft();
  const id = useId();
  const code = languages[language](body, connection, location.origin);
  const copy = async (text: string, what: string) => {
    await navigator.clipboard?.writeText(text).catch(() => undefined);
    setCopied(what);
  };
  const link = shareUrl(draft, location);
  return (
    <details className="export">
      <summary>Export, share and saved prompts</summary>
      <label htmlFor={`${id}-language`}>Code</label>
      <select
        id={`${id}-language`}
        value={language}
        onChange={(event) => setLanguage(event.target.value as keyof typeof languages)}
      >
        {Object.keys(languages).map((entry) => (
          <option key={entry}>{entry}</option>
        ))}
      </select>
      <figure>
        <figcaption>{language} code, reading the key from the environment</figcaption>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to be read */}
        <pre className="raw" tabIndex={0}>
          {code}
        </pre>
      </figure>
      <button type="button" onClick={() => void copy(code, 'code')}>
        Copy code
      </button>
      <label htmlFor={`${id}-link`}>Share link (the prompt only: no key, no uploads)</label>
      <input id={`${id}-link`} readOnly value={link} />
      <button type="button" onClick={() => void copy(link, 'link')}>
        Copy link
      </button>
      <p role="status">{copied ? `Copied the ${copied}.` : ''}</p>
      <label htmlFor={`${id}-name`}>Save this prompt as</label>
      <input id={`${id}-name`} value={name} onChange={(event) => setName(event.target.value)} />
      <button type="button" disabled={!name.trim()} onClick={() => save(name.trim())}>
        Save prompt
      </button>
      <ul aria-label="Saved prompts">
        {saved.map((entry) => (
          <li key={entry.name}>
            {entry.name}{' '}
            <button type="button" onClick={() => replace(entry.draft)}>
              Load {entry.name}
            </button>{' '}
            <button type="button" onClick={() => remove(entry.name)}>
              Forget {entry.name}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
