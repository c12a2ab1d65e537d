import { describe, expect, it } from 'vitest';
import type { Connection } from '../state/connection.ts';
import { defaultDraft, message } from '../state/draft.ts';
import { curlCode, javascriptCode, pythonCode } from './export-code.ts';
import { draftFromHash, shareUrl } from './share-url.ts';

const openai: Connection = {
  preset: 'openai',
  baseURL: 'https://api.openai.com/v1',
  provider: 'openai',
  apiVersion: '',
  deployment: '',
};
const body = {
  model: 'gpt-4o-mini',
  messages: [{ role: 'user' as const, content: "It's true: 東京 🙂" }],
  stream: false,
  store: true,
  stop: null,
};

describe('exported code', () => {
  it('reads the key from the environment in every language and quotes the body safely', () => {
    const curl = curlCode(body, openai, 'http://localhost');
    expect(curl).toContain('-H "Authorization: Bearer $OPENAI_API_KEY"');
    expect(curl).toContain("It'\\''s true");
    expect(javascriptCode(body, openai, 'http://localhost')).toContain('apiKey: process.env.OPENAI_API_KEY');
    const python = pythonCode(body, openai, 'http://localhost');
    expect(python).toContain('api_key=os.environ["OPENAI_API_KEY"]');
    expect(python).toContain('store=True,');
    expect(python).toContain('stop=None,');
    expect(python).toContain(`"content": "It's true: 東京 🙂"`);
  });

  it('sends Azure keys as api-key and needs none for the local server, whose relative URL becomes absolute', () => {
    expect(curlCode(body, { ...openai, provider: 'azure-openai' }, 'http://localhost')).toContain(
      '-H "api-key: $OPENAI_API_KEY"',
    );
    const local = curlCode(body, { ...openai, preset: 'local', baseURL: '/v1' }, 'http://127.0.0.1:5173');
    expect(local).toContain("curl 'http://127.0.0.1:5173/v1/chat/completions'");
    expect(local).not.toContain('Authorization');
  });

  it('addresses Azure as core does: the deployment in the path and the api-version, in every language', () => {
    const azure: Connection = {
      preset: 'azure-openai',
      baseURL: 'https://res.openai.azure.com/openai',
      provider: 'azure-openai',
      apiVersion: '',
      deployment: 'my-deployment',
    };
    const curl = curlCode(body, azure, 'http://localhost');
    expect(curl).toContain(
      "curl 'https://res.openai.azure.com/openai/deployments/my-deployment/chat/completions?api-version=2024-10-21'",
    );
    expect(curl).toContain('-H "api-key: $OPENAI_API_KEY"');
    expect(curl).not.toContain('Bearer');
    const javascript = javascriptCode(body, azure, 'http://localhost');
    expect(javascript).toContain('baseURL: "https://res.openai.azure.com/openai/deployments/my-deployment"');
    expect(javascript).toContain('defaultQuery: {"api-version":"2024-10-21"}');
    expect(javascript).toContain('defaultHeaders: { "api-key": process.env.OPENAI_API_KEY }');
    const python = pythonCode(body, { ...azure, apiVersion: '2025-01-01-preview' }, 'http://localhost');
    expect(python).toContain('base_url="https://res.openai.azure.com/openai/deployments/my-deployment"');
    expect(python).toContain('default_query={ "api-version": "2025-01-01-preview" }');
    expect(python).toContain('default_headers={"api-key": os.environ["OPENAI_API_KEY"]}');
  });
});

describe('share links', () => {
  it('round-trip the prompt, with Unicode, and leave uploaded data out', () => {
    const draft = defaultDraft();
    draft.messages = [
      message('user', 'Über 東京 🙂', {
        parts: [
          { id: 'a', type: 'image_url', url: 'https://example.com/x.png', detail: 'auto' },
          { id: 'b', type: 'image_url', url: 'data:image/png;base64,AAAA', detail: 'auto' },
          { id: 'c', type: 'file', filename: 'secret.pdf', fileData: 'data:application/pdf;base64,AAAA' },
        ],
      }),
    ];
    const url = shareUrl(draft, { origin: 'http://localhost:5173', pathname: '/' });
    const back = draftFromHash(new URL(url).hash);
    expect(back?.messages[0]?.text).toBe('Über 東京 🙂');
    expect(back?.messages[0]?.parts.map((part) => (part.type === 'image_url' ? part.url : part.type))).toEqual([
      'https://example.com/x.png',
    ]);
    expect(url).not.toContain('secret.pdf');
  });

  it('rebuild a hand-made link from known shapes, so it cannot break the composer', () => {
    const hostile = {
      messages: [{ role: 'root', text: 5, parts: 'x', toolCalls: [{ id: 1 }] }, null],
      params: { model: { $gt: 1 }, temperature: '0.5' },
      tools: 'no',
    };
    const encoded = btoa(JSON.stringify(hostile)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
    const draft = draftFromHash(`#prompt=${encoded}`);
    expect(draft?.messages).toHaveLength(1);
    expect(draft?.messages[0]).toMatchObject({
      role: 'user',
      text: '',
      parts: [],
      toolCalls: [{ id: '', name: '', arguments: '' }],
    });
    expect(draft?.params.model).toBe('ck-local-ngram');
    expect(draft?.params.temperature).toBe('0.5');
    expect(draft?.tools).toEqual([]);
    expect(draft?.responseFormat.type).toBe('text');
  });

  it('ignore a broken or foreign hash', () => {
    expect(draftFromHash('#/logs')).toBeNull();
    expect(draftFromHash('#prompt=not-base64-json')).toBeNull();
  });
});
