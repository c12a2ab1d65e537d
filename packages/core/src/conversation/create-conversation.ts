import type { ChatCompletionsClient } from '../client/create-client.ts';
import type { ChatCompletionsError } from '../client/errors.ts';
import { createCompletionRun, type NotifyEvery, type RunState } from '../stream/completion-run.ts';
import { isRunning } from '../stream/run-status.ts';
import type {
  ChatCompletionContentPart,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
  RunStatus,
} from '../types.ts';
import { answerPatch, livePatch, newAnswer } from './record.ts';
import {
  activePath,
  addTurn,
  emptyTree,
  hasContent,
  messagesTo,
  removeTurn,
  switchSibling,
  type TurnTree,
  toolCallsAnswered,
  updateTurn,
} from './tree.ts';

export type ConversationParams = Omit<ChatCompletionCreateParamsNonStreaming, 'messages' | 'stream'>;

export interface ConversationState {
  /** Every turn and branch: `nodes` by id, the first turns (`roots`) and which child of each is `active`. */
  readonly tree: TurnTree;
  /** The latest answer's status: `idle` before any, `submitted`, `streaming`, then how it ended. */
  readonly status: RunStatus;
  /** Why the latest answer failed (never set for a stop). */
  readonly error: ChatCompletionsError | undefined;
  /** The latest answer's turn id: the answer in flight while `status` is `submitted` or `streaming`. */
  readonly answerId: string | null;
}

export interface ConversationActions {
  /** Adds a user turn (text or content parts) and runs the model. A live answer stops first and keeps what arrived. */
  send(content: string | ChatCompletionContentPart[]): Promise<void>;
  /** Runs the model on the active branch. */
  run(): Promise<void>;
  /** A new answer to the same question, kept beside the old one. */
  regenerate(): Promise<void>;
  /** Runs the last answer again: one that failed before writing anything is replaced, any other kept as a branch. */
  retry(): Promise<void>;
  /** Replaces a turn with new content as a new branch (the old branch stays reachable), then runs. */
  edit(id: string, content: string | ChatCompletionContentPart[]): Promise<void>;
  /** Shows the next (1) or previous (-1) alternative of a turn. */
  switchBranch(id: string, step: 1 | -1): void;
  /** With n > 1: makes choice `index` the message of answer `id` (default: the latest answer). */
  pickChoice(index: number, id?: string): void;
  /** Answers a tool call; once every call of the last assistant turn has an answer, runs again. */
  answerToolCall(toolCallId: string, content: string): Promise<void>;
  /** Stops the live answer: it stays in the tree, `aborted`, with what arrived. */
  stop(): void;
  /** Stops, then holds `tree` (a saved thread) instead; `status` back to idle. */
  load(tree: TurnTree): void;
  /** Stops, then an empty tree. */
  clear(): void;
}

export interface Conversation extends ConversationActions {
  /** The state now: a new object on every change, never changed in place. */
  getState(): ConversationState;
  /** The state it was created with: the snapshot a server render uses. */
  getInitialState(): ConversationState;
  /** Calls `listener` on every change with the new and the previous state. */
  subscribe(listener: (state: ConversationState, previous: ConversationState) => void): () => void;
  /** Stops and lets go of every subscriber. */
  dispose(): void;
}

export interface ConversationOptions {
  client: () => ChatCompletionsClient;
  /** Model and settings, asked at every run. */
  params: () => ConversationParams;
  /** Stream answers. Default: true. */
  stream?: boolean;
  /** How often the answer in flight updates. Default: once per animation frame. */
  notify?: NotifyEvery;
  /** The tree to start from (a saved thread). Default: empty. */
  tree?: TurnTree;
}

let counter = 0;
const newId = () => `turn-${Date.now().toString(36)}-${(counter++).toString(36)}`;
const failed = (status: RunStatus | undefined) => status === 'error' || status === 'aborted' || status === 'incomplete';

/** The conversation's machinery; `createConversation` hands it out as a `Conversation`. */
class ConversationMachine implements Conversation {
  readonly #options: ConversationOptions;
  readonly #initial: ConversationState;
  readonly #listeners = new Set<(state: ConversationState, previous: ConversationState) => void>();
  readonly #runner;
  #state: ConversationState;
  #liveId: string | null = null;

