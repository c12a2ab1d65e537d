import reference from 'virtual:ck-api-reference';
import type { FieldDoc } from '../scripts/storybook-docs/type-reference.ts';

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** JSDoc text with its `code` spans shown as code. */
function Prose({ text }: { text: string }) {
  return (
    <>
      {text.split('`').map((piece, index) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one fixed string, never reordered
        index % 2 ? <code key={index}>{piece}</code> : piece,
      )}
    </>
  );
}

function Fields({ caption, fields, returned }: { caption: string; fields: readonly FieldDoc[]; returned?: boolean }) {
  return (
    <table className="ck-facts ck-api">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Type</th>
          <th scope="col">Default</th>
          <th scope="col">Description</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((field) => (
          <tr key={field.name}>
            <td>
              <code>{field.name}</code>
              {field.required && !returned ? <small className="ck-required">required</small> : null}
            </td>
            <td>
              <code>{field.type}</code>
            </td>
            <td>{field.defaultValue ? <code>{field.defaultValue}</code> : '–'}</td>
            <td>
              <Prose text={field.description} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Each named part (`Thread.Root`, `ThreadList`): what it is and its props, read from its types. */
export function PartsReference({ names }: { names: readonly string[] }) {
  return (
    <>
      {names.map((name) => {
        const part = reference.parts.find((item) => item.name === name);
        if (!part) return <p key={name}>{`${name}: not found in the chat entry's exports.`}</p>;
        const rest = part.element ? (
          <p className="ck-pass">
            {`Any other prop, and ref, goes to its `}
            <code>{`<${part.element}>`}</code>
            {'.'}
          </p>
        ) : null;
        return (
          <section key={name}>
            <h3 id={`part-${slug(name)}`}>
              <code>{name}</code>
            </h3>
            {part.description ? (
              <p>
                <Prose text={part.description} />
              </p>
            ) : null}
            {part.props.length ? <Fields caption={`${name} props`} fields={part.props} /> : <p>No props of its own.</p>}
            {rest}
          </section>
        );
      })}
    </>
  );
}

/** A hook's options and returned fields, read from its types. */
export function HookReference({ name }: { name: string }) {
  const hook = reference.hooks.find((item) => item.name === name);
  if (!hook) return <p>{`${name}: not found in the hooks package's exports.`}</p>;
  return (
    <section className="ck-hook-reference">
      <p>
        <code>{hook.signature}</code>
      </p>
      {hook.parameters
        .filter((parameter) => parameter.fields.length)
        .map((parameter) => (
          <Fields key={parameter.name} caption={`${parameter.name} (${parameter.type})`} fields={parameter.fields} />
        ))}
      {hook.returns.length ? <Fields caption="Returns" fields={hook.returns} returned /> : null}
      {hook.returnsAlso ? (
        <p className="ck-pass">{`Plus ${hook.returnsAlso} fields of TanStack Query's result (data, isPending, error, …).`}</p>
      ) : null}
    </section>
  );
}

/** Every hook of the hooks package, each under its own heading. */
export function AllHooksReference() {
  return (
    <>
      {reference.hooks.map((hook) => (
        <section key={hook.name}>
          <h2 id={`hook-${slug(hook.name)}`}>{hook.name}</h2>
          {hook.description ? (
            <p>
              <Prose text={hook.description} />
            </p>
          ) : null}
          <HookReference name={hook.name} />
        </section>
      ))}
    </>
  );
}
