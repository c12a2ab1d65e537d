import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const MAX_FILE_CHARACTERS = 60_000;

/** The repository root: the nearest folder above `from` holding pnpm-workspace.yaml. */
export function findWorkspaceRoot(from: string): string | null {
  let folder = from;
  while (true) {
    if (existsSync(path.join(folder, 'pnpm-workspace.yaml'))) return folder;
    const parent = path.dirname(folder);
    if (parent === folder) return null;
    folder = parent;
  }
}

/** Markdown files under a folder that are documentation: READMEs and docs, never changelogs or licenses. */
function markdownFiles(root: string, depth: number, found: string[]): void {
  let entries: string[];
  try {
    entries = readdirSync(root).sort();
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(root, entry);
    if (/^(changelog|history|license|licence|code_of_conduct|security)/i.test(entry)) continue;
    let isDirectory = false;
    try {
      isDirectory = statSync(full).isDirectory();
    } catch {
      continue;
    }
    if (isDirectory) {
      if (depth > 0 && !/^(\.git|dist|coverage|test|tests|__tests__|fixtures)$/.test(entry)) {
        markdownFiles(full, depth - 1, found);
      }
    } else if (/\.md$/i.test(entry)) {
      found.push(full);
    }
  }
}

/** The default sources: the repository's own Markdown, then each installed package's documentation. */
export function defaultCorpusFiles(workspaceRoot: string): string[] {
  const files: string[] = [];
  for (const folder of ['.', 'packages', 'apps', '.storybook']) {
    markdownFiles(path.join(workspaceRoot, folder), folder === '.' ? 0 : 2, files);
  }
  const store = path.join(workspaceRoot, 'node_modules', '.pnpm');
  for (const entry of safeList(store)) {
    // A store entry is `name@version` (scoped: `@scope+name@version`): read that package only.
    const name = entry.slice(0, entry.indexOf('@', 1)).replace('+', '/');
    packageDocs(path.join(store, entry, 'node_modules', name), name, files);
  }
  return files;
}

/**
 * The sources when installed from npm, outside any workspace: the Markdown of each folder and of the
 * packages installed in its node_modules (a flat npm layout), e.g. the app it runs in and the folder
 * npx installed it into.
 */
export function installedCorpusFiles(folders: string[]): string[] {
  const files: string[] = [];
  for (const folder of new Set(folders)) {
    markdownFiles(folder, 0, files);
    const modules = path.join(folder, 'node_modules');
    for (const entry of safeList(modules)) {
      const names = entry.startsWith('@')
        ? safeList(path.join(modules, entry)).map((inner) => `${entry}/${inner}`)
        : [entry];
      for (const name of names) if (!name.startsWith('.')) packageDocs(path.join(modules, name), name, files);
    }
  }
  return files;
}

/** The folder whose node_modules holds `from` (this package, installed), or null inside a checkout. */
export function installFolder(from: string): string | null {
  const at = from.lastIndexOf(`${path.sep}node_modules${path.sep}`);
  return at === -1 ? null : from.slice(0, at);
}

function packageDocs(folder: string, name: string, files: string[]): void {
  markdownFiles(folder, 1, files);
  // Type declarations of Node and the DOM carry megabytes of documentation prose in their comments.
  if (name === '@types/node' || name === 'typescript') {
    const declarations = name === 'typescript' ? path.join(folder, 'lib') : folder;
    for (const file of safeList(declarations)) {
      if (/^(lib\.(dom|es20\d\d\.\w+|es5)\.d\.ts|[a-z_]+\.d\.ts)$/.test(file))
        files.push(path.join(declarations, file));
    }
  }
}

function safeList(folder: string): string[] {
  try {
    return readdirSync(folder).sort();
  } catch {
    return [];
  }
}

/** The prose of documentation comments in a declaration file, one paragraph per comment block. */
export function commentParagraphs(source: string): string[] {
  const paragraphs: string[] = [];
  for (const match of source.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const body = (match[1] ?? '')
      .split('\n')
      .map((line) => line.replace(/^\s*\* ?/, ''))
      .join('\n')
      .split(/\n\s*@/)[0] as string;
    paragraphs.push(...proseParagraphs(body.replace(/\{@link(?:code|plain)? ([^}|\s]+)[^}]*\}/g, '$1')));
  }
  return paragraphs;
}

