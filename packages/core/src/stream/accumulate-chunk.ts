import type {
  ChatCompletionChunk,
  ChatCompletionSnapshot,
  ChatCompletionTokenLogprob,
  ChunkDelta,
  SnapshotAudio,
  SnapshotChoice,
  SnapshotLogprobs,
  SnapshotMessage,
  SnapshotToolCall,
  WireChunk,
  WireChunkChoice,
} from '../types.ts';
import { appendShared } from './shared-list.ts';

type ToolCallDelta = ChatCompletionChunk.Choice.Delta.ToolCall;

/**
 * Objects made since the last snapshot anybody saw. Nobody holds them yet, so the next chunks may
 * change them in place instead of copying them again: a burst of chunks between two renders costs
 * one copy of the changed path, not one per chunk. Start a new draft whenever a snapshot is handed out.
 */
export interface AccumulatorDraft {
  owned: WeakSet<object>;
}

export function createDraft(): AccumulatorDraft {
  return { owned: new WeakSet() };
}

/** A copy of `value` the fold may change: `value` itself when the draft made it. */
function writable<T extends object>(value: T, draft: AccumulatorDraft | undefined): T {
  if (draft?.owned.has(value)) return value;
  const copy = (Array.isArray(value) ? value.slice() : { ...value }) as T;
  draft?.owned.add(copy);
  return copy;
}

/**
 * Folds one chunk into the snapshot: `accumulateChunk(snapshot, chunk) -> snapshot`.
 *
 * Only the changed path gets new objects (snapshot -> choices -> choice -> message -> field), so a
 * choice that a chunk does not touch keeps its identity and memoized views skip it. Strings are
 * concatenated. A snapshot that was returned is never changed afterwards, logprob arrays included.
 * Pass a `draft` (see `AccumulatorDraft`) to write into objects nobody has seen yet instead of
 * copying them: a burst of chunks between two reads then copies the changed path once. Logprob
 * tokens are never copied, draft or not: each snapshot holds a read-only, fixed-length view of one
 * append-only array (shared-list.ts), so a token costs O(1) however often snapshots are read.
 *
 * @example
 * let snapshot: ChatCompletionSnapshot | undefined;
 * for (const chunk of chunks) snapshot = accumulateChunk(snapshot, chunk);
 */
export function accumulateChunk(
  snapshot: ChatCompletionSnapshot | undefined,
  chunk: WireChunk | ChatCompletionChunk,
  draft?: AccumulatorDraft,
): ChatCompletionSnapshot {
  const wire = chunk as WireChunk;
  let next: ChatCompletionSnapshot;
  if (snapshot === undefined) {
    next = { id: wire.id, object: 'chat.completion', created: wire.created, model: wire.model, choices: [] };
    draft?.owned.add(next);
  } else {
    next = writable(snapshot, draft);
    // Azure's trailing content-filter chunk has an empty identity: it must not overwrite the real one.
    if (wire.id) {
      next.id = wire.id;
      next.created = wire.created;
      next.model = wire.model;
    }
  }
  // Plain reads and one key loop: this runs per chunk, and rest destructuring costs as much as JSON.parse.
  // `object` and `obfuscation` are transport details, never part of the completion.
  for (const key in wire) {
    if (key === 'id' || key === 'object' || key === 'created' || key === 'model' || key === 'choices') continue;
    if (key === 'obfuscation') continue;
    const value = wire[key];
    // Some providers (vLLM with continuous usage) send usage on every chunk: the last one wins.
    if (value !== undefined && value !== null) next[key] = value;
  }
  const choices = wire.choices;
  if (choices !== undefined && choices.length > 0) next.choices = accumulateChoices(next.choices, choices, draft);
  return next;
}

function accumulateChoices(
  previous: SnapshotChoice[],
  deltas: WireChunkChoice[],
  draft: AccumulatorDraft | undefined,
): SnapshotChoice[] {
  const choices = writable(previous, draft);
  for (const delta of deltas) {
    const index = typeof delta.index === 'number' ? delta.index : 0;
    let position = choices[index]?.index === index ? index : choices.findIndex((choice) => choice.index === index);
    if (position === -1) {
      // n > 1 streams interleave choices: keep them ordered by index whatever order they start in.
      position = choices.findIndex((choice) => choice.index > index);
      if (position === -1) position = choices.length;
      choices.splice(position, 0, emptyChoice(index));
    }
    choices[position] = accumulateChoice(choices[position] as SnapshotChoice, delta, draft);
  }
  return choices;
}

