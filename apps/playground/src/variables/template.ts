/**
 * Prompt variables: `{{name}}` in message text, filled from the draft's values when a request is built.
 *
 * Rules (README "Variables"):
 * - A name is a letter or `_`, then letters, digits or `_` (up to 64), so it is also a TypeScript and
 *   Python identifier in exported code. Spaces inside the braces are allowed: `{{ city }}`.
 * - `\{{name}}` is literal: the backslash is dropped and `{{name}}` is sent as written.
 * - Values are plain text, filled in one pass: a value holding `{{other}}` is sent as it is, never
 *   expanded again. Values are bounded (`variableLimits`).
 */

export interface DraftVariable {
  name: string;
  value: string;
}

export type TemplateSegment = { kind: 'text'; text: string } | { kind: 'variable'; name: string };

export const variableLimits = {
  /** Longest name, in characters. */
  name: 64,
  /** Longest value, in characters (a pasted document fits; a runaway paste is refused). */
  value: 100_000,
  /** Most variables in one prompt. */
  count: 100,
};

const PLACEHOLDER = /(\\?)\{\{\s*([A-Za-z_][A-Za-z0-9_]{0,63})\s*\}\}/g;

/** A text as literal runs and variables, escapes already resolved. */
export function parseTemplate(text: string): TemplateSegment[] {
  const segments: TemplateSegment[] = [];
  const pushText = (chunk: string) => {
    if (chunk === '') return;
    const last = segments.at(-1);
    if (last?.kind === 'text') last.text += chunk;
    else segments.push({ kind: 'text', text: chunk });
  };
  let at = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const [whole, escaped, name] = match;
    pushText(text.slice(at, match.index));
    if (escaped) pushText(whole.slice(1));
    else segments.push({ kind: 'variable', name: name as string });
    at = match.index + whole.length;
  }
  pushText(text.slice(at));
  return segments;
}

/** Every variable name in the texts, in order of first appearance. */
export function variableNames(texts: readonly string[]): string[] {
  const names = new Set<string>();
  for (const text of texts)
    for (const segment of parseTemplate(text)) if (segment.kind === 'variable') names.add(segment.name);
  return [...names];
}

/** The text with each variable replaced by its value (one pass); a name without a value stays as written. */
export function fillTemplate(text: string, values: ReadonlyMap<string, string>): string {
  return parseTemplate(text)
    .map((segment) => (segment.kind === 'text' ? segment.text : (values.get(segment.name) ?? `{{${segment.name}}}`)))
    .join('');
}

/**
 * The variables to show: the saved ones in their order, then names newly found in the messages
 * (empty), each marked used or not.
 */
export function variableRows(saved: readonly DraftVariable[], used: readonly string[]) {
  const known = new Set(saved.map((entry) => entry.name));
  const usedSet = new Set(used);
  return [...saved, ...used.filter((name) => !known.has(name)).map((name) => ({ name, value: '' }))].map((entry) => ({
    ...entry,
    used: usedSet.has(entry.name),
  }));
}

/** Problems by field (`variable.<name>`): a used name without a value, a value too long, too many. */
export function variableProblems(saved: readonly DraftVariable[], used: readonly string[]): Record<string, string> {
  const problems: Record<string, string> = {};
  const values = new Map(saved.map((entry) => [entry.name, entry.value]));
  if (used.length > variableLimits.count)
    problems.variables = `At most ${variableLimits.count} variables; this prompt has ${used.length}.`;
  for (const name of used) {
    const value = values.get(name) ?? '';
    if (value === '') problems[`variable.${name}`] = `Give {{${name}}} a value.`;
    else if (value.length > variableLimits.value)
      problems[`variable.${name}`] = `{{${name}}} is over ${variableLimits.value.toLocaleString('en')} characters.`;
  }
  return problems;
}

/** Saved values with one set (added at the end when new). */
export function setVariable(saved: readonly DraftVariable[], name: string, value: string): DraftVariable[] {
  return saved.some((entry) => entry.name === name)
    ? saved.map((entry) => (entry.name === name ? { name, value } : entry))
    : [...saved, { name, value }];
}
