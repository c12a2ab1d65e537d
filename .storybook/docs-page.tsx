import {
  ArgTypes,
  Controls,
  Description,
  Primary,
  Stories,
  Subtitle,
  Title,
  useOf,
} from '@storybook/addon-docs/blocks';
import { PartsReference } from './api-blocks.tsx';
import { type ComponentFacts, Facts, StatusAndImport } from './component-facts.tsx';

/** The props of the parts that come with the page's component (a story file's `subcomponents`). */
function SubcomponentProps() {
  const { preparedMeta } = useOf('meta', ['meta']);
  const parts = Object.entries(preparedMeta.subcomponents ?? {});
  return (
    <>
      {parts.map(([name, component]) => (
        <section key={name}>
          <h3 id={`props-${name.toLowerCase()}`}>{name} props</h3>
          <ArgTypes of={component} />
        </section>
      ))}
    </>
  );
}

/**
 * Every component's page: what it is, a live example whose controls change it, its props (from
 * the TypeScript types and their JSDoc; for compound parts, each part's), its data attributes, CSS variables and keyboard map, then
 * every story as a live example.
 */
export function ComponentDocsPage() {
  const { preparedMeta } = useOf('meta', ['meta']);
  const parts = (preparedMeta.parameters.ck as ComponentFacts | undefined)?.parts;
  return (
    <>
      <Title />
      <StatusAndImport />
      <Subtitle />
      <Description />
      <Primary />
      {parts ? (
        // Compound parts: each part's own props, read from its types; the story's harness is not the API.
        <>
          <h2 id="parts">Parts</h2>
          <PartsReference names={parts} />
        </>
      ) : (
        <>
          <h2 id="props">Props</h2>
          <Controls />
          <SubcomponentProps />
        </>
      )}
      <Facts />
      <Stories title="Examples" includePrimary={false} />
    </>
  );
}
