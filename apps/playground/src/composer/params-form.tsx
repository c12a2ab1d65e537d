import { type ReactNode, useId } from 'react';
import type { Problems } from '../request/build-request.ts';
import { fieldValue, type ParamSpec, paramSpecs } from '../request/param-spec.ts';
import { useDraft } from '../state/draft.ts';

function Field({ spec, problem }: { spec: ParamSpec; problem: string | undefined }) {
  const value = useDraft((state) => fieldValue(spec, state.draft.params));
  const setParam = useDraft((state) => state.setParam);
  const id = useId();
  const described = `${id}-hint${problem ? ` ${id}-problem` : ''}`;
  const common = { id, 'aria-describedby': described, 'aria-invalid': problem ? true : undefined, name: spec.name };
  let control: ReactNode;
  if (spec.kind === 'boolean') {
    control = (
      <input
        {...common}
        type="checkbox"
        checked={value === true}
        onChange={(event) => setParam(spec.name, event.target.checked)}
      />
    );
  } else if (spec.kind === 'select') {
    control = (
      <select {...common} value={String(value)} onChange={(event) => setParam(spec.name, event.target.value)}>
        {spec.options.map((option) => (
          <option key={option} value={option}>
            {option || '(default)'}
          </option>
        ))}
      </select>
    );
  } else if (spec.kind === 'lines' || spec.kind === 'json') {
    control = (
      <textarea
        {...common}
        rows={2}
        value={String(value)}
        onChange={(event) => setParam(spec.name, event.target.value)}
      />
    );
  } else {
    const numeric = spec.kind === 'number' || spec.kind === 'integer';
    control = (
      <input
        {...common}
        inputMode={numeric ? 'decimal' : undefined}
        value={String(value)}
        onChange={(event) => setParam(spec.name, event.target.value)}
      />
    );
  }
  return (
    <div className="field" data-kind={spec.kind} data-invalid={problem ? '' : undefined}>
      <label htmlFor={id}>{spec.label}</label>
      {control}
      <small id={`${id}-hint`}>{spec.hint}</small>
      {problem ? (
        <small id={`${id}-problem`} className="problem">
          {problem}
        </small>
      ) : null}
    </div>
  );
}

/** Every request parameter, grouped, with its constraint beside it and its problem under it. */
export function ParamsForm({ problems }: { problems: Problems }) {
  const groups = [...new Set(paramSpecs.map((spec) => spec.group))];
  return (
    <div className="params">
      {groups.map((group) => (
        <fieldset key={group}>
          <legend>{group}</legend>
          {paramSpecs
            .filter((spec) => spec.group === group)
            .map((spec) => (
              <Field key={spec.name} spec={spec} problem={problems[spec.name]} />
            ))}
        </fieldset>
      ))}
    </div>
  );
}
