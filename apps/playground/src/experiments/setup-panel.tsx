import { memo, useEffect, useState } from 'react';
import { useDraft } from '../state/draft.ts';
import { DatasetPanel } from './dataset-panel.tsx';
import { type Dataset, type Experiment, type ExperimentVariant, newExperimentId } from './experiment.ts';
import { listDatasets } from './experiment-store.ts';
import type { GraderSpec } from './graders.ts';
import { GradersEditor } from './graders-editor.tsx';
import { newVariant, VariantsEditor } from './variants-editor.tsx';

/** Everything an experiment is made of, and the button that starts it. */
export const SetupPanel = memo(function SetupPanel({
  onRun,
  busy,
}: {
  onRun: (experiment: Experiment) => void;
  busy: boolean;
}) {
  const draft = useDraft((state) => state.draft);
  const prompts = useDraft((state) => state.prompts);
  const [datasets, setDatasets] = useState<Dataset[]>([]);
  const [datasetId, setDatasetId] = useState('');
  const [prompt, setPrompt] = useState('draft');
  const [variants, setVariants] = useState<ExperimentVariant[]>([newVariant(0)]);
  const [graders, setGraders] = useState<GraderSpec[]>([]);
  const [concurrency, setConcurrency] = useState(4);
  const [name, setName] = useState('Experiment');

  useEffect(() => {
    void listDatasets().then((list) => {
      setDatasets(list);
      setDatasetId((current) => current || (list.at(-1)?.id ?? ''));
    });
  }, []);

  const promptDraft = () => {
    if (prompt === 'draft') return { draft, label: 'the draft' };
    const [promptName, version] = prompt.split('@v');
    const found = prompts
      .find((entry) => entry.name === promptName)
      ?.versions.find((entry) => String(entry.version) === version);
    return { draft: found?.draft ?? draft, label: found ? `${promptName} v${version}` : 'the draft' };
  };
  const run = () => {
    const chosen = promptDraft();
    onRun({
      id: newExperimentId(),
      name: name.trim() || 'Experiment',
      createdAt: Date.now(),
      draft: chosen.draft,
      promptLabel: chosen.label,
      datasetId,
      variants,
      graders,
      concurrency,
      status: 'ready',
    });
  };

  return (
    <div className="experiment-setup">
      <DatasetPanel
        datasets={datasets}
        chosen={datasetId}
        onChoose={setDatasetId}
        onSaved={(dataset) => {
          setDatasets((list) => [...list, dataset]);
          setDatasetId(dataset.id);
        }}
      />
      <section className="experiment-section" aria-labelledby="setup-heading">
        <h2 id="setup-heading">Experiment</h2>
        <label>
          Experiment name <input value={name} onChange={(event) => setName(event.target.value)} />
        </label>
        <label>
          Prompt
          <select value={prompt} onChange={(event) => setPrompt(event.target.value)}>
            <option value="draft">The current draft</option>
            {prompts.flatMap((entry) =>
              entry.versions.map((version) => (
                <option key={`${entry.name}@v${version.version}`} value={`${entry.name}@v${version.version}`}>
                  {entry.name} v{version.version}
                </option>
              )),
            )}
          </select>
        </label>
        <VariantsEditor variants={variants} onChange={setVariants} />
        <GradersEditor graders={graders} onChange={setGraders} />
        <label>
          Concurrency
          <input
            type="number"
            min={1}
            max={32}
            value={concurrency}
            onChange={(event) => setConcurrency(Math.max(1, Math.min(32, Number(event.target.value) || 1)))}
          />
        </label>
        <button type="button" className="primary" disabled={!datasetId || busy} onClick={run}>
          Run experiment
        </button>
      </section>
    </div>
  );
});
