import { parseTemplate, type TemplateSegment } from '../variables/template.ts';

/** A message text holding variables, written as code that fills them (see `markTemplates`). */
export class TemplateText {
  constructor(readonly segments: TemplateSegment[]) {}
}

type Json = Record<string, unknown>;

/** A text as a template when it holds a variable; as its literal text (escapes resolved) otherwise. */
function templateOf(text: string): string | TemplateText {
  const segments = parseTemplate(text);
  if (segments.some((segment) => segment.kind === 'variable')) return new TemplateText(segments);
  return segments.map((segment) => (segment.kind === 'text' ? segment.text : '')).join('');
}

/**
 * The unfilled body (`buildRequest(draft, { fill: false })`) with each message text (string content
 * and text parts) turned into a template, so exported code fills variables as the playground does.
 */
export function markTemplates<T>(body: T): T {
  const source = body as Json;
  const messages = (source.messages as Json[]).map((entry) => {
    if (typeof entry.content === 'string') return { ...entry, content: templateOf(entry.content) };
    if (!Array.isArray(entry.content)) return entry;
    return {
      ...entry,
      content: (entry.content as Json[]).map((part) =>
        part.type === 'text' && typeof part.text === 'string' ? { ...part, text: templateOf(part.text) } : part,
      ),
    };
  });
  return { ...source, messages } as T;
}

const javascriptTemplate = (template: TemplateText, variable: (name: string) => string) =>
  `\`${template.segments
    .map((segment) =>
      segment.kind === 'variable'
        ? `\${${variable(segment.name)}}`
        : segment.text.replaceAll('\\', '\\\\').replaceAll('`', '\\`').replaceAll('${', '\\${'),
    )
    .join('')}\``;

/**
 * A key as object-literal source. `__proto__` (a schema property or metadata key may be named so)
 * is computed: written plainly, or quoted, it would set the object's prototype instead of a key.
 */
const propertyKey = (key: string) =>
  key === '__proto__' ? '["__proto__"]' : /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);

/** A value as JavaScript/TypeScript source; templates become template literals reading `variable(name)`. */
export function javascriptLiteral(value: unknown, variable: (name: string) => string, indent = ''): string {
  if (value instanceof TemplateText) return javascriptTemplate(value, variable);
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${inner}${javascriptLiteral(item, variable, inner)}`).join(',\n')},\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  if (entries.length === 0) return '{}';
  const lines = entries.map(
    ([key, item]) => `${inner}${propertyKey(key)}: ${javascriptLiteral(item, variable, inner)}`,
  );
  return `{\n${lines.join(',\n')},\n${indent}}`;
}

/**
 * JSON to a Python literal: true/false/null become True/False/None; a template joins its strings and
 * `variables["name"]` reads (a dict, so a name that is a Python keyword still works).
 */
export function pythonLiteral(value: unknown, indent = ''): string {
  if (value instanceof TemplateText)
    return value.segments
      .map((segment) =>
        segment.kind === 'variable' ? `variables[${JSON.stringify(segment.name)}]` : JSON.stringify(segment.text),
      )
      .join(' + ');
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number' || typeof value === 'string') return JSON.stringify(value);
  const inner = `${indent}    `;
  if (Array.isArray(value))
    return `[\n${value.map((item) => `${inner}${pythonLiteral(item, inner)}`).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value as object).filter(([, item]) => item !== undefined);
  return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${pythonLiteral(item, inner)}`).join(',\n')}\n${indent}}`;
}
