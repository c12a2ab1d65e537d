import { type ReactNode, useId } from 'react';
import { fieldValue, type ParamSpec } from '../request/param-spec.ts';

interface VariantFieldProps {
  spec: ParamSpec;
  /** The variant's name, read before the field's label so every field's name is unique on the page. */
  variant: string;
  params: Record<string, string | boolean>;
  problem: string | undefined;
  onChange: (value: string | boolean) => void;
}

/** One setting of one variant, kept as typed (checked when the request is built). */
export function VariantField({ spec, variant, params, problem, onChange }: VariantFieldProps) {
  const id = useId();
  const value = fieldValue(spec, params);
  const common = {
    id,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': problem ? `${id}-problem` : undefined,
  };
  let control: ReactNode;
  if (spec.kind === 'select') {
    control = (
      <select {...common} value={String(value)} onChange={(event) => onChange(event.target.value)}>
        {spec.options.map((option) => (
          <option key={option} value={option}>
            {option || '(default)'}
          </option>
        ))}
      </select>
    );
  } else if (spec.kind === 'lines') {
    control = (
      <textarea {...common} rows={2} value={String(value)} onChange={(event) => onChange(event.target.value)} />
    );
  } else {
    const numeric = spec.kind === 'number' || spec.kind === 'integer';
    control = (
      <input
        {...common}
        inputMode={numeric ? 'decimal' : undefined}
        value={String(value)}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  return (
    <div className="field" data-invalid={problem ? '' : undefined}>
      <label htmlFor={id}>
        <span data-slot="visually-hidden">Variant {variant} </span>
        {spec.label}
      </label>
      {control}
      {problem ? (
        <small id={`${id}-problem`} className="problem">
          {problem}
        </small>
      ) : null}
    </div>
  );
}
