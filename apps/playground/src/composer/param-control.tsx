import type { ReactNode } from 'react';
import type { ParamSpec } from '../request/param-spec.ts';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  name?: string;
}

/**
 * The control for one parameter, by its kind: a checkbox, a select, a text area for lines and JSON,
 * else a text field (numbers too, kept as typed so a bad value is shown, not lost).
 */
export function paramControl(
  spec: ParamSpec,
  value: string | boolean,
  onChange: (value: string | boolean) => void,
  common: ControlProps,
): ReactNode {
  if (spec.kind === 'boolean') {
    return (
      <input
        {...common}
        type="checkbox"
        checked={value === true}
        onChange={(event) => onChange(event.target.checked)}
      />
    );
  }
  if (spec.kind === 'select') {
    return (
      <select {...common} value={String(value)} onChange={(event) => onChange(event.target.value)}>
        {spec.options.map((option) => (
          <option key={option} value={option}>
            {option || '(default)'}
          </option>
        ))}
      </select>
    );
  }
  if (spec.kind === 'lines' || spec.kind === 'json') {
    return <textarea {...common} rows={2} value={String(value)} onChange={(event) => onChange(event.target.value)} />;
  }
  const numeric = spec.kind === 'number' || spec.kind === 'integer';
  return (
    <input
      {...common}
      inputMode={numeric ? 'decimal' : undefined}
      value={String(value)}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

/** Under a field: its constraint, then its problem when it has one (ids `${id}-hint`, `${id}-problem`). */
export function FieldNotes({ id, hint, problem }: { id: string; hint?: string; problem: string | undefined }) {
  return (
    <>
      {hint === undefined ? null : <small id={`${id}-hint`}>{hint}</small>}
      {problem ? (
        <small id={`${id}-problem`} className="problem">
          {problem}
        </small>
      ) : null}
    </>
  );
}
