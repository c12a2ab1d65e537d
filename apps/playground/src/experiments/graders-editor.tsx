import { useState } from 'react';
import { PresetOptions } from '../connection/preset-options.tsx';
import { presets } from '../state/connection.ts';
import { type GraderKind, type GraderSpec, graderLabels, type JudgeConnection, newGrader } from './graders.ts';
import { judgeKeys } from './judge-keys.ts';

/** The judge's connection, and its key when the preset takes one in the browser (memory only). */
function JudgeConnectionFields({ id, connection, edit }: { id: string; connection: JudgeConnection; edit: Edit }) {
  const [key, setKey] = useState(judgeKeys.get(id) ?? '');
  const preset = connection === 'current' ? undefined : presets[connection];
  return (
    <>
      <label>
        Model-graded judge connection
        <select
          value={connection}
          onChange={(event) => edit({ connection: event.target.value as JudgeConnection } as Partial<GraderSpec>)}
        >
          <option value="current">The experiment's connection</option>
          <PresetOptions />
        </select>
      </label>
      {preset?.browserKey ? (
        <label>
          Model-graded judge API key (memory only)
          <input
            type="password"
            autoComplete="off"
            value={key}
            onChange={(event) => {
              judgeKeys.set(id, event.target.value);
              setKey(event.target.value);
            }}
          />
        </label>
      ) : null}
    </>
  );
}

type Edit = (change: Partial<GraderSpec>) => void;

function GraderFields({ grader, edit }: { grader: GraderSpec; edit: Edit }) {
  const label = graderLabels[grader.kind];
  const change = (key: string, value: string) => edit({ [key]: value } as Partial<GraderSpec>);
  const text = (name: string, value: string, key: string, rows = 1) =>
    rows > 1 ? (
      <label>
        {label} {name}
        <textarea rows={rows} value={value} onChange={(event) => change(key, event.target.value)} />
      </label>
    ) : (
      <label>
        {label} {name}
        <input value={value} onChange={(event) => change(key, event.target.value)} />
      </label>
    );
  const number = (name: string, value: number | null, key: string) => (
    <label>
      {label} {name}
      <input
        type="number"
        value={value ?? ''}
        onChange={(event) =>
          edit({ [key]: event.target.value === '' ? null : Number(event.target.value) } as Partial<GraderSpec>)
        }
      />
    </label>
  );
  switch (grader.kind) {
    case 'exact':
    case 'contains':
      return text('text', grader.text, 'text');
    case 'regex':
      return (
        <>
          {text('pattern', grader.pattern, 'pattern')}
          {text('flags', grader.flags, 'flags')}
        </>
      );
    case 'json-schema':
      return text('schema', grader.schema, 'schema', 3);
    case 'length':
      return (
        <>
          {number('minimum', grader.min, 'min')}
          {number('maximum', grader.max, 'max')}
        </>
      );
    case 'javascript':
      return (
        <>
          {text('body (answer, row, expected)', grader.source, 'source', 3)}
          {number('time limit (ms)', grader.timeoutMs, 'timeoutMs')}
        </>
      );
    case 'model':
      return (
        <>
          {text('judge prompt', grader.prompt, 'prompt', 3)}
          {text('judge model (empty: the prompt’s)', grader.model, 'model')}
          <JudgeConnectionFields id={grader.id} connection={grader.connection ?? 'current'} edit={edit} />
          {number('pass score', grader.threshold, 'threshold')}
        </>
      );
  }
}

/** Any number of graders; a cell passes when every one passes. */
export function GradersEditor({
  graders,
  onChange,
}: {
  graders: GraderSpec[];
  onChange: (next: GraderSpec[]) => void;
}) {
  const [kind, setKind] = useState<GraderKind>('contains');
  return (
    <fieldset className="experiment-graders">
      <legend>Graders</legend>
      {graders.map((grader) => (
        <fieldset key={grader.id} className="experiment-grader">
          <legend>{graderLabels[grader.kind]}</legend>
          <GraderFields
            grader={grader}
            edit={(change) =>
              onChange(
                graders.map((entry) => (entry.id === grader.id ? ({ ...entry, ...change } as GraderSpec) : entry)),
              )
            }
          />
          <button type="button" onClick={() => onChange(graders.filter((entry) => entry.id !== grader.id))}>
            Remove {graderLabels[grader.kind]}
          </button>
        </fieldset>
      ))}
      <label>
        Grader kind
        <select value={kind} onChange={(event) => setKind(event.target.value as GraderKind)}>
          {(Object.keys(graderLabels) as GraderKind[]).map((option) => (
            <option key={option} value={option}>
              {graderLabels[option]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        onClick={() => onChange([...graders, newGrader(kind, `g${Date.now().toString(36)}${graders.length}`)])}
      >
        Add grader
      </button>
    </fieldset>
  );
}
