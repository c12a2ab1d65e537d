import { useOf } from '@storybook/addon-docs/blocks';

/** What a component's docs page says besides its props: set as `parameters.ck` on a story file's meta. */
export interface ComponentFacts {
  /** The name a reader imports. */
  name: string;
  /** The entry it is imported from. Default: '@completions-kit/components'. */
  from?: string;
  /** Compound parts (`Thread.Root`, `Thread.Viewport`), each documented from its types instead of the story's props. */
  parts?: readonly string[];
  /** `data-*` attributes: where they sit, the values they take and what they mean. */
  data?: readonly { attribute: string; values: string; meaning: string }[];
  /** `--ck-*` variables the part reads, or sets for you to read. */
  variables?: readonly { name: string; meaning: string }[];
  /** Keys and what they do, when the part takes the keyboard beyond Tab and Enter on buttons. */
  keyboard?: readonly { keys: string; action: string }[];
  /** What assistive technology hears. */
  announces?: string;
}

const statusText: Record<string, string> = {
  stable: 'Stable: its props and data attributes change only in a major version.',
  new: 'New: shipped in this release; its API may still move in a minor version.',
};

function Table({ caption, head, rows }: { caption: string; head: readonly string[]; rows: readonly string[][] }) {
  return (
    <table className="ck-facts">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {head.map((cell) => (
            <th key={cell} scope="col">
              {cell}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.join('|')}>
            <td>
              <code>{row[0]}</code>
            </td>
            {row.slice(1).map((cell, column) => (
              <td key={head[column + 1]}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The status badge and import line shown under a component's title. */
export function StatusAndImport() {
  const { csfFile, preparedMeta } = useOf('meta', ['meta']);
  const facts = preparedMeta.parameters.ck as ComponentFacts | undefined;
  const status = (csfFile.meta.tags ?? []).find((tag) => tag in statusText);
  return (
    <div className="ck-status">
      {status ? (
        <span className="ck-badge" data-status={status} title={statusText[status]}>
          {status}
        </span>
      ) : null}
      {facts ? <code>{`import { ${facts.name} } from '${facts.from ?? '@completions-kit/components'}';`}</code> : null}
    </div>
  );
}

/** State attributes, CSS variables and the keyboard map of the component of this page. */
export function Facts() {
  const { preparedMeta } = useOf('meta', ['meta']);
  const facts = preparedMeta.parameters.ck as ComponentFacts | undefined;
  if (!facts) return null;
  return (
    <>
      {facts.data?.length ? (
        <>
          <h3 id="data-attributes">Data attributes</h3>
          <Table
            caption="State shown as attributes, for your CSS and tests"
            head={['Attribute', 'Values', 'Meaning']}
            rows={facts.data.map((item) => [item.attribute, item.values, item.meaning])}
          />
        </>
      ) : null}
      {facts.variables?.length ? (
        <>
          <h3 id="css-variables">CSS variables</h3>
          <Table
            caption="Override on :root or any container; see Foundations for every value"
            head={['Variable', 'Used for']}
            rows={facts.variables.map((item) => [item.name, item.meaning])}
          />
        </>
      ) : null}
      {facts.keyboard?.length ? (
        <>
          <h3 id="keyboard">Keyboard</h3>
          <Table
            caption="Keys, when the part has focus"
            head={['Keys', 'Action']}
            rows={facts.keyboard.map((item) => [item.keys, item.action])}
          />
        </>
      ) : null}
      {facts.announces ? (
        <>
          <h3 id="announces">Screen readers</h3>
          <p>{facts.announces}</p>
        </>
      ) : null}
    </>
  );
}
