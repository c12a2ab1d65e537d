import type { ChatCompletion, ChatCompletionCreateParams } from '@completions-kit/core';
import { buildRequest, draftVariableNames } from '../request/build-request.ts';
import type { Connection } from '../state/connection.ts';
import type { Draft } from '../state/draft.ts';
import { curlCode, type ExportVariables, javascriptCode, pythonCode } from './export-code.ts';
import { replayFixtureModule } from './replay-fixture.ts';
import { markTemplates } from './source-literal.ts';
import { typescriptModule } from './typescript-module.ts';

export const exportFormats = ['curl', 'JavaScript', 'Python', 'TypeScript module', 'Test fixture'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ExportInput {
  draft: Draft;
  /** The request the playground sends (variables filled). */
  body: ChatCompletionCreateParams;
  connection: Connection;
  origin: string;
  /** The last finished run's answer, for the test fixture. */
  completion?: ChatCompletion | undefined;
}

/** The used variables with their values, and the unfilled body marked for filling, for exported code. */
export function exportVariables(draft: Draft): ExportVariables {
  const values = new Map(draft.variables.map((entry) => [entry.name, entry.value]));
  return {
    template: markTemplates(buildRequest(draft, { fill: false }).body),
    values: draftVariableNames(draft).map((name) => ({ name, value: values.get(name) ?? '' })),
  };
}

/** The draft in one export format, as text; never with a key. */
export function exportText(format: ExportFormat, input: ExportInput): string {
  const { draft, body, connection, origin } = input;
  if (format === 'TypeScript module') return typescriptModule(draft);
  if (format === 'Test fixture')
    return input.completion
      ? replayFixtureModule(input.completion)
      : '// Run the prompt first: the fixture replays the answer of the last finished run.\n';
  const code = { curl: curlCode, JavaScript: javascriptCode, Python: pythonCode }[format];
  return code(body, connection, origin, exportVariables(draft));
}

/** A file name to save the export under. */
export const exportFileName: Record<ExportFormat, string> = {
  curl: 'request.sh',
  JavaScript: 'request.mjs',
  Python: 'request.py',
  'TypeScript module': 'prompt.ts',
  'Test fixture': 'prompt.fixture.ts',
};
