import { useId, useMemo, useState } from 'react';
import { buildRequest } from '../request/build-request.ts';
import { ResultView } from '../run/result-view.tsx';
import { useRun } from '../run/use-run.ts';
import { useDraft } from '../state/draft.ts';

interface Side {
  model: string;
  temperature: string;
  seed: string;
}

function SideFields({ name, side, onChange }: { name: string; side: Side; onChange: (side: Side) => void }) {
  const id = useId();
  return (
    <fieldset>
      <legend>{name}</legend>
      {(['model', 'temperature', 'seed'] as const).map((field) => (
        <div className="field" key={field}>
          <label htmlFor={`${id}-${field}`}>
            {name} {field}
          </label>
          <input
            id={`${id}-${field}`}
            value={side[field]}
            onChange={(event) => onChange({ ...side, [field]: event.target.value })}
          />
        </div>
      ))}
    </fieldset>
  );
}

/** The composer's prompt against two configurations, run together and shown side by side. */
export function CompareView() {
  const draft = useDraft((state) => state.draft);
  const model = String(draft.params.model ?? '');
  const [sides, setSides] = useState<[Side, Side]>([
    { model, temperature: '0.2', seed: '1' },
    { model, temperature: '1.5', seed: '2' },
  ]);
  const left = useRun();
  const right = useRun();
  const requests = useMemo(
    () => sides.map((side) => buildRequest({ ...draft, params: { ...draft.params, ...side } })),
    [draft, sides],
  );
  const problems = requests.flatMap((request, index) =>
    Object.values(request.problems).map((text) => `Configuration ${index === 0 ? 'A' : 'B'}: ${text}`),
  );
  const runBoth = () => {
    if (problems.length > 0) return;
    left.run(requests[0]?.body as never);
    right.run(requests[1]?.body as never);
  };
  const ignore = () => undefined;
  return (
    <div className="compare">
      <h2>Compare two configurations</h2>
      <p className="hint">The messages, tools and other parameters come from the Playground's composer.</p>
      <div className="compare-sides">
        <SideFields name="A" side={sides[0]} onChange={(side) => setSides([side, sides[1]])} />
        <SideFields name="B" side={sides[1]} onChange={(side) => setSides([sides[0], side])} />
      </div>
      {problems.map((text) => (
        <p key={text} role="alert">
          {text}
        </p>
      ))}
      <button type="button" onClick={runBoth} disabled={problems.length > 0 || left.running || right.running}>
        Run both
      </button>
      <div className="compare-results">
        {(['A', 'B'] as const).map((name, index) => (
          <div key={name}>
            <h3>{name}</h3>
            <ResultView
              run={index === 0 ? left : right}
              compact
              label={`Configuration ${name} result`}
              onRetry={runBoth}
              onUseChoice={ignore}
              onAnswerTools={ignore}
            />
          </div>
        ))}
      </div>
    </div>
  );
}