  constructor(options: ConversationOptions) {
    this.#options = options;
    this.#initial = { tree: options.tree ?? emptyTree, status: 'idle', error: undefined, answerId: null };
    this.#state = this.#initial;
    this.#runner = createCompletionRun({
      client: options.client,
      notify: options.notify ?? 'frame',
      onFinish: (state) => this.#finish(state),
    });
    this.#runner.subscribe((state) => {
      if (!isRunning(state.status)) return;
      this.#patchAnswer(livePatch(state), { status: state.status });
    });
  }

  // Arrow properties: bindings pass these around unbound (useSyncExternalStore, event handlers).
  getState = (): ConversationState => this.#state;
  getInitialState = (): ConversationState => this.#initial;

  subscribe = (listener: (state: ConversationState, previous: ConversationState) => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  send = async (content: string | ChatCompletionContentPart[]): Promise<void> => {
    this.#runner.stop();
    const id = this.#append({ role: 'user', content } as ChatCompletionMessageParam, this.#leafId());
    await this.#run(id);
  };

  run = (): Promise<void> => this.#run(this.#leafId());

  regenerate = async (): Promise<void> => {
    this.#runner.stop();
    const last = activePath(this.#state.tree).at(-1);
    // The new answer goes beside the old one, under the same question.
    await this.#run(last?.message.role === 'assistant' ? last.parentId : (last?.id ?? null));
  };

  retry = async (): Promise<void> => {
    this.#runner.stop();
    const last = activePath(this.#state.tree).at(-1);
    if (last?.message.role !== 'assistant' || !failed(last.status) || hasContent(last.message))
      return this.regenerate();
    this.#set({ tree: removeTurn(this.#state.tree, last.id) });
    await this.#run(last.parentId);
  };

  edit = async (id: string, content: string | ChatCompletionContentPart[]): Promise<void> => {
    const node = this.#state.tree.nodes[id];
    if (!node) return;
    this.#runner.stop();
    const edited = this.#append({ ...node.message, content } as ChatCompletionMessageParam, node.parentId);
    if (node.message.role === 'user') await this.#run(edited);
  };

  switchBranch = (id: string, step: 1 | -1): void => {
    this.#set({ tree: switchSibling(this.#state.tree, id, step) });
  };

  pickChoice = (index: number, id: string | null = this.#state.answerId): void => {
    const node = id === null ? undefined : this.#state.tree.nodes[id];
    const choice = node?.completion?.choices.find((item) => item.index === index);
    if (!node || !choice) return;
    this.#set({ tree: updateTurn(this.#state.tree, node.id, { message: choice.message, choice: index }) });
  };

  answerToolCall = async (toolCallId: string, content: string): Promise<void> => {
    this.#runner.stop();
    this.#append({ role: 'tool', tool_call_id: toolCallId, content }, this.#leafId());
    if (toolCallsAnswered(this.#state.tree)) await this.#run(this.#leafId());
  };

  stop = (): void => this.#runner.stop();

  load = (tree: TurnTree): void => {
    this.#runner.stop();
    this.#set({ tree, status: 'idle', error: undefined, answerId: null });
  };

  clear = (): void => this.load(emptyTree);

  dispose = (): void => {
    this.#runner.dispose();
    this.#listeners.clear();
  };

  #leafId(): string | null {
    return activePath(this.#state.tree).at(-1)?.id ?? null;
  }

  #append(message: ChatCompletionMessageParam, parentId: string | null): string {
    const id = newId();
    this.#set({ tree: addTurn(this.#state.tree, { id, parentId, message, children: [] }) });
    return id;
  }

  /** Answers the conversation up to `parentId`; the answer is a turn from this moment to its end. */
  async #run(parentId: string | null): Promise<void> {
    this.#runner.stop();
    const messages = messagesTo(this.#state.tree, parentId);
    const answer = newAnswer(newId(), parentId);
    this.#liveId = answer.id;
    this.#set({ tree: addTurn(this.#state.tree, answer), status: 'submitted', error: undefined, answerId: answer.id });
    const stream = this.#options.stream !== false;
    await this.#runner.start({ ...this.#options.params(), messages, stream });
  }

  #finish(state: RunState): void {
    const patch = answerPatch(state);
    const id = this.#liveId;
    this.#liveId = null;
    if (id === null) return;
    // Stopped before a word arrived (or superseded while the headers were on their way): nothing to keep.
    if (state.status === 'aborted' && !hasContent(patch.message ?? { role: 'assistant' })) {
      this.#set({ tree: removeTurn(this.#state.tree, id), status: 'aborted', error: undefined, answerId: null });
      return;
    }
    this.#set({ tree: updateTurn(this.#state.tree, id, patch), status: state.status, error: patch.error });
  }

  #patchAnswer(patch: Parameters<typeof updateTurn>[2], rest: Partial<ConversationState>): void {
    const id = this.#liveId;
    if (id === null) return;
    this.#set({ ...rest, tree: updateTurn(this.#state.tree, id, patch) });
  }

  #set(patch: Partial<ConversationState>): void {
    const previous = this.#state;
    this.#state = { ...previous, ...patch };
    for (const listener of this.#listeners) listener(this.#state, previous);
  }
}

/**
 * A conversation as a tree of turns, framework-free: send, stream or not, stop, regenerate and edit
 * as branches, retry, n > 1 choices, tool calls answered before the run goes on. Each answer is a
 * turn from submit to end (one id: a view of it never remounts) carrying its status, the whole
 * completion (usage, logprobs, finish reasons), timings and error. `useConversation` binds it to React.
 *
 * @example
 * const conversation = createConversation({ client: () => client, params: () => ({ model }) });
 * conversation.subscribe((state) => render(activePath(state.tree)));
 * await conversation.send('Hello');
 */
export function createConversation(options: ConversationOptions): Conversation {
  return new ConversationMachine(options);
}
