import { type ChatCompletionCreateParams, targetFor } from '@completions-kit/core';
import type { Connection } from '../state/connection.ts';

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

export function curlCode(body: ChatCompletionCreateParams, connection: Connection, origin: string): string {
  const { url, headers } = addressing(body, connection, origin);
  const lines = Object.entries({ ...headers, 'Content-Type': 'application/json' })
    .filter(([name]) => name !== 'accept')
    .map(([name, value]) => `  -H "${name === 'authorization' ? 'Authorization' : name}: ${value}" \\\n`);
  return `curl ${shellQuote(url)} \\\n${lines.join('')}  -d ${shellQuote(JSON.stringify(body, null, 2))}`;
}

/** A header map as source text, the key mark replaced by `read` (the language's environment read). */
function headerSource(headers: Record<string, string>, read: string, entry: (name: string, value: string) => string) {
  return Object.entries(headers).map(([name, value]) =>
    entry(JSON.stringify(name), value === KEY_MARK ? read : JSON.stringify(value)),
  );
}

export function javascriptCode(body: ChatCompletionCreateParams, connection: Connection, origin: string): string {
  const { baseURL, query, extraHeaders, bearer } = addressing(body, connection, origin);
  const read = `process.env.${KEY_VARIABLE}`;
  const options = [
    `baseURL: ${JSON.stringify(baseURL)}`,
    `apiKey: ${bearer || connection.preset !== 'local' ? read : "'not-needed'"}`,
  ];
  if (Object.keys(query).length > 0) options.push(`defaultQuery: ${JSON.stringify(query)}`);
  const headers = headerSource(extraHeaders, read, (name, value) => `${name}: ${value}`);
  if (headers.length > 0) options.push(`defaultHeaders: { ${headers.join(', ')} }`);
  const call = body.stream
    ? `const stream = await client.chat.completions.create(${JSON.stringify(body, null, 2)});\nfor await (const chunk of stream) process.stdout.write(chunk.choices[0]?.delta?.content ?? '');`
    : `const completion = await client.chat.completions.create(${JSON.stringify(body, null, 2)});\nconsole.log(completion.choices[0].message);`;
  return `import OpenAI from 'openai';\n\nconst client = new OpenAI({ ${options.join(', ')} });\n${call}\n`;
}

/** JSON to a Python literal: true/false/null become True/False/None outside strings. */
function pythonLiteral(value: unknown, indent = ''): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number' || typeof value === 'string') return JSON.stringify(value);
  const inner = `${indent}    `;
  if (Array.isArray(value))
    return `[\n${value.map((item) => `${inner}${pythonLiteral(item, inner)}`).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value as object).filter(([, item]) => item !== undefined);
  return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${pythonLiteral(item, inner)}`).join(',\n')}\n${indent}}`;
}

export function pythonCode(body: ChatCompletionCreateParams, connection: Connection, origin: string): string {
  const { baseURL, query, extraHeaders, bearer } = addressing(body, connection, origin);
  const read = `os.environ["${KEY_VARIABLE}"]`;
  const options = [
    `base_url=${JSON.stringify(baseURL)}`,
    `api_key=${bearer || connection.preset !== 'local' ? read : '"not-needed"'}`,
  ];
  if (Object.keys(query).length > 0) options.push(`default_query=${pythonLiteral(query).replace(/\s+/g, ' ')}`);
  const headers = headerSource(extraHeaders, read, (name, value) => `${name}: ${value}`);
  if (headers.length > 0) options.push(`default_headers={${headers.join(', ')}}`);
  const args = Object.entries(body)
    .map(([name, value]) => `    ${name}=${pythonLiteral(value, '    ')},`)
    .join('\n');
  const use = body.stream
    ? `for chunk in response:\n    if chunk.choices and chunk.choices[0].delta.content:\n        print(chunk.choices[0].delta.content, end="")`
    : 'print(response.choices[0].message)';
  return `import os\nfrom openai import OpenAI\n\nclient = OpenAI(${options.join(', ')})\nresponse = client.chat.completions.create(\n${args}\n)\n${use}\n`;
}