function emptyChoice(index: number): SnapshotChoice {
  return {
    index,
    message: { role: 'assistant', content: null, refusal: null },
    logprobs: null,
    finish_reason: null,
  };
}

function accumulateChoice(
  choice: SnapshotChoice,
  delta: WireChunkChoice,
  draft: AccumulatorDraft | undefined,
): SnapshotChoice {
  const message = delta.delta ? accumulateMessage(choice.message, delta.delta, draft) : choice.message;
  const logprobs = delta.logprobs ? appendLogprobs(choice.logprobs, delta.logprobs, draft) : choice.logprobs;
  const finishReason = delta.finish_reason ?? choice.finish_reason;
  let next: SnapshotChoice | undefined;
  // Provider keys on a choice (Azure's content_filter_results) are kept as they come.
  for (const key in delta) {
    if (key === 'delta' || key === 'index' || key === 'finish_reason' || key === 'logprobs') continue;
    next ??= writable(choice, draft);
    next[key] = delta[key];
  }
  if (next === undefined) {
    if (message === choice.message && logprobs === choice.logprobs && finishReason === choice.finish_reason) {
      return choice;
    }
    next = writable(choice, draft);
  }
  next.message = message;
  next.logprobs = logprobs;
  next.finish_reason = finishReason;
  return next;
}

/** Every delta field this module handles; a field the API's types add fails the check below. */
type HandledDeltaField = 'role' | 'content' | 'refusal' | 'tool_calls' | 'function_call' | 'audio' | 'annotations';
type AssertNothingLeft<Rest extends Record<string, never>> = Rest;
export type UnhandledDeltaFields = AssertNothingLeft<Omit<ChunkDelta, HandledDeltaField>>;

function accumulateMessage(
  message: SnapshotMessage,
  delta: ChunkDelta,
  draft: AccumulatorDraft | undefined,
): SnapshotMessage {
  const content = delta.content;
  const refusal = delta.refusal;
  const toolCalls = delta.tool_calls;
  const functionCall = delta.function_call;
  const annotations = delta.annotations;
  const addsContent = typeof content === 'string' && (content !== '' || message.content === null);
  const addsRefusal = typeof refusal === 'string' && (refusal !== '' || message.refusal === null);
  const addsToolCalls = toolCalls !== undefined && toolCalls.length > 0;
  const addsAnnotations = annotations !== undefined && annotations.length > 0;
  if (!addsContent && !addsRefusal && !addsToolCalls && !functionCall && !delta.audio && !addsAnnotations) {
    return message;
  }
  const next = writable(message, draft);
  if (addsContent) next.content = (message.content ?? '') + content;
  if (addsRefusal) next.refusal = (message.refusal ?? '') + refusal;
  if (addsToolCalls) next.tool_calls = mergeToolCalls(message.tool_calls, toolCalls, draft);
  if (functionCall) {
    next.function_call = {
      name: functionCall.name || message.function_call?.name || '',
      arguments: (message.function_call?.arguments ?? '') + (functionCall.arguments ?? ''),
    };
  }
  if (delta.audio) next.audio = mergeAudio(message.audio, delta.audio);
  if (addsAnnotations)
    next.annotations = message.annotations ? message.annotations.concat(annotations) : annotations.slice();
  return next;
}

function mergeToolCalls(
  previous: SnapshotToolCall[] | undefined,
  deltas: ToolCallDelta[],
  draft: AccumulatorDraft | undefined,
): SnapshotToolCall[] {
  const calls = previous ? writable(previous, draft) : [];
  if (!previous) draft?.owned.add(calls);
  for (const delta of deltas) {
    const position = findToolCall(calls, delta);
    if (position === -1) {
      calls.push(newToolCall(delta, typeof delta.index === 'number' ? delta.index : calls.length));
    } else {
      calls[position] = mergeToolCall(calls[position] as SnapshotToolCall, delta, draft);
    }
  }
  return calls;
}

