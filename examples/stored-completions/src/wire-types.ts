// The wire types come from `openai`, a dev dependency here for its types only: the kit declares it an
// optional peer and bundles none of it. Were they missing, they would arrive as `any` and this fails.
import type { ChatCompletion, ChatCompletionSnapshot } from '@completions-kit/core';

type IsAny<T> = 0 extends 1 & T ? true : false;

export const wireTypesSeen: [IsAny<ChatCompletion>, IsAny<ChatCompletionSnapshot['usage']>] = [false, false];
