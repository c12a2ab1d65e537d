import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { type ApiReference, apiReference } from '../scripts/storybook-docs/type-reference.ts';

const moduleId = 'virtual:ck-api-reference';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * A Vite plugin serving `virtual:ck-api-reference`: the chat parts' props and the hooks' options and
 * returned fields, read from the TypeScript sources when Storybook builds (the same reading
 * `pnpm docs:props` counts), so the reference pages cannot drift from the types.
 */
export function apiReferencePlugin(): Plugin {
  let reference: ApiReference | undefined;
  return {
    name: 'ck-api-reference',
    resolveId: (id) => (id === moduleId ? `\0${moduleId}` : undefined),
    load(id) {
      if (id !== `\0${moduleId}`) return undefined;
      reference ??= apiReference(root);
      return `export default ${JSON.stringify(reference)};`;
    },
  };
}
