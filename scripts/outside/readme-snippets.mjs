// Every TypeScript block of the READMEs (the repository's, each package's, each example's), written
// out as a file in an example installed from the tarballs and type-checked there: a snippet that
// does not compile against what a user installs fails `npm test`. A block may take declarations for
// the names it leaves to the reader from an HTML comment on the line above it:
//   <!-- readme-check: declare const apiKey: string; -->
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const fence = /^```(ts|tsx|typescript)\s*$/;
const preamble = /^<!--\s*readme-check:(.*)-->\s*$/;

/** The READMEs people read: the root's, then each package's and each example's. */
function readmes(root) {
  const inside = (folder) =>
    readdirSync(path.join(root, folder))
      .map((name) => path.join(folder, name, 'README.md'))
      .filter((file) => existsSync(path.join(root, file)));
  return ['README.md', ...inside('packages'), ...inside('examples')];
}

/** The TypeScript blocks of one README: where each starts, its code and its declarations. */
export function snippetsOf(text) {
  const lines = text.split('\n');
  const found = [];
  for (let index = 0; index < lines.length; index++) {
    if (!fence.test(lines[index] ?? '')) continue;
    const declared = preamble.exec(lines[index - 1] ?? '')?.[1]?.trim() ?? '';
    const start = index + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end] ?? '')) end++;
    found.push({ line: start, code: lines.slice(start, end).join('\n'), declared });
    index = end;
  }
  return found;
}

/** Writes every snippet into `folder/readme-snippets` and type-checks them with the folder's TypeScript. */
export function checkReadmeSnippets(root, folder) {
  const out = path.join(folder, 'readme-snippets');
  mkdirSync(out, { recursive: true });
  const written = [];
  for (const readme of readmes(root)) {
    for (const snippet of snippetsOf(readFileSync(path.join(root, readme), 'utf8'))) {
      const name = `${readme.replace(/[\\/]/g, '_').replace(/\.md$/, '')}_line${snippet.line}.tsx`;
      // A module of its own (top-level await, no clash of names between snippets).
      writeFileSync(path.join(out, name), `${snippet.declared}\n${snippet.code}\nexport {};\n`);
      written.push(`${readme}:${snippet.line}`);
    }
  }
  const config = {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      module: 'ESNext',
      moduleResolution: 'bundler',
      jsx: 'react-jsx',
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      isolatedModules: true,
      // `import '…/styles.css'` is for the bundler: TypeScript need not resolve it.
      noUncheckedSideEffectImports: false,
      types: [],
    },
    include: ['readme-snippets'],
  };
  writeFileSync(path.join(folder, 'tsconfig.readme.json'), JSON.stringify(config, null, 2));
  const tsc = path.join(folder, 'node_modules/typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.readme.json'], { cwd: folder, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`README snippets do not type-check against the tarballs:\n${result.stdout}${result.stderr}`);
  }
  return written;
}
