import { type ExperimentVariant, MAX_VARIANTS } from './experiment.ts';

export const newVariant = (index: number): ExperimentVariant => ({
  id: `v${index + 1}`,
  name: `Variant ${index + 1}`,
  model: '',
  temperature: '',
  maxTokens: '',
  system: '',
});

const fields: { key: keyof ExperimentVariant; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'model', label: 'Model' },
  { key: 'temperature', label: 'Temperature' },
  { key: 'maxTokens', label: 'Max tokens' },
];

/** 1 to 12 variants; an empty field keeps the prompt's value. */
export function VariantsEditor({
  variants,
  onChange,
}: {
  variants: ExperimentVariant[];
  onChange: (next: ExperimentVariant[]) => void;
}) {
  const edit = (id: string, change: Partial<ExperimentVariant>) =>
    onChange(variants.map((variant) => (variant.id === id ? { ...variant, ...change } : variant)));
  const add = () => {
    const used = new Set(variants.map((variant) => variant.id));
    let index = variants.length;
    while (used.has(newVariant(index).id)) index++;
    onChange([...variants, newVariant(index)]);
  };
  return (
    <fieldset className="experiment-variants">
      <legend>Variants (empty fields keep the prompt’s value)</legend>
      {variants.map((variant, position) => (
        <fieldset key={variant.id} className="experiment-variant">
          <legend>Variant {position + 1}</legend>
          {fields.map((field) => (
            <label key={field.key}>
              {field.label}
              <input
                value={variant[field.key]}
                onChange={(event) => edit(variant.id, { [field.key]: event.target.value })}
              />
            </label>
          ))}
          <label>
            System prompt
            <textarea
              rows={2}
              value={variant.system}
              onChange={(event) => edit(variant.id, { system: event.target.value })}
            />
          </label>
          <button
            type="button"
            disabled={variants.length === 1}
            onClick={() => onChange(variants.filter((entry) => entry.id !== variant.id))}
          >
            Remove {variant.name}
          </button>
        </fieldset>
      ))}
      <button type="button" disabled={variants.length >= MAX_VARIANTS} onClick={add}>
        Add variant
      </button>
    </fieldset>
  );
}
