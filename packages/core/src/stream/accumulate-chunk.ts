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

type ToolCallDelta = ChatCompletionChunk.Choice.Delta.ToolCall;

/**
 * Folds one chunk into the snapshot: `accumulateChunk(snapshot, chunk) -> snapshot`.
 *
 * Only the changed path gets new objects (snapshot -> choices -> choice -> message -> field), so a
 * choice that a chunk does not touch keeps its identity and memoized views skip it. Strings are
 * concatenated; logprob arrays only grow and are shared between snapshots, appended in place, so a
 * token costs O(1) amortized instead of a copy of everything so far (the `logprobs` object itself is
 * new whenever it grows, which is what selectors should watch).
 *
 * @example
 * let snapshot: ChatCompletionSnapshot | undefined;
 * for (const chunk of chunks) snapshot = accumulateChunk(snapshot, chunk);
 */
export function accumulateChunk(
  snapshot: ChatCompletionSnapshot | undefined,
  chunk: WireChunk | ChatCompletionChunk,
): ChatCompletionSnapshot {
  const wire = chunk as WireChunk;
  let next: ChatCompletionSnapshot;
  if (snapshot === undefined) {
    next = { id: wire.id, object: 'chat.completion', created: wire.created, model: wire.model, choices: [] };
  } else {
    next = { ...snapshot };
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
  if (choices !== undefined && choices.length > 0) next.choices = accumulateChoices(next.choices, choices);
  return next;
}


function accumulateChoices(previous: SnapshotChoice[], deltas: WireChunkChoice[]): SnapshotChoice[] {
  const choices = previous.slice();
  for (const delta of deltas) {
    const index = typeof delta.index === 'number' ? delta.index : 0;
    let position = choices[index]?.index === index ? index : choices.findIndex((choice) => choice.index === index);
    if (position === -1) {
      // n > 1 streams interleave choices: keep them ordered by index whatever order they start in.
      position = choices.findIndex((choice) => choice.index > index);
      if (position === -1) position = choices.length;
      choices.splice(position, 0, emptyChoice(index));
    }
    choices[position] = accumulateChoice(choices[position] as SnapshotChoice, delta);
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

function accumulateChoice(choice: SnapshotChoice, delta: WireChunkChoice): SnapshotChoice {
  const message = delta.delta ? accumulateMessage(choice.message, delta.delta) : choice.message;
  const logprobs = delta.logprobs ? appendLogprobs(choice.logprobs, delta.logprobs) : choice.logprobs;
  const finishReason = delta.finish_reason ?? choice.finish_reason;
  let next: SnapshotChoice | undefined;
  // Provider keys on a choice (Azure's content_filter_results) are kept as they come.
  for (const key in delta) {
    if (key === 'delta' || key === 'index' || key === 'finish_reason' || key === 'logprobs') continue;
    next ??= { ...choice };
    next[key] = delta[key];
  }
  if (next === undefined) {
    if (message === choice.message && logprobs === choice.logprobs && finishReason === choice.finish_reason) {
      return choice;
    }
    next = { ...choice };
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

function accumulateMessage(message: SnapshotMessage, delta: ChunkDelta): SnapshotMessage {
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
  const next = { ...message };
  if (addsContent) next.content = (message.content ?? '') + content;
  if (addsRefusal) next.refusal = (message.refusal ?? '') + refusal;
  if (addsToolCalls) next.tool_calls = mergeToolCalls(message.tool_calls, toolCalls);
  if (functionCall) {
    next.function_call = {
      name: functionCall.name || message.function_call?.name || '',
      arguments: (message.function_call?.arguments ?? '') + (functionCall.arguments ?? ''),
    };
  }
  if (delta.audio) next.audio = mergeAudio(message.audio, delta.audio);
  if (addsAnnotations) next.annotations = message.annotations ? message.annotations.concat(annotations) : annotations.slice();
  return next;
}

function mergeToolCalls(previous: SnapshotToolCall[] = [], deltas: ToolCallDelta[]): SnapshotToolCall[] {
  const calls = previous.slice();
  for (const delta of deltas) {
    const position = findToolCall(calls, delta);
    if (position === -1) {
      calls.push(newToolCall(delta, typeof delta.index === 'number' ? delta.index : calls.length));
    } else {
      calls[position] = mergeToolCall(calls[position] as SnapshotToolCall, delta);
    }
  }
  return calls;
}

/**
 * Tool-call fragments are matched by `index`. Azure AI Inference streams them without an index:
 * there a new `id` starts a new call and anything else continues the last one.
 */
function findToolCall(calls: SnapshotToolCall[], delta: ToolCallDelta): number {
  if (typeof delta.index === 'number') return calls.findIndex((call) => call.index === delta.index);
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

function mergeToolCall(call: SnapshotToolCall, delta: ToolCallDelta): SnapshotToolCall {
  const id = delta.id || call.id;
  if (call.type === 'custom') {
    const custom = delta.custom;
    if (!custom && id === call.id) return call;
    return {
      ...call,
      id,
      custom: { name: custom?.name || call.custom.name, input: call.custom.input + (custom?.input ?? '') },
    };
  }
  const fn = delta.function;
  if (!fn && id === call.id) return call;
  return {
    ...call,
    id,
    function: { name: fn?.name || call.function.name, arguments: call.function.arguments + (fn?.arguments ?? '') },
  };
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
): SnapshotLogprobs | null {
  if (!delta.content && !delta.refusal) return previous;
  return {
    content: appendTokens(previous?.content ?? null, delta.content),
    refusal: appendTokens(previous?.refusal ?? null, delta.refusal),
  };
}

function appendTokens(
  tokens: ChatCompletionTokenLogprob[] | null,
  added: ChatCompletionTokenLogprob[] | null | undefined,
): ChatCompletionTokenLogprob[] | null {
  if (!added) return tokens;
  // The first array is copied so the kit owns it (never the chunk's); later ones append in place.
  if (tokens === null) return added.slice();
  for (const token of added) tokens.push(token);
  return tokens;
}
