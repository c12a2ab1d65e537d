import { useId } from 'react';
import { PresetOptions } from '../connection/preset-options.tsx';
import type { Problems } from '../request/build-request.ts';
import { type ParamSpec, paramSpecs } from '../request/param-spec.ts';
import { presets } from '../state/connection.ts';
import type { DraftMessage } from '../state/draft.ts';
import { VariantField } from './variant-field.tsx';
import { VariantMessages } from './variant-messages.tsx';
import { sections, type Variant } from './variants.ts';

interface VariantSettingsProps {
  variant: Variant;
  problems: Problems;
  keyText: string;
  composerMessages: DraftMessage[];
  onEdit: (field: string, value: string | boolean) => void;
  onKey: (key: string) => void;
  onMessages: (messages: Variant['messages']) => void;
}

const specOf = (name: string) => paramSpecs.find((spec) => spec.name === name) as ParamSpec;

function ConnectionField({
  variant,
  keyText,
  onEdit,
  onKey,
}: Pick<VariantSettingsProps, 'variant' | 'keyText' | 'onEdit' | 'onKey'>) {
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
          <PresetOptions />
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

/** A variant's settings, by section: Model (with its connection), Sampling, Length, Messages. */
export function VariantSettings(props: VariantSettingsProps) {
  const { variant, problems, onEdit, composerMessages, onMessages } = props;
  return (
    <div className="variant-settings">
      {sections.map((section) => (
        <fieldset key={section.id}>
          <legend>{section.label}</legend>
          {section.id === 'model' ? <ConnectionField {...props} /> : null}
          {section.id === 'messages' ? (
            <VariantMessages variant={variant} composerMessages={composerMessages} onMessages={onMessages} />
          ) : null}
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
