import { type ChatCompletionCreateParams, targetFor } from '@completions-kit/core';
import type { Connection } from '../state/connection.ts';
import type { DraftVariable } from '../variables/template.ts';
import { javascriptLiteral, pythonLiteral } from './source-literal.ts';

/**
 * The prompt's variables for exported code: the unfilled body with its texts marked as templates
 * (`markTemplates`) and the values used. Without it (or with no values) the filled body is written.
 */
export interface ExportVariables {
  template: ChatCompletionCreateParams;
  values: DraftVariable[];
}

/** The key never goes into exported code: each language reads it from the environment. */
const KEY_VARIABLE = 'OPENAI_API_KEY';
const KEY_MARK = `$${KEY_VARIABLE}`;

const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/**
 * Where the request goes and how it is signed, from core's own addressing (Azure's deployment path
 * and api-version included), with the key as a mark each language replaces by an environment read.
 */
function addressing(body: ChatCompletionCreateParams, connection: Connection, origin: string) {
  const endpoint = {
    baseURL: new URL(connection.baseURL, origin).href,
    provider: connection.provider,
    ...(connection.preset === 'local' ? {} : { apiKey: KEY_MARK }),
    ...(connection.apiVersion ? { apiVersion: connection.apiVersion } : {}),
    ...(connection.deployment ? { deployment: connection.deployment } : {}),
  };
  const target = targetFor(endpoint, '/chat/completions', undefined, body.model);
  const url = new URL(target.url);
  const { accept: _accept, authorization, ...headers } = target.headers;
  return {
    url: target.url,
    headers: target.headers,
    /** The client's base URL and what it must add to each request. */
    baseURL: `${url.origin}${url.pathname.replace(/\/chat\/completions$/, '')}`,
    query: Object.fromEntries(url.searchParams),
    extraHeaders: headers,
    bearer: authorization !== undefined,
  };
}

/** Shell comment lines naming the values filled into the body below. */
function curlVariablesNote(variables?: ExportVariables) {
  if (!variables?.values.length) return '';
  const names = variables.values.map((entry) => `{{${entry.name}}}`).join(', ');
  const lines = variables.values.map((entry) => `#   ${entry.name} = ${JSON.stringify(entry.value)}`);
  return `# The prompt's variables (${names}) are filled into the body with these values:\n${lines.join('\n')}\n`;
}

export function curlCode(
  body: ChatCompletionCreateParams,
  connection: Connection,
  origin: string,
  variables?: ExportVariables,
): string {
  const { url, headers } = addressing(body, connection, origin);
  const lines = Object.entries({ ...headers, 'Content-Type': 'application/json' })
    .filter(([name]) => name !== 'accept')
    .map(([name, value]) => `  -H "${name === 'authorization' ? 'Authorization' : name}: ${value}" \\\n`);
  return `${curlVariablesNote(variables)}curl ${shellQuote(url)} \\\n${lines.join('')}  -d ${shellQuote(JSON.stringify(body, null, 2))}`;
}

/** A header map as source text, the key mark replaced by `read` (the language's environment read). */
function headerSource(headers: Record<string, string>, read: string, entry: (name: string, value: string) => string) {
  return Object.entries(headers).map(([name, value]) =>
    entry(JSON.stringify(name), value === KEY_MARK ? read : JSON.stringify(value)),
  );
}

/** The request as a function of the variables, and the call's argument: JavaScript. */
function javascriptRequest(body: ChatCompletionCreateParams, variables?: ExportVariables) {
  if (!variables?.values.length) return { preamble: '', argument: JSON.stringify(body, null, 2) };
  const values = Object.fromEntries(variables.values.map((entry) => [entry.name, entry.value]));
  const template = javascriptLiteral(variables.template, (name) => `variables.${name}`, '  ');
  const preamble = `// Each {{variable}} of the prompt, filled in as plain text.\nconst variables = ${javascriptLiteral(values, () => '')};\n\nfunction buildRequest(variables) {\n  return ${template};\n}\n\n`;
  return { preamble, argument: 'buildRequest(variables)' };
}

export function javascriptCode(
  body: ChatCompletionCreateParams,
  connection: Connection,
  origin: string,
  variables?: ExportVariables,
): string {
  const { baseURL, query, extraHeaders, bearer } = addressing(body, connection, origin);
  const read = `process.env.${KEY_VARIABLE}`;
  const options = [
    `baseURL: ${JSON.stringify(baseURL)}`,
    `apiKey: ${bearer || connection.preset !== 'local' ? read : "'not-needed'"}`,
  ];
  if (Object.keys(query).length > 0) options.push(`defaultQuery: ${JSON.stringify(query)}`);
  const headers = headerSource(extraHeaders, read, (name, value) => `${name}: ${value}`);
  if (headers.length > 0) options.push(`defaultHeaders: { ${headers.join(', ')} }`);
  const { preamble, argument } = javascriptRequest(body, variables);
  const call = body.stream
    ? `const stream = await client.chat.completions.create(${argument});\nfor await (const chunk of stream) process.stdout.write(chunk.choices[0]?.delta?.content ?? '');`
    : `const completion = await client.chat.completions.create(${argument});\nconsole.log(completion.choices[0].message);`;
  return `import OpenAI from 'openai';\n\n${preamble}const client = new OpenAI({ ${options.join(', ')} });\n${call}\n`;
}

/** The request's arguments (and the function that fills the variables): Python. */
function pythonRequest(body: ChatCompletionCreateParams, variables?: ExportVariables) {
  if (!variables?.values.length) {
    const args = Object.entries(body).map(([name, value]) => `    ${name}=${pythonLiteral(value, '    ')},`);
    return { preamble: '', call: `(\n${args.join('\n')}\n)` };
  }
  const values = Object.fromEntries(variables.values.map((entry) => [entry.name, entry.value]));
  const preamble = `# Each {{variable}} of the prompt, filled in as plain text.\nvariables = ${pythonLiteral(values)}\n\n\ndef build_request(variables):\n    return ${pythonLiteral(variables.template, '    ')}\n\n\n`;
  return { preamble, call: '(**build_request(variables))' };
}

export function pythonCode(
  body: ChatCompletionCreateParams,
  connection: Connection,
  origin: string,
  variables?: ExportVariables,
): string {
  const { baseURL, query, extraHeaders, bearer } = addressing(body, connection, origin);
  const read = `os.environ["${KEY_VARIABLE}"]`;
  const options = [
    `base_url=${JSON.stringify(baseURL)}`,
    `api_key=${bearer || connection.preset !== 'local' ? read : '"not-needed"'}`,
  ];
  if (Object.keys(query).length > 0) options.push(`default_query=${pythonLiteral(query).replace(/\s+/g, ' ')}`);
  const headers = headerSource(extraHeaders, read, (name, value) => `${name}: ${value}`);
  if (headers.length > 0) options.push(`default_headers={${headers.join(', ')}}`);
  const { preamble, call } = pythonRequest(body, variables);
  const use = body.stream
    ? `for chunk in response:\n    if chunk.choices and chunk.choices[0].delta.content:\n        print(chunk.choices[0].delta.content, end="")`
    : 'print(response.choices[0].message)';
  return `import os\nfrom openai import OpenAI\n\n${preamble}client = OpenAI(${options.join(', ')})\nresponse = client.chat.completions.create${call}\n${use}\n`;
}
