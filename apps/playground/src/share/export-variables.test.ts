import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createChatCompletionsClient } from '@completions-kit/core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { buildRequest } from '../request/build-request.ts';
import type { Connection } from '../state/connection.ts';
import { defaultDraft, message } from '../state/draft.ts';
import { exportText } from './export-formats.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    serverUrl: string;
  }
}

// Under the repository's node_modules, so the exported `import OpenAI from 'openai'` resolves.
const root = path.resolve(import.meta.dirname, '../../../..');
mkdirSync(path.join(root, 'node_modules', '.cache'), { recursive: true });
const folder = mkdtempSync(path.join(root, 'node_modules', '.cache', 'ck-export-run-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A tool the test runs the exported code with: missing locally, its test is skipped aloud; under CI, it fails. */
function available(command: string) {
  try {
    execFileSync(command, ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    if (process.env.CI) return true;
    console.warn(
      `No ${command}: its export test is skipped (apt-get install ${command === 'curl' ? 'curl' : 'python3-minimal'}).`,
    );
    return false;
  }
}

const local: Connection = { preset: 'local', baseURL: '/v1', provider: 'openai', apiVersion: '', deployment: '' };

/** A stored prompt with variables (one value with quotes, $ and a {{placeholder}} of its own). */
function promptWith(suite: string) {
  const draft = defaultDraft();
  draft.messages = [
    message('system', 'Forecasts for {{city}}.'),
    message('user', 'Weather in {{city}} for {{days}} days? \\{{not_a_variable}}'),
  ];
  draft.params = {
    ...draft.params,
    stream: false,
    store: true,
    metadata: `suite=${suite}`,
    max_completion_tokens: '8',
  };
  draft.variables = [
    { name: 'city', value: `Saint-"Malo" $HOME {{days}}` },
    { name: 'days', value: '3' },
  ];
  return draft;
}

/** The request messages the local server stored for the one completion tagged with this suite. */
async function storedMessages(suite: string) {
  const client = createChatCompletionsClient({ baseURL: inject('serverUrl'), maxRetries: 0 });
  const page = await client.chat.completions.list({ metadata: { suite } });
  expect(page.data).toHaveLength(1);
  return (await client.chat.completions.messages.list(page.data[0]?.id ?? '')).data.map((entry) => entry.content);
}

const input = (suite: string) => {
  const draft = promptWith(suite);
  return { draft, body: buildRequest(draft).body, connection: local, origin: new URL(inject('serverUrl')).origin };
};
const filled = [
  'Forecasts for Saint-"Malo" $HOME {{days}}.',
  'Weather in Saint-"Malo" $HOME {{days}} for 3 days? {{not_a_variable}}',
];

describe('curl, JavaScript and Python exports fill the variables as the playground does', () => {
  it.runIf(available('curl'))('curl sends the filled body (and says which values it holds)', async () => {
    const suite = `curl-${Date.now()}`;
    const code = exportText('curl', input(suite));
    expect(code).toMatch(/^# The prompt's variables \(\{\{city\}\}, \{\{days\}\}\) are filled into the body/);
    execFileSync('sh', ['-c', code], { encoding: 'utf8', stdio: 'pipe' });
    expect(await storedMessages(suite)).toEqual(filled);
  });

  it('JavaScript fills them in a buildRequest(variables) function, run with the openai package', async () => {
    const suite = `javascript-${Date.now()}`;
    const code = exportText('JavaScript', input(suite));
    expect(code).toContain('function buildRequest(variables)');
    writeFileSync(path.join(folder, 'request.mjs'), code);
    execFileSync(process.execPath, [path.join(folder, 'request.mjs')], { encoding: 'utf8', stdio: 'pipe' });
    expect(await storedMessages(suite)).toEqual(filled);
  });

  it.runIf(available('python3'))('Python fills them in build_request(variables), which gives the same body', () => {
    const { draft, body, ...rest } = input('python');
    const code = exportText('Python', { draft, body, ...rest });
    const definitions = code.slice(code.indexOf('# Each {{variable}}'), code.indexOf('client = OpenAI('));
    const program = `import json\n${definitions}\nprint(json.dumps(build_request(variables)))\n`;
    const printed = execFileSync('python3', ['-c', program], { encoding: 'utf8' });
    expect(JSON.parse(printed)).toEqual(body);
    expect(code).toContain('client.chat.completions.create(**build_request(variables))');
  });
});
