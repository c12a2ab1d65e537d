import { buildRequest, draftVariableNames } from '../request/build-request.ts';
import type { Draft } from '../state/draft.ts';
import { javascriptLiteral, markTemplates } from './source-literal.ts';

export interface TypescriptModuleOptions {
  /** The prompt's name, for the header comment. Default: none. */
  name?: string;
}

const typeOf = (names: readonly string[]) =>
  names.length === 0 ? 'Record<string, never>' : `{\n${names.map((name) => `  ${name}: string;`).join('\n')}\n}`;

/**
 * The prompt as a typed TypeScript module to keep in an app's code, under git: its messages, tools,
 * response format and every parameter, and its `{{variables}}` as the typed argument of
 * `buildRequest`, which returns exactly the body the playground sends with those values. No key.
 */
// No date in the module: exporting the same prompt again gives the same file (no diff in git).
export function typescriptModule(draft: Draft, { name }: TypescriptModuleOptions = {}): string {
  const names = draftVariableNames(draft);
  const values = new Map(draft.variables.map((entry) => [entry.name, entry.value]));
  const template = markTemplates(buildRequest(draft, { fill: false }).body);
  const body = javascriptLiteral(template, (variable) => `variables.${variable}`, '  ');
  const example = Object.fromEntries(names.map((variable) => [variable, values.get(variable) ?? '']));
  return `// ${name ? `Prompt “${name}”, e` : 'E'}xported from the completions-kit playground.
// Keep it in git beside the code that sends it; review changes to it like any other code.
// buildRequest fills each {{variable}} as the playground does: values are plain text, put in once
// (a value holding {{other}} is sent as written).
import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions';

/** The prompt's variables: each {{name}} in its messages. */
export type PromptVariables = ${typeOf(names)};

/** The values last used in the playground: an example, pass your own. */
export const exampleVariables: PromptVariables = ${javascriptLiteral(example, () => '')};

/** The request body with the variables filled in. */
export function buildRequest(${names.length === 0 ? '_variables' : 'variables'}: PromptVariables${names.length === 0 ? ' = {}' : ''}): ChatCompletionCreateParams {
  return ${body};
}
`;
}
