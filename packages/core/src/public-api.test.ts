import { describe, expect, it, vi } from 'vitest';

describe('the public API', () => {
  it('loads without React or the openai runtime anywhere in reach', async () => {
    vi.doMock('react', () => {
      throw new Error('core imported react');
    });
    vi.doMock('openai', () => {
      throw new Error('core imported the openai runtime');
    });
    const core = await import('./index.ts');
    expect(Object.keys(core).sort()).toEqual(
      [
        'ChatCompletionStream',
        'ChatCompletionsError',
        'CursorPage',
        'accumulateChunk',
        'createCompletionRun',
        'activePath',
        'createConversation',
        'isRunning',
        'readSavedConversation',
        'saveConversation',
        'siblingsOf',
        'errorAdvice',
        'apiErrorFromBody',
        'assertValidMetadata',
        'checkSavedConversation',
        'completionKeys',
        'createChatCompletionsClient',
        'finalizeSnapshot',
        'inferFinishReason',
        'isChatCompletionsError',
        'isRetryableStatus',
        'listSearchParams',
        'metadataLimits',
        'nextCursor',
        'paramLimits',
        'parseJson',
        'readEvents',
        'responseInfo',
        'retryAfterMs',
        'retryDelayMs',
        'targetFor',
        'validateMetadata',
      ].sort(),
    );
    vi.doUnmock('react');
    vi.doUnmock('openai');
  });

  it('keys stored queries from broad to narrow', async () => {
    const { completionKeys } = await import('./index.ts');
    const detail = completionKeys.detail('chatcmpl-1');
    expect(completionKeys.messages('chatcmpl-1').slice(0, detail.length)).toEqual(detail);
    expect(completionKeys.list({ order: 'desc' }).slice(0, completionKeys.lists().length)).toEqual(
      completionKeys.lists(),
    );
    expect(completionKeys.lists().slice(0, completionKeys.stored().length)).toEqual(completionKeys.stored());
  });
});
