import { useId } from 'react';
import type { Problems } from '../request/build-request.ts';
import { fieldValue, type ParamSpec, paramSpecs } from '../request/param-spec.ts';
import { useDraft } from '../state/draft.ts';
import { FieldNotes, paramControl } from './param-control.tsx';

/** One parameter's field: its control, the constraint under it, and its problem when it has one. */
export function ParamField({
  spec,
  problem,
  slider = false,
}: {
  spec: ParamSpec;
  problem: string | undefined;
  /** A range slider beside a bounded number's text field (which keeps the label and takes any value). */
  slider?: boolean;
}) {
  const value = useDraft((state) => fieldValue(spec, state.draft.params));
  const setParam = useDraft((state) => state.setParam);
  const id = useId();
  const described = `${id}-hint${problem ? ` ${id}-problem` : ''}`;
  const common = { id, 'aria-describedby': described, 'aria-invalid': problem ? true : undefined, name: spec.name };
  let control = paramControl(spec, value, (next) => setParam(spec.name, next), common);
  if (slider && spec.kind === 'number' && spec.min !== undefined && spec.max !== undefined) {
    // Empty means the API's default, 1 for both temperature and top_p: the slider rests there.
    const number = value === '' || !Number.isFinite(Number(value)) ? 1 : Number(value);
    control = (
      <div className="slider-row">
        <input
          type="range"
          aria-label={`${spec.label} slider`}
          min={spec.min}
          max={spec.max}
          step={0.01}
          value={Math.min(spec.max, Math.max(spec.min, number))}
          onChange={(event) => setParam(spec.name, event.target.value)}
        />
        {control}
      </div>
    );
  }
  return (
    <div className="field" data-kind={spec.kind} data-invalid={problem ? '' : undefined}>
      <label htmlFor={id}>{spec.label}</label>
      {control}
      <FieldNotes id={id} hint={spec.hint} problem={problem} />
    </div>
  );
}

/** The request parameters, grouped, with their constraints and problems; `exclude` leaves some out. */
export function ParamsForm({ problems, exclude = [] }: { problems: Problems; exclude?: readonly string[] }) {
  const shown = paramSpecs.filter((spec) => !exclude.includes(spec.name));
  const groups = [...new Set(shown.map((spec) => spec.group))];
  return (
    <div className="params">
      {groups.map((group) => (
        <fieldset key={group}>
          <legend>{group}</legend>
          {shown
            .filter((spec) => spec.group === group)
            .map((spec) => (
              <ParamField key={spec.name} spec={spec} problem={problems[spec.name]} />
            ))}
        </fieldset>
      ))}
    </div>
  );
}
