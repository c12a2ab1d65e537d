import { useId } from 'react';
import type { Problems } from '../request/build-request.ts';
import { type ParamSpec, paramSpecs } from '../request/param-spec.ts';
import { type PresetId, presets } from '../state/connection.ts';
import { VariantField } from './variant-field.tsx';
import { sections, type Variant } from './variants.ts';

interface VariantSettingsProps {
  variant: Variant;
  problems: Problems;
  keyText: string;
  onEdit: (field: string, value: string | boolean) => void;
  onKey: (key: string) => void;
}

const specOf = (name: string) => paramSpecs.find((spec) => spec.name === name) as ParamSpec;

function ConnectionField({ variant, keyText, onEdit, onKey }: Omit<VariantSettingsProps, 'problems'>) {
  const id = useId();
  const preset = variant.connection === 'current' ? undefined : presets[variant.connection];
  return (
    <>
      <div className="field">
        <label htmlFor={id}>
          <span data-slot="visually-hidden">Variant {variant.name} </span>Connection
        </label>
        <select id={id} value={variant.connection} onChange={(event) => onEdit('connection', event.target.value)}>
          <option value="current">The current connection</option>
          {(Object.keys(presets) as PresetId[]).map((presetId) => (
            <option key={presetId} value={presetId}>
              {presets[presetId].label}
            </option>
          ))}
        </select>
      </div>
      {preset?.browserKey ? (
        <div className="field">
          <label htmlFor={`${id}-key`}>
            <span data-slot="visually-hidden">Variant {variant.name} </span>API key
          </label>
          <input
            id={`${id}-key`}
            type="password"
            autoComplete="off"
            value={keyText}
            onChange={(event) => onKey(event.target.value)}
          />
          <small>Memory only: sent from this page to {preset.connection.baseURL}.</small>
        </div>
      ) : null}
    </>
  );
}

/** A variant's settings, by section: Model (with its connection), Sampling, Length. */
export function VariantSettings(props: VariantSettingsProps) {
  const { variant, problems, onEdit } = props;
  return (
    <div className="variant-settings">
      {sections.map((section) => (
        <fieldset key={section.id}>
          <legend>{section.label}</legend>
          {section.id === 'model' ? <ConnectionField {...props} /> : null}
          {section.fields.map((field) => (
            <VariantField
              key={field}
              spec={specOf(field)}
              variant={variant.name}
              params={variant.params}
              problem={problems[field]}
              onChange={(value) => onEdit(field, value)}
            />
          ))}
        </fieldset>
      ))}
    </div>
  );
}
