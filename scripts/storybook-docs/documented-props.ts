// `pnpm docs:props`: the props of every component @completions-kit/components exports, read the
// way Storybook's prop tables read them (react-docgen-typescript over the TypeScript types), with
// how many carry JSDoc. Props passed through to the HTML element are the platform's, not counted.
// The same for the chat entry's parts (@completions-kit/components/chat) and for every hook of
// @completions-kit/hooks (its options' fields and returned fields), read by type-reference.ts, the
// reader the docs pages' generated reference uses. Fails unless every prop, option and returned
// field is documented and every component and chat part has a docs page.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { withCustomConfig } from 'react-docgen-typescript';
import { apiReference, type FieldDoc } from './type-reference.ts';

const source = path.resolve('packages/components/src');
const indexText = readFileSync(path.join(source, 'index.ts'), 'utf8');
const exported = new Set(
  [...indexText.matchAll(/^export \{([^}]+)\}/gm)].flatMap((match) =>
    (match[1] ?? '').split(',').map((name) => name.trim()),
  ),
);
const files = (readdirSync(source, { recursive: true }) as string[])
  .filter((file) => file.endsWith('.tsx') && !/\.(stories|test)\.tsx$/.test(file))
  .map((file) => path.join(source, file));
const stories = files.length
  ? (readdirSync(source, { recursive: true }) as string[])
      .filter((file) => file.endsWith('.stories.tsx'))
      .map((file) => readFileSync(path.join(source, file), 'utf8'))
      .join('\n')
  : '';

const parser = withCustomConfig(path.resolve('tsconfig.json'), {
  shouldRemoveUndefinedFromOptional: true,
  propFilter: (prop) => !prop.parent?.fileName.includes('node_modules'),
});
const components = parser
  .parse(files)
  .filter((doc) => exported.has(doc.displayName) && /^[A-Z]/.test(doc.displayName))
  .sort((a, b) => a.displayName.localeCompare(b.displayName));

// A component has a page when a story file names it as its component or one of its subcomponents.
const hasPage = (name: string) =>
  new RegExp(`component: ${name}\\b`).test(stories) ||
  [...stories.matchAll(/subcomponents: \{([^}]+)\}/g)].some((match) => (match[1] ?? '').includes(name));

let total = 0;
let documented = 0;
let withDefault = 0;
const missing: string[] = [];
for (const component of components) {
  const props = Object.values(component.props);
  const described = props.filter((prop) => prop.description.trim() !== '');
  const optional = props.filter((prop) => !prop.required);
  const defaults = optional.filter((prop) => prop.defaultValue != null || /Default:|default:/.test(prop.description));
  total += props.length;
  documented += described.length;
  withDefault += defaults.length;
  for (const prop of props) if (!described.includes(prop)) missing.push(`${component.displayName}.${prop.name}`);
  if (!hasPage(component.displayName)) missing.push(`${component.displayName} (no docs page)`);
  console.log(
    `${component.displayName.padEnd(18)} ${String(described.length).padStart(2)}/${String(props.length).padEnd(2)} documented` +
      `   ${defaults.length}/${optional.length} optional with a stated default   ${hasPage(component.displayName) ? 'page' : 'NO PAGE'}`,
  );
}
// The chat parts and the hooks, from their types.
const reference = apiReference(process.cwd());
const count = (label: string, fields: readonly FieldDoc[]) => {
  const described = fields.filter((field) => field.description !== '');
  total += fields.length;
  documented += described.length;
  for (const field of fields) if (!described.includes(field)) missing.push(`${label}.${field.name}`);
  return `${String(described.length).padStart(2)}/${String(fields.length).padEnd(2)}`;
};
console.log('\n@completions-kit/components/chat');
for (const part of reference.parts) {
  const page = stories.includes(`'${part.name}'`);
  if (!page) missing.push(`${part.name} (no docs page)`);
  console.log(`${part.name.padEnd(28)} ${count(part.name, part.props)} documented   ${page ? 'page' : 'NO PAGE'}`);
}
console.log('\n@completions-kit/hooks');
for (const hook of reference.hooks) {
  const options = hook.parameters.flatMap((parameter) => parameter.fields);
  const undescribed = hook.description === '';
  if (undescribed) missing.push(`${hook.name} (no description)`);
  console.log(
    `${hook.name.padEnd(28)} options ${count(hook.name, options)} returns ${count(`${hook.name}()`, hook.returns)}` +
      `${hook.returnsAlso ? ` (+${hook.returnsAlso} from TanStack Query)` : ''}${undescribed ? '   NO DESCRIPTION' : ''}`,
  );
}

const notFound = [...exported].filter(
  (name) => /^[A-Z][a-z]/.test(name) && !components.some((component) => component.displayName === name),
);
console.log(
  `\n${components.length} exported components, ${reference.parts.length} chat parts, ${reference.hooks.length} hooks: ` +
    `${documented}/${total} props, options and returned fields documented ` +
    `(${((documented / Math.max(total, 1)) * 100).toFixed(0)}%); target: all of them.`,
);
console.log(`Informational: ${withDefault} optional props state their default.`);
if (notFound.length) console.log(`Exported but not read as components: ${notFound.join(', ')}`);
if (missing.length) {
  console.log(`Missing: ${missing.join(', ')}`);
  process.exit(1);
}
