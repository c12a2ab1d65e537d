import type { ChatCompletionCreateParams } from '@completions-kit/core';
import type { Connection } from '../state/connection.ts';

/** The key never goes into exported code: each language reads it from the environment. */
const KEY_VARIABLE = 'OPENAI_API_KEY';

function absolute(baseURL: string, origin: string) {
  return new URL(baseURL, origin).href.replace(/\/$/, '');
}

const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

export function curlCode(body: ChatCompletionCreateParams, connection: Connection, origin: string): string {
  const url = `${absolute(connection.baseURL, origin)}/chat/completions`;
  const auth =
    connection.provider === 'azure-openai'
      ? `  -H "api-key: $${KEY_VARIABLE}" \\\n`
      : connection.preset === 'local'
        ? ''
        : `  -H "Authorization: Bearer $${KEY_VARIABLE}" \\\n`;
  return `curl ${shellQuote(url)} \\\n  -H "Content-Type: application/json" \\\n${auth}  -d ${shellQuote(JSON.stringify(body, null, 2))}`;
}

export function javascriptCode(body: ChatCompletionCreateParams, connection: Connection, origin: string): string {
  const key = connection.preset === 'local' ? "'not-needed'" : `process.env.${KEY_VARIABLE}`;
  const call = body.stream
    ? `const stream = await client.chat.completions.create(${JSON.stringify(body, null, 2)});\nfor await (const chunk of stream) process.stdout.write(chunk.choices[0]?.delta?.content ?? '');`
    : `const completion = await client.chat.completions.create(${JSON.stringify(body, null, 2)});\nconsole.log(completion.choices[0].message);`;
  return `import OpenAI from 'openai';\n\nconst client = new OpenAI({ baseURL: ${JSON.stringify(absolute(connection.baseURL, origin))}, apiKey: ${key} });\n${call}\n`;
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
  const key = connection.preset === 'local' ? '"not-needed"' : `os.environ["${KEY_VARIABLE}"]`;
  const args = Object.entries(body)
    .map(([name, value]) => `    ${name}=${pythonLiteral(value, '    ')},`)
    .join('\n');
  const use = body.stream
    ? `for chunk in response:\n    if chunk.choices and chunk.choices[0].delta.content:\n        print(chunk.choices[0].delta.content, end="")`
    : 'print(response.choices[0].message)';
  return `import os\nfrom openai import OpenAI\n\nclient = OpenAI(base_url=${JSON.stringify(absolute(connection.baseURL, origin))}, api_key=${key})\nresponse = client.chat.completions.create(\n${args}\n)\n${use}\n`;
}