/**
 * Tool-call fragments are matched by `index`. Azure AI Inference streams them without an index:
 * there a new `id` starts a new call and anything else continues the last one.
 */
function findToolCall(calls: SnapshotToolCall[], delta: ToolCallDelta): number {
  if (typeof delta.index === 'number') {
    for (let position = 0; position < calls.length; position++) {
      if (calls[position]?.index === delta.index) return position;
    }
    return -1;
  }
  const last = calls.length - 1;
  if (last === -1 || (delta.id && delta.id !== calls[last]?.id)) return -1;
  return last;
}

function newToolCall(delta: ToolCallDelta, index: number): SnapshotToolCall {
  if (delta.type === 'custom' || (delta.type === undefined && delta.custom)) {
    return {
      index,
      id: delta.id ?? '',
      type: 'custom',
      custom: { name: delta.custom?.name ?? '', input: delta.custom?.input ?? '' },
    };
  }
  return {
    index,
    id: delta.id ?? '',
    type: 'function',
    function: { name: delta.function?.name ?? '', arguments: delta.function?.arguments ?? '' },
  };
}

function mergeToolCall(
  call: SnapshotToolCall,
  delta: ToolCallDelta,
  draft: AccumulatorDraft | undefined,
): SnapshotToolCall {
  const id = delta.id || call.id;
  if (!(call.type === 'custom' ? delta.custom : delta.function) && id === call.id) return call;
  const next = writable(call, draft);
  next.id = id;
  if (next.type === 'custom') {
    next.custom = mergePiece(next.custom, 'input', delta.custom?.name, delta.custom?.input, draft);
  } else {
    next.function = mergePiece(next.function, 'arguments', delta.function?.name, delta.function?.arguments, draft);
  }
  return next;
}

/** A name set once and a text appended to: a function's arguments and a custom tool's input alike. */
function mergePiece<Piece extends { name: string }>(
  piece: Piece,
  textKey: Exclude<keyof Piece, 'name'>,
  name: string | undefined,
  text: string | undefined,
  draft: AccumulatorDraft | undefined,
): Piece {
  const next = writable(piece, draft);
  if (name) next.name = name;
  if (text) (next as Record<typeof textKey, string>)[textKey] += text;
  return next;
}

function mergeAudio(previous: SnapshotAudio | undefined, delta: SnapshotAudio): SnapshotAudio {
  const audio: SnapshotAudio = { ...previous };
  if (delta.id) audio.id = delta.id;
  if (delta.transcript) audio.transcript = (audio.transcript ?? '') + delta.transcript;
  if (delta.data) audio.data = (audio.data ?? '') + delta.data;
  if (delta.expires_at !== undefined && delta.expires_at !== null) audio.expires_at = delta.expires_at;
  return audio;
}

function appendLogprobs(
  previous: SnapshotLogprobs | null,
  delta: { content?: ChatCompletionTokenLogprob[] | null; refusal?: ChatCompletionTokenLogprob[] | null },
  draft: AccumulatorDraft | undefined,
): SnapshotLogprobs | null {
  if (!delta.content && !delta.refusal) return previous;
  const next = previous ? writable(previous, draft) : owned({ content: null, refusal: null }, draft);
  next.content = appendTokens(next.content, delta.content, draft);
  next.refusal = appendTokens(next.refusal, delta.refusal, draft);
  return next;
}

function owned<T extends object>(value: T, draft: AccumulatorDraft | undefined): T {
  draft?.owned.add(value);
  return value;
}

/** Logprob tokens live in shared append-only views (see shared-list.ts): a read never costs a copy. */
function appendTokens(
  tokens: ChatCompletionTokenLogprob[] | null,
  added: ChatCompletionTokenLogprob[] | null | undefined,
  draft: AccumulatorDraft | undefined,
): ChatCompletionTokenLogprob[] | null {
  if (!added) return tokens;
  return appendShared(tokens, added, draft);
}
