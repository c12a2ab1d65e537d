import type { PresetId } from '../state/connection.ts';
import { fillTemplate } from '../variables/template.ts';
import { schemaProblem } from './json-schema-check.ts';

/**
 * Graders: what makes an answer pass. The text ones are pure and run here; the JavaScript predicate
 * runs in a worker (predicate-worker.ts) and the model-graded check on a connection (model-grader.ts).
 * Texts a grader compares with may use the row's `{{variables}}`, and `{{expected}}` for its reference.
 */
export type GraderSpec =
  | { id: string; kind: 'exact'; text: string; ignoreCase: boolean }
  | { id: string; kind: 'contains'; text: string; ignoreCase: boolean }
  | { id: string; kind: 'regex'; pattern: string; flags: string }
  | { id: string; kind: 'json-schema'; schema: string }
  | { id: string; kind: 'length'; min: number | null; max: number | null }
  | { id: string; kind: 'javascript'; source: string; timeoutMs: number }
  | {
      id: string;
      kind: 'model';
      prompt: string;
      model: string;
      threshold: number;
      /** Where the judge is asked: the experiment's connection (undefined, `current`) or a preset. */
      connection?: JudgeConnection;
    };

/** The experiment's own connection, or one of the saved presets (its key, if any, typed in memory). */
export type JudgeConnection = 'current' | PresetId;

export type GraderKind = GraderSpec['kind'];

export interface Grade {
  grader: string;
  pass: boolean;
  /** Why, in words a person reads in the cell. */
  reason: string;
  /** 0 to 1, for graders that score (the model-graded check). */
  score?: number;
}

/** A row's values by column name, `expected` included when the dataset has one. */
export type RowValues = ReadonlyMap<string, string>;

export const graderLabels: Record<GraderKind, string> = {
  exact: 'Exact match',
  contains: 'Contains',
  regex: 'Regex',
  'json-schema': 'JSON schema',
  length: 'Length',
  javascript: 'JavaScript predicate',
  model: 'Model-graded',
};

export function newGrader(kind: GraderKind, id: string): GraderSpec {
  switch (kind) {
    case 'exact':
      return { id, kind, text: '{{expected}}', ignoreCase: false };
    case 'contains':
      return { id, kind, text: '{{expected}}', ignoreCase: true };
    case 'regex':
      return { id, kind, pattern: '', flags: 'i' };
    case 'json-schema':
      return { id, kind, schema: '{"type":"object"}' };
    case 'length':
      return { id, kind, min: null, max: 2000 };
    case 'javascript':
      return { id, kind, source: 'return answer.length > 0;', timeoutMs: 1000 };
    case 'model':
      return { id, kind, prompt: defaultJudgePrompt, model: '', threshold: 0.5, connection: 'current' };
  }
}

export const defaultJudgePrompt =
  'Grade the answer from 0 (wrong) to 1 (right).\nQuestion: {{input}}\nReference: {{expected}}\nAnswer: {{answer}}';

const quote = (text: string) => `“${text.length > 60 ? `${text.slice(0, 60)}…` : text}”`;
const fold = (text: string, ignoreCase: boolean) => (ignoreCase ? text.toLocaleLowerCase() : text);

function gradeText(spec: GraderSpec, answer: string, row: RowValues): Omit<Grade, 'grader'> {
  switch (spec.kind) {
    case 'exact': {
      const wanted = fillTemplate(spec.text, row);
      const pass = fold(answer.trim(), spec.ignoreCase) === fold(wanted.trim(), spec.ignoreCase);
      return { pass, reason: pass ? 'Matches exactly.' : `Is not ${quote(wanted)}.` };
    }
    case 'contains': {
      const wanted = fillTemplate(spec.text, row);
      const pass = fold(answer, spec.ignoreCase).includes(fold(wanted, spec.ignoreCase));
      return { pass, reason: pass ? `Contains ${quote(wanted)}.` : `Does not contain ${quote(wanted)}.` };
    }
    case 'regex':
      return gradeRegex(spec.pattern, spec.flags, answer);
    case 'json-schema':
      return gradeJson(spec.schema, answer);
    case 'length': {
      const length = [...answer].length;
      if (spec.min !== null && length < spec.min)
        return { pass: false, reason: `${length} characters, under ${spec.min}.` };
      if (spec.max !== null && length > spec.max)
        return { pass: false, reason: `${length} characters, over ${spec.max}.` };
      return { pass: true, reason: `${length} characters, within the limits.` };
    }
    default:
      return { pass: false, reason: `${graderLabels[spec.kind]} is not a text grader.` };
  }
}

function gradeRegex(pattern: string, flags: string, answer: string) {
  let expression: RegExp;
  try {
    expression = new RegExp(pattern, flags.replace(/[^imsu]/g, ''));
  } catch (error) {
    return { pass: false, reason: `The pattern is not valid: ${(error as Error).message}` };
  }
  const pass = expression.test(answer);
  return { pass, reason: pass ? `Matches /${pattern}/.` : `Does not match /${pattern}/.` };
}

function gradeJson(schemaText: string, answer: string) {
  let schema: unknown;
  try {
    schema = JSON.parse(schemaText);
  } catch {
    return { pass: false, reason: 'The grader’s schema is not valid JSON.' };
  }
  let value: unknown;
  try {
    value = JSON.parse(answer);
  } catch (error) {
    return { pass: false, reason: `Not JSON: ${(error as Error).message}` };
  }
  const problem =
    typeof schema === 'object' && schema !== null ? schemaProblem(schema as Record<string, unknown>, value) : null;
  return problem ? { pass: false, reason: problem } : { pass: true, reason: 'Valid JSON that fits the schema.' };
}

/** The grade of a text grader (exact, contains, regex, JSON schema, length). Never throws. */
export function gradeAnswer(spec: GraderSpec, answer: string, row: RowValues): Grade {
  return { grader: spec.id, ...gradeText(spec, answer, row) };
}

export const isTextGrader = (spec: GraderSpec) => spec.kind !== 'javascript' && spec.kind !== 'model';
