// `pnpm docs:props`: the props of every component @completions-kit/components exports, read the
// way Storybook's prop tables read them (react-docgen-typescript over the TypeScript types), with
// how many carry JSDoc. Props passed through to the HTML element are the platform's, not counted.
// Fails unless every prop is documented and every component has a docs page.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { withCustomConfig } from 'react-docgen-typescript';

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
const notFound = [...exported].filter(
  (name) => /^[A-Z][a-z]/.test(name) && !components.some((component) => component.displayName === name),
);
console.log(
  `\n${components.length} exported components: ${documented}/${total} props documented ` +
    `(${((documented / Math.max(total, 1)) * 100).toFixed(0)}%); target: all of them.`,
);
console.log(`Informational: ${withDefault} optional props state their default.`);
if (notFound.length) console.log(`Exported but not read as components: ${notFound.join(', ')}`);
if (missing.length) {
  console.log(`Missing: ${missing.join(', ')}`);
  process.exit(1);
}
