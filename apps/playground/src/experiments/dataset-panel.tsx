import { useChatCompletionsClient } from '@completions-kit/hooks';
import { useState } from 'react';
import { type DatasetFormat, formatOf, parseDataset, parseDatasetBytes, type Table } from './dataset-parse.ts';
import { parseMetadataFilter, rowsFromStored } from './dataset-sources.ts';
import type { Dataset } from './experiment.ts';
import { saveDataset } from './experiment-store.ts';
import { download, toCsv, toJsonl } from './table-export.ts';

interface DatasetPanelProps {
  datasets: Dataset[];
  chosen: string;
  onChoose: (id: string) => void;
  onSaved: (dataset: Dataset) => void;
}

/** Datasets: choose one, import a file, paste rows, import stored completions, export. */
export function DatasetPanel({ datasets, chosen, onChoose, onSaved }: DatasetPanelProps) {
  const client = useChatCompletionsClient();
  const [name, setName] = useState('dataset');
  const [pasted, setPasted] = useState('');
  const [format, setFormat] = useState<DatasetFormat>('csv');
  const [filter, setFilter] = useState('');
  const [problem, setProblem] = useState('');
  const current = datasets.find((dataset) => dataset.id === chosen);

  const [notice, setNotice] = useState('');
  const keep = async (
    read: () => (Table & { more?: boolean }) | Promise<Table & { more?: boolean }>,
    label: string,
  ) => {
    try {
      const { more, ...table } = await read();
      if (table.rows.length === 0) throw new Error('There are no rows to keep.');
      setProblem('');
      onSaved(await saveDataset(label.trim() || 'dataset', table));
      setNotice(
        more
          ? `Imported the first ${table.rows.length.toLocaleString('en-US')} rows, the most a dataset holds: more stored completions match the filter.`
          : '',
      );
    } catch (error) {
      setNotice('');
      setProblem(`Nothing was imported. ${(error as Error).message}`);
    }
  };
  const importFile = async (file: File) => {
    const fileFormat = formatOf(file.name);
    if (!fileFormat) return setProblem('Nothing was imported. Choose a .csv, .tsv or .jsonl file.');
    const bytes = new Uint8Array(await file.arrayBuffer());
    await keep(() => parseDatasetBytes(bytes, fileFormat), file.name.replace(/\.[^.]+$/, ''));
  };

  return (
    <section className="experiment-section" aria-labelledby="datasets-heading">
      <h2 id="datasets-heading">Dataset</h2>
      <label>
        Dataset
        <select value={chosen} onChange={(event) => onChoose(event.target.value)}>
          <option value="">Choose a dataset</option>
          {datasets.map((dataset) => (
            <option key={dataset.id} value={dataset.id}>
              {dataset.name} v{dataset.version} ({dataset.rows.length} rows)
            </option>
          ))}
        </select>
      </label>
      {current && (
        <p className="experiment-note">
          Columns: {current.columns.join(', ')}.{' '}
          <button
            type="button"
            onClick={() => download(`${current.name}-v${current.version}.csv`, toCsv(current), 'text/csv')}
          >
            Export dataset CSV
          </button>{' '}
          <button
            type="button"
            onClick={() => download(`${current.name}-v${current.version}.jsonl`, toJsonl(current), 'application/jsonl')}
          >
            Export dataset JSONL
          </button>
        </p>
      )}
      <label>
        Import dataset file (.csv, .tsv, .jsonl)
        <input
          type="file"
          accept=".csv,.tsv,.jsonl,.ndjson"
          onChange={(event) => event.target.files?.[0] && void importFile(event.target.files[0])}
        />
      </label>
      <details>
        <summary>Paste or type rows</summary>
        <label>
          Dataset name <input value={name} onChange={(event) => setName(event.target.value)} />
        </label>
        <label>
          Format
          <select value={format} onChange={(event) => setFormat(event.target.value as DatasetFormat)}>
            <option value="csv">CSV</option>
            <option value="tsv">TSV</option>
            <option value="jsonl">JSONL</option>
          </select>
        </label>
        <label>
          Rows (header first; a column named expected is the reference answer)
          <textarea rows={5} value={pasted} onChange={(event) => setPasted(event.target.value)} />
        </label>
        <button type="button" onClick={() => void keep(() => parseDataset(pasted, format), name)}>
          Save rows as dataset
        </button>
      </details>
      <details>
        <summary>Import from stored completions</summary>
        <label>
          Metadata filter (key=value lines)
          <textarea rows={2} value={filter} onChange={(event) => setFilter(event.target.value)} />
        </label>
        <button
          type="button"
          onClick={() => void keep(() => rowsFromStored(client, parseMetadataFilter(filter)), name)}
        >
          Import stored completions
        </button>
      </details>
      {problem && (
        <p role="alert" className="experiment-problem">
          {problem}
        </p>
      )}
      {notice && (
        <p role="status" className="experiment-notice">
          {notice}
        </p>
      )}
    </section>
  );
}
