import { describe, expect, it } from 'vitest';
import { haveFixtures, readFixture, readFixtureText } from '../test-support/fixtures.ts';
import { apiErrorFromBody } from './errors.ts';

const json = new Headers({ 'content-type': 'application/json' });

describe('apiErrorFromBody reads every provider into one shape', () => {
  it.each([
    [
      'OpenAI',
      {
        error: {
          message: 'Incorrect API key provided',
          type: 'invalid_request_error',
          param: null,
          code: 'invalid_api_key',
        },
      },
      { type: 'invalid_request_error', code: 'invalid_api_key', param: null },
    ],
    [
      'Azure OpenAI, with inner_error',
      {
        error: {
          code: 'content_filter',
          message: 'The response was filtered',
          param: 'prompt',
          status: 400,
          inner_error: { code: 'ResponsibleAIPolicyViolation' },
        },
      },
      { type: 'invalid_request_error', code: 'content_filter', param: 'prompt' },
    ],
    [
      'vLLM, flat',
      { object: 'error', message: 'max_tokens is too large', type: 'BadRequestError', param: null, code: 400 },
      { type: 'BadRequestError', code: '400', param: null },
    ],
    [
      'llama.cpp, numeric code',
      {
        error: {
          code: 400,
          message: 'the request exceeds the available context size',
          type: 'exceed_context_size_error',
        },
      },
      { type: 'exceed_context_size_error', code: '400', param: null },
    ],
    [
      'Ollama, a bare string',
      { error: 'model "llama9" not found, try pulling it first' },
      { type: 'invalid_request_error', code: null, param: null },
    ],
  ])('%s', (_name, body, expected) => {
    const error = apiErrorFromBody(400, JSON.stringify(body), json);
    expect(error.kind).toBe('api');
    expect(error.status).toBe(400);
    expect({ type: error.type, code: error.code, param: error.param }).toEqual(expected);
    expect(error.message.length).toBeGreaterThan(10);
  });

  it('never renders an HTML error page, and says what to do', () => {
    const html =
      '<html><head><title>502 Bad Gateway</title></head><body><h1>502</h1><script>x()</script></body></html>';
    const error = apiErrorFromBody(
      502,
      html,
      new Headers({ 'content-type': 'text/html; charset=utf-8', 'apim-request-id': 'azure-1' }),
    );
    expect(error.message).not.toMatch(/[<>]/);
    expect(error.message).toContain('502');
    expect(error.message).toContain('text/html');
    expect(error.message).toMatch(/retry/i);
    expect(error.type).toBe('server_error');
    expect(error.requestId).toBe('azure-1');
  });

  it('adds a hint for the status', () => {
    const error = apiErrorFromBody(401, '{"error":{"message":"bad key","type":"invalid_request_error"}}', json);
    expect(error.message).toBe('bad key Check the API key.');
  });
});

describe.skipIf(!haveFixtures())('recorded error responses', () => {
  it.each([
    ['dotnet-error-401-invalid-api-key', 401, 'invalid_api_key', null],
    ['dotnet-error-404-messages-not-found', 404, 'not_found', 'completion_id'],
    [
      'dotnet-error-400-invalid-function-parameters',
      400,
      'invalid_function_parameters',
      'tools[0].function.parameters',
    ],
    ['dotnet-stored-get-404-not-yet-visible', 404, 'not_found', 'completion_id'],
  ])('%s', (name, status, code, param) => {
    const request = readFixture<{ status: number; content_type: string }>(`responses/${name}.request.json`);
    expect(request.status).toBe(status);
    const error = apiErrorFromBody(
      status,
      readFixtureText(`responses/${name}.json`),
      new Headers({ 'content-type': request.content_type }),
    );
    expect(error.code).toBe(code);
    expect(error.param).toBe(param);
    expect(error.type).toBe('invalid_request_error');
  });
});
