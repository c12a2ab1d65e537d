import { useId, useState } from 'react';
import { SavedPrompts } from '../prompts/saved-prompts.tsx';
import { useConnection } from '../state/connection.ts';
import { useDraft } from '../state/draft.ts';
import { type ExportFormat, exportFileName, exportFormats, exportText } from './export-formats.ts';
import { leftOutOfLink, shareUrl } from './share-url.ts';

const captions: Record<ExportFormat, string> = {
  curl: 'curl code, reading the key from the environment',
  JavaScript: 'JavaScript code, reading the key from the environment',
  Python: 'Python code, reading the key from the environment',
  'TypeScript module': 'A typed module to keep in your app under git: buildRequest(variables) gives this request',
  'Test fixture': 'A fixture for your tests: replayFetch serves the last run’s answer to a client',
};

import type { ExportPanelProps } from './export-panel.tsx';

/** What the export panel holds, loaded when it is first opened: the code writers stay out of the first load. */
export function ExportContent({ body, completion }: ExportPanelProps) {
  const [format, setFormat] = useState<ExportFormat>('curl');
  const [copied, setCopied] = useState('');
  const connection = useConnection((state) => state.connection);
  const draft = useDraft((state) => state.draft);
  const id = useId();
  const code = exportText(format, { draft, body, connection, origin: location.origin, completion });
  const copy = async (text: string, what: string) => {
    await navigator.clipboard?.writeText(text).catch(() => undefined);
    setCopied(what);
  };
  const link = shareUrl(draft, location);
  const leftOut = leftOutOfLink(draft);
  return (
    <>
      <label htmlFor={`${id}-language`}>Code</label>
      <select id={`${id}-language`} value={format} onChange={(event) => setFormat(event.target.value as ExportFormat)}>
        {exportFormats.map((entry) => (
          <option key={entry}>{entry}</option>
        ))}
      </select>
      <figure>
        <figcaption>
          {captions[format]} ({exportFileName[format]})
        </figcaption>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to be read */}
        <pre className="raw" tabIndex={0}>
          {code}
        </pre>
      </figure>
      <button type="button" onClick={() => void copy(code, 'code')}>
        Copy code
      </button>
      <label htmlFor={`${id}-link`}>Share link (the prompt only: no key, no uploads)</label>
      <input id={`${id}-link`} readOnly value={link} aria-describedby={`${id}-left-out`} />
      <button type="button" onClick={() => void copy(link, 'link')}>
        Copy link
      </button>
      <p id={`${id}-left-out`} className="hint">
        {leftOut.length === 0
          ? 'The link holds every field of this prompt, variables included.'
          : `The link leaves out ${leftOut.map((entry) => `the ${entry.part} of message ${entry.message}`).join(', ')}: add ${leftOut.length === 1 ? 'it' : 'them'} again after opening.`}
      </p>
      <p role="status">{copied ? `Copied the ${copied}.` : ''}</p>
      <SavedPrompts />
    </>
  );
}
