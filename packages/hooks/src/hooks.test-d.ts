// Type tests: checked by `pnpm typecheck` (tsc), never run. A wrong type fails the type check.
import type { ChatCompletion, ChatCompletionSnapshot, ChatCompletionsError, RunStatus } from '@completions-kit/core';
import { expectTypeOf } from 'vitest';
import type { UseConversationResult } from './conversation/use-conversation.ts';
import type { chatCompletionMutationOptions } from './options.ts';
import type { useChatCompletion } from './use-chat-completion.ts';
import type { UseCompletionRunResult } from './use-completion-run.ts';
import type { UseCompletionStreamResult } from './use-completion-stream.ts';

expectTypeOf<ReturnType<typeof useChatCompletion>['error']>().toEqualTypeOf<ChatCompletionsError | null>();
expectTypeOf<ReturnType<typeof useChatCompletion>['data']>().toEqualTypeOf<ChatCompletion | undefined>();
expectTypeOf<UseCompletionStreamResult['snapshot']>().toEqualTypeOf<ChatCompletionSnapshot | undefined>();

// Every binding speaks the one status vocabulary from core.
expectTypeOf<UseCompletionStreamResult['status']>().toEqualTypeOf<RunStatus>();
expectTypeOf<UseCompletionRunResult['status']>().toEqualTypeOf<RunStatus>();
expectTypeOf<UseConversationResult['status']>().toEqualTypeOf<RunStatus>();

// The factory and its hook take the same variables: the request itself.
type FactoryVariables = Parameters<NonNullable<ReturnType<typeof chatCompletionMutationOptions>['mutationFn']>>[0];
type HookVariables = Parameters<ReturnType<typeof useChatCompletion>['mutate']>[0];
expectTypeOf<FactoryVariables>().toEqualTypeOf<HookVariables>();

// Read-only public state.
declare const state: UseCompletionStreamResult;
// @ts-expect-error the status is read-only
state.status = 'done';
declare const conversation: UseConversationResult;
// @ts-expect-error the tree is read-only
conversation.tree = { nodes: {}, roots: [], active: {} };
