// biome-ignore-all lint/suspicious/noArrayIndexKey: a kept run never changes; a message's place is its identity.
import { type AnyMessage, Message, UsageView } from '@completions-kit/components';
import type { FinishReason } from '@completions-kit/core';
import { figures, paramEntries, runTime, statusText } from './compare-fields.ts';
import type { HistoryRun } from './run-record.ts';

export interface HistoryDetailProps {
  run: HistoryRun;
  onOpenInPlayground: (run: HistoryRun) => void;
  onDelete: (run: HistoryRun) => void;
}

export function Figures({ run }: { run: HistoryRun }) {
  return (
    <dl className="history-figures-list">
      {figures(run).map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Output({ run }: { run: HistoryRun }) {
  if (run.choices.length === 0) return <p>No output arrived.</p>;
  return run.choices.map((choice, index) => (
    <Message
      key={index}
      message={choice.message as AnyMessage}
      status={run.status}
      finishReason={choice.finish_reason as FinishReason | null}
      aria-label={`Answer ${index + 1}`}
    />
  ));
}

function ParamTable({ run }: { run: HistoryRun }) {
  return (
    <table className="history-params">
      <thead>
        <tr>
          <th scope="col">Parameter</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {paramEntries(run.request).map(([name, value]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Head({ run, onOpenInPlayground, onDelete }: HistoryDetailProps) {
  return (
    <>
      <h2 id="history-detail-title">Run of {runTime(run)}</h2>
      <p>
        {statusText(run)} · {run.model}
      </p>
      <div className="history-actions">
        <button type="button" onClick={() => onOpenInPlayground(run)}>
          Open in playground
        </button>
        <button type="button" onClick={() => onDelete(run)}>
          Delete this run
        </button>
      </div>
      {run.error ? (
        <p className="run-error">
          {run.error.status ? `${run.error.status}: ` : ''}
          {run.error.message}
        </p>
      ) : null}
      {run.note ? <p className="hint">{run.note}</p> : null}
    </>
  );
}

/** One kept run: its prompt, settings, answer, timings and cost; reopen it or delete it. */
export function HistoryDetail({ run, onOpenInPlayground, onDelete }: HistoryDetailProps) {
  return (
    <section className="history-detail" aria-labelledby="history-detail-title">
      <Head run={run} onOpenInPlayground={onOpenInPlayground} onDelete={onDelete} />
      <h3>Messages</h3>
      {run.request.messages.map((message, index) => (
        <Message key={index} message={message as AnyMessage} aria-label={`Message ${index + 1}`} />
      ))}
      <h3>Parameters</h3>
      <ParamTable run={run} />
      <h3>Output</h3>
      <Output run={run} />
      <h3>Timings and cost</h3>
      <Figures run={run} />
      {run.usage ? (
        <UsageView
          completion={{ id: run.id, model: run.model, created: Math.floor(run.at / 1000), usage: run.usage }}
          aria-label="Run usage and cost"
        />
      ) : null}
    </section>
  );
}
