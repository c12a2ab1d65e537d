import { useId, useMemo } from 'react';
import { draftVariableNames, type Problems } from '../request/build-request.ts';
import { useDraft } from '../state/draft.ts';
import { setVariable, variableRows } from './template.ts';

function VariableRow({
  name,
  value,
  used,
  problem,
}: {
  name: string;
  value: string;
  used: boolean;
  problem: string | undefined;
}) {
  const variables = useDraft((state) => state.draft.variables);
  const set = useDraft((state) => state.set);
  const id = useId();
  return (
    <li className="variable" data-used={used ? '' : undefined} data-invalid={problem ? '' : undefined}>
      <label htmlFor={id}>{`{{${name}}}`}</label>
      <textarea
        id={id}
        rows={1}
        value={value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-state`}
        onChange={(event) => set({ variables: setVariable(variables, name, event.target.value) })}
      />
      <small id={`${id}-state`} className={problem ? 'problem' : undefined}>
        {problem ?? (used ? 'Filled in when the prompt runs.' : 'Not used in any message.')}
      </small>
      {used ? null : (
        <button type="button" onClick={() => set({ variables: variables.filter((entry) => entry.name !== name) })}>
          Remove {name}
        </button>
      )}
    </li>
  );
}

/**
 * The prompt's `{{name}}` variables: every name in the messages (added as it is typed), a value for
 * each, the unused ones marked and removable. A used name without a value keeps Run disabled.
 */
export function VariablesPanel({ problems }: { problems: Problems }) {
  const variables = useDraft((state) => state.draft.variables);
  const messages = useDraft((state) => state.draft.messages);
  const used = useMemo(() => draftVariableNames({ messages }), [messages]);
  const rows = variableRows(variables, used);
  const id = useId();
  return (
    <fieldset className="variables" aria-describedby={`${id}-hint`}>
      <legend>Variables</legend>
      <p id={`${id}-hint`} className="hint">
        Write {'{{name}}'} in any message and give it a value here; a run fills the values in as plain text.
        {' \\{{name}} '}is sent as written.
      </p>
      {rows.length === 0 ? null : (
        <ul aria-label="Variable values">
          {rows.map((row) => (
            <VariableRow key={row.name} {...row} problem={problems[`variable.${row.name}`]} />
          ))}
        </ul>
      )}
      {problems.variables ? <p className="problem">{problems.variables}</p> : null}
    </fieldset>
  );
}
