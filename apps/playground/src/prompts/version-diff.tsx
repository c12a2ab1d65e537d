import { useId, useMemo, useState } from 'react';
import { InlineDiff } from '../diff/inline-diff.tsx';
import { changedFields, readableDraft } from './draft-fields.ts';
import type { SavedPrompt } from './versions.ts';

const shorten = (text: string | undefined) =>
  text === undefined ? '(not set)' : text.length > 200 ? `${text.slice(0, 200)}…` : text;

/** Two versions of a saved prompt: a table of the fields that changed, and a word diff of the whole. */
export function VersionDiff({ prompt }: { prompt: SavedPrompt }) {
  const id = useId();
  const numbers = prompt.versions.map((entry) => entry.version);
  const [from, setFrom] = useState(numbers.at(-2) ?? 1);
  const [to, setTo] = useState(numbers.at(-1) ?? 1);
  const before = prompt.versions.find((entry) => entry.version === from);
  const after = prompt.versions.find((entry) => entry.version === to);
  const changes = useMemo(() => (before && after ? changedFields(before.draft, after.draft) : []), [before, after]);
  const select = (side: 'from' | 'to', label: string, value: number, onChange: (value: number) => void) => (
    <>
      <label htmlFor={`${id}-${side}`}>{label}</label>
      <select id={`${id}-${side}`} value={value} onChange={(event) => onChange(Number(event.target.value))}>
        {numbers.map((number) => (
          <option key={number} value={number}>
            v{number}
          </option>
        ))}
      </select>
    </>
  );
  return (
    <section className="version-diff" aria-label={`Changes in ${prompt.name}`}>
      {select('from', `${prompt.name}: compare`, from, setFrom)}
      {select('to', `${prompt.name}: with`, to, setTo)}
      {before && after ? (
        <>
          {changes.length === 0 ? (
            <p>
              v{from} and v{to} are the same.
            </p>
          ) : (
            <table>
              <caption>
                Fields changed from v{from} to v{to}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">v{from}</th>
                  <th scope="col">v{to}</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((change) => (
                  <tr key={change.field}>
                    <th scope="row">{change.field}</th>
                    <td>{shorten(change.before)}</td>
                    <td>{shorten(change.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <InlineDiff
            before={readableDraft(before.draft)}
            after={readableDraft(after.draft)}
            beforeLabel={`v${from}`}
            afterLabel={`v${to}`}
          />
        </>
      ) : null}
    </section>
  );
}
