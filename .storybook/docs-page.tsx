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
import { Facts, StatusAndImport } from './component-facts.tsx';

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
 * the TypeScript types and their JSDoc), its data attributes, CSS variables and keyboard map, then
 * every story as a live example.
 */
export function ComponentDocsPage() {
  return (
    <>
      <Title />
      <StatusAndImport />
      <Subtitle />
      <Description />
      <Primary />
      <h2 id="props">Props</h2>
      <Controls />
      <SubcomponentProps />
      <Facts />
      <Stories title="Examples" includePrimary={false} />
    </>
  );
}
