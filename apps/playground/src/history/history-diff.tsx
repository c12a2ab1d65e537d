// biome-ignore-all lint/suspicious/noArrayIndexKey: kept runs never change; a message's place is its identity.
import { InlineDiff } from '../diff/inline-diff.tsx';
import { figures, messageText, paramRows, roleOf, runTime } from './compare-fields.ts';
import type { HistoryRun } from './run-record.ts';

const outputOf = (run: HistoryRun) => run.choices[0]?.message.content ?? run.error?.message ?? '';

function ParamsTable({ runs: [a, b], labels }: { runs: [HistoryRun, HistoryRun]; labels: [string, string] }) {
  const rows = paramRows(a.request, b.request);
  const differing = rows.filter((row) => row.differs).length;
  return (
    <>
      <h3>Parameters</h3>
      <p>{differing === 0 ? 'Every parameter is the same.' : `${differing} of ${rows.length} parameters differ.`}</p>
      <table className="history-params">
        <thead>
          <tr>
            <th scope="col">Parameter</th>
            <th scope="col">{labels[0]}</th>
            <th scope="col">{labels[1]}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name} data-differs={row.differs || undefined}>
              <th scope="row">
                {row.name}
                {row.differs ? <span className="history-differs"> (differs)</span> : null}
              </th>
              <td>{row.values[0]}</td>
              <td>{row.values[1]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function MessagesDiff({ runs: [a, b], labels }: { runs: [HistoryRun, HistoryRun]; labels: [string, string] }) {
  const count = Math.max(a.request.messages.length, b.request.messages.length);
  return (
    <>
      <h3>Messages</h3>
      <ol className="history-messages-diff">
        {Array.from({ length: count }, (_, index) => {
          const left = a.request.messages[index];
          const right = b.request.messages[index];
          const roles =
            left && right && roleOf(left) !== roleOf(right)
              ? `${roleOf(left)} → ${roleOf(right)}`
              : roleOf(left ?? right);
          const same = left && right && roles === roleOf(left) && messageText(left) === messageText(right);
          return (
            <li key={index}>
              <strong>
                Message {index + 1} ({roles}):
              </strong>{' '}
              {same ? (
                'the same'
              ) : (
                <InlineDiff
                  before={messageText(left)}
                  after={messageText(right)}
                  beforeLabel={labels[0]}
                  afterLabel={labels[1]}
                />
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}

function FiguresTable({ runs: [a, b], labels }: { runs: [HistoryRun, HistoryRun]; labels: [string, string] }) {
  const right = figures(b);
  return (
    <>
      <h3>Figures</h3>
      <table className="history-params">
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">{labels[0]}</th>
            <th scope="col">{labels[1]}</th>
          </tr>
        </thead>
        <tbody>
          {figures(a).map(([term, value], index) => (
            <tr key={term}>
              <th scope="row">{term}</th>
              <td>{value}</td>
              <td>{right[index]?.[1]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Two kept runs side by side: which settings and messages differ, how the outputs differ, and their figures. */
export function HistoryDiff({ runs, onClose }: { runs: [HistoryRun, HistoryRun]; onClose: () => void }) {
  // The older run first, so the diff reads as what changed.
  const ordered = [...runs].sort((x, y) => x.at - y.at) as [HistoryRun, HistoryRun];
  const labels: [string, string] = [`run A (${runTime(ordered[0])})`, `run B (${runTime(ordered[1])})`];
  return (
    <section className="history-diff" aria-labelledby="history-diff-title">
      <h2 id="history-diff-title">Diff of two runs</h2>
      <button type="button" onClick={onClose}>
        Close the diff
      </button>
      <ParamsTable runs={ordered} labels={labels} />
      <MessagesDiff runs={ordered} labels={labels} />
      <h3>Output</h3>
      <InlineDiff
        before={outputOf(ordered[0])}
        after={outputOf(ordered[1])}
        beforeLabel={labels[0]}
        afterLabel={labels[1]}
      />
      <FiguresTable runs={ordered} labels={labels} />
    </section>
  );
}
