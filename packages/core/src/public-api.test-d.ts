// Type tests: checked by `pnpm typecheck` (tsc), never run. A wrong type fails the type check.
import { expectTypeOf } from 'vitest';
import {
  type ChatCompletion,
  type ChatCompletionStream,
  type CursorPage,
  createChatCompletionsClient,
  type RunState,
  type RunStatus,
  type StreamStatus,
} from './index.ts';

const completions = createChatCompletionsClient({ baseURL: 'http://127.0.0.1:1' }).chat.completions;
const messages = [{ role: 'user' as const, content: 'Hi' }];

// create() is typed by the stream flag.
expectTypeOf(completions.create).toBeCallableWith({ model: 'm', messages });
expectTypeOf<Awaited<ReturnType<(typeof completions)['retrieve']>>>().toEqualTypeOf<ChatCompletion>();
expectTypeOf<Awaited<ReturnType<(typeof completions)['list']>>>().toEqualTypeOf<CursorPage<ChatCompletion>>();
const streamed = () => completions.create({ model: 'm', messages, stream: true });
const plain = () => completions.create({ model: 'm', messages });
expectTypeOf<Awaited<ReturnType<typeof streamed>>>().toEqualTypeOf<ChatCompletionStream>();
expectTypeOf<Awaited<ReturnType<typeof plain>>>().toEqualTypeOf<ChatCompletion>();

// One status vocabulary: a stream's statuses are the run's, less the two before the headers.
expectTypeOf<StreamStatus>().toEqualTypeOf<Exclude<RunStatus, 'idle' | 'submitted'>>();
expectTypeOf<RunState['status']>().toEqualTypeOf<RunStatus>();
// What a run hands out is read-only.
expectTypeOf<RunState>().toEqualTypeOf<Readonly<RunState>>();
// The stream's status is read-only too.
declare const stream: ChatCompletionStream;
// @ts-expect-error the status cannot be assigned
stream.status = 'done';
