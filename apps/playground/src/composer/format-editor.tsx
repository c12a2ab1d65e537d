import { useId } from 'react';
import type { Problems } from '../request/build-request.ts';
import { useDraft } from '../state/draft.ts';

/** The response format: text, json_object, or json_schema with its name, schema and strictness. */
export function FormatEditor({ problems }: { problems: Problems }) {
  const responseFormat = useDraft((state) => state.draft.responseFormat);
  const set = useDraft((state) => state.set);
  const id = useId();
  return (
    <>
      <label htmlFor={`${id}-format`}>Response format</label>
      <select
        id={`${id}-format`}
        value={responseFormat.type}
        onChange={(event) => set({ responseFormat: { ...responseFormat, type: event.target.value as 'text' } })}
      >
        <option value="text">text</option>
        <option value="json_object">json_object</option>
        <option value="json_schema">json_schema</option>
      </select>
      {responseFormat.type === 'json_schema' ? (
        <>
          <label htmlFor={`${id}-schema-name`}>Schema name</label>
          <input
            id={`${id}-schema-name`}
            value={responseFormat.name}
            onChange={(event) => set({ responseFormat: { ...responseFormat, name: event.target.value } })}
          />
          <label htmlFor={`${id}-schema`}>JSON schema</label>
          <textarea
            id={`${id}-schema`}
            rows={8}
            value={responseFormat.schema}
            aria-invalid={problems.response_format ? true : undefined}
            aria-describedby={problems.response_format ? `${id}-schema-problem` : undefined}
            onChange={(event) => set({ responseFormat: { ...responseFormat, schema: event.target.value } })}
          />
          {problems.response_format ? (
            <p id={`${id}-schema-problem`} className="problem">
              {problems.response_format}
            </p>
          ) : null}
          <label>
            <input
              type="checkbox"
              checked={responseFormat.strict}
              onChange={(event) => set({ responseFormat: { ...responseFormat, strict: event.target.checked } })}
            />{' '}
            Strict
          </label>
        </>
      ) : null}
    </>
  );
}
