import { useId } from 'react';
import { FieldNotes, paramControl } from '../composer/param-control.tsx';
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
  const control = paramControl(spec, value, onChange, common);
  return (
    <div className="field" data-invalid={problem ? '' : undefined}>
      <label htmlFor={id}>
        <span data-slot="visually-hidden">Variant {variant} </span>
        {spec.label}
      </label>
      {control}
      <FieldNotes id={id} problem={problem} />
    </div>
  );
}