/** Markdown reduced to prose: no code, markup, links' targets, tables or badges. */
export function proseParagraphs(markdown: string): string[] {
  const text = markdown
    .replace(/```[\s\S]*?```/g, '\n\n')
    .replace(/<!--[\s\S]*?-->/g, '')
    // A JSX name in inline code (`<Chat>`) is a word of the sentence, not markup to drop.
    .replace(/`<\/?([\w.]+)[^`>]*\/?>`/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^\s*[|>#*-]+\s?/gm, (prefix) => (prefix.includes('|') ? '\n' : ''))
    .replace(/https?:\/\/\S+/g, '');
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph.split(' ').length >= 8 && /^[A-Z]/.test(paragraph) && /[.!?:]$/.test(paragraph));
}

/** Paragraphs to train on, in a fixed order so the same install always gives the same model. */
/**
 * Whether a file documents what is here (this repository, the app, the kit's own packages) rather
 * than a dependency: answers lean on these first.
 */
export function isOwnDocument(file: string): boolean {
  const modules = `${path.sep}node_modules${path.sep}`;
  return !file.includes(modules) || file.includes(`${modules}@completions-kit${path.sep}`);
}

/** `own`, when given, receives the index of every paragraph that comes from an own document. */
export function readCorpus(files: string[], maxCharacters = 2_000_000, own?: number[]): string[] {
  const paragraphs: string[] = [];
  const seen = new Set<string>();
  let total = 0;
  for (const file of files) {
    let markdown: string;
    try {
      markdown = readFileSync(file, 'utf8');
      if (!file.endsWith('.d.ts')) markdown = markdown.slice(0, MAX_FILE_CHARACTERS);
    } catch {
      continue;
    }
    const found = file.endsWith('.d.ts') ? commentParagraphs(markdown) : proseParagraphs(markdown);
    for (const paragraph of found) {
      // The same README can sit in several store entries (one per peer set).
      if (seen.has(paragraph)) continue;
      seen.add(paragraph);
      if (own && isOwnDocument(file)) own.push(paragraphs.length);
      paragraphs.push(paragraph);
      total += paragraph.length;
      if (total >= maxCharacters) return paragraphs;
    }
  }
  return paragraphs;
}

/** A fenced example from the documentation: what an answer that asks for code may copy. */
export interface CodeBlock {
  /** The prose just before it, which says what it shows: what retrieval matches a question to. */
  context: string;
  code: string;
  /** From an own document (see isOwnDocument). */
  own: boolean;
}

/** Languages a ```ts block can hold as written. */
const CODE_LANGUAGES = new Set(['ts', 'tsx', 'js', 'jsx', 'typescript', 'javascript', 'mjs']);

/**
 * The short TypeScript and JavaScript examples of the corpus' Markdown (2 to 16 lines, none wider
 * than 100 characters), each with the paragraph before it; in file order, without repeats.
 */
export function readCodeBlocks(files: string[], maxCharacters = 1_000_000): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const seen = new Set<string>();
  let total = 0;
  for (const file of files) {
    if (!file.endsWith('.md')) continue;
    let markdown: string;
    try {
      markdown = readFileSync(file, 'utf8').slice(0, MAX_FILE_CHARACTERS);
    } catch {
      continue;
    }
    for (const match of markdown.matchAll(/^```(\w*)[^\n]*\n([\s\S]*?)\n```\s*$/gm)) {
      const code = (match[2] ?? '').replace(/[ \t]+$/gm, '');
      const lines = code.split('\n');
      if (!CODE_LANGUAGES.has((match[1] ?? '').toLowerCase()) || seen.has(code)) continue;
      if (lines.length < 2 || lines.length > 16 || lines.some((line) => line.length > 100)) continue;
      const before = markdown.slice(Math.max(0, (match.index ?? 0) - 1_500), match.index);
      const context = proseParagraphs(before.replace(/^#+\s*(.*)$/gm, '$1.\n')).at(-1) ?? '';
      seen.add(code);
      blocks.push({ context, code, own: isOwnDocument(file) });
      total += code.length + context.length;
      if (total >= maxCharacters) return blocks;
    }
  }
  return blocks;
}
