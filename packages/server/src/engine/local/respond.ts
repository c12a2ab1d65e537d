import type { CreateRequest } from '../../validation/create-params.ts';
import type { Tool } from '../../validation/tools.ts';
import { answerShape } from './answer-shape.ts';
import { encodeAudio } from './audio-encode.ts';
import { Composer, inlineToken, OutOfTokens } from './composer.ts';
import type { ConversationValues } from './conversation-values.ts';
import { type GenerationOptions, generate } from './generate.ts';
import { JsonWriter } from './json-writer.ts';
import type { NgramModel } from './ngram-model.ts';
import { randomId } from './random-id.ts';
import { emptyReply, type Reply, textOf } from './reply.ts';
import { bestSentence, searchFor } from './search-documents.ts';
import { synthesize } from './speech.ts';
import { tokenText } from './tokenizer.ts';
import { toolCall, toolResultsSummary, toolsToCall, writeToolCall } from './tool-calls.ts';

/** The documented trigger for a refusal: a user message containing this marker. */
export const REFUSAL_TRIGGER = '#refuse';
const REFUSAL = "I'm sorry, but I can't help with that request.";
/** Audio ids stay referable for an hour, as on the API. */
const AUDIO_LIFETIME_SECONDS = 3600;

export interface RespondContext {
  create: CreateRequest;
  values: ConversationValues;
  lastUser: string;
  /** Where the server serves its search documents, e.g. `http://127.0.0.1:8787/search/`. */
  searchBase: string;
  now: number;
}

/**
 * Whether the request gets a plain written answer (no refusal, tool call, JSON, search, tool
 * summary or audio): the one form that can grow long, so the one generated lazily.
 */
export function isPlainAnswer(context: RespondContext): boolean {
  return isWrittenAnswer(context) && !context.create.audio;
}

/** A plain answer, written or spoken: the forms whose text copies the corpus' sentences. */
export function isWrittenAnswer(context: RespondContext): boolean {
  const { create, lastUser } = context;
  if (lastUser.toLowerCase().includes(REFUSAL_TRIGGER)) return false;
  if (create.tools && toolsToCall(create.tools, create.messages, lastUser).length > 0) return false;
  if (create.responseFormat.type !== 'text' || create.webSearch) return false;
  return toolResultsSummary(create.messages) === null;
}

/** One choice: what the request asks for decides the form, the model writes every token of it. */
export function respond(model: NgramModel, options: GenerationOptions, context: RespondContext): Reply {
  const { create, lastUser } = context;
  const composer = new Composer(model, options);
  const reply = emptyReply();
  let pending: Tool | null = null;
  try {
    if (lastUser.toLowerCase().includes(REFUSAL_TRIGGER)) {
      // Under a json_schema format the refusal has its own field; otherwise it is the content, as on the API.
      if (create.responseFormat.type === 'json_schema') reply.kind = 'refusal';
      composer.force(REFUSAL);
    } else {
      const calls = create.tools ? toolsToCall(create.tools, create.messages, lastUser) : [];
      if (calls.length > 0 && create.tools) {
        reply.kind = create.tools.legacy ? 'function_call' : 'tool_calls';
        // Only the model's own choice (auto, required) ends with tool_calls; a named tool ends with stop, as on the API.
        reply.finishReason = create.tools.named ? 'stop' : reply.kind;
        for (const tool of calls) {
          pending = tool;
          reply.toolCalls.push(writeToolCall(composer, tool, context.values));
          pending = null;
        }
      } else if (create.responseFormat.type === 'json_schema') {
        const { schema, strict } = create.responseFormat;
        new JsonWriter(composer, schema, context.values, strict).value();
      } else if (create.responseFormat.type === 'json_object') {
        new JsonWriter(composer, {}, context.values, false).freeObject();
      } else if (create.webSearch) {
        searchAnswer(composer, reply, context);
      } else {
        const summary = toolResultsSummary(create.messages);
        if (summary !== null) {
          composer.force(`${summary} `);
          composer.free({ allow: inlineToken, maxTokens: 40 });
        } else if (create.audio && options.grounding) {
          // One paragraph of the corpus' prose sentences: no list or code for a voice to read out.
          const spoken = plain(model, options, reply, null);
          // A spoken answer's stream carries no finish_reason, as the API's does: whole, it says stop, as before.
          spoken.finishReason = 'stop';
          return finish(spoken, context);
        } else if (create.audio) {
          // Spoken text has no markdown: the transcript is what the voice says.
          composer.free({
            allow: inlineToken,
            allowFirst: (id) => inlineToken(id) && !/^\s/.test(tokenText(id)),
            minTokens: Math.min(8, options.maxTokens),
            maxTokens: options.maxTokens,
          });
        } else return finish(plain(model, options, reply, context.lastUser), context);
      }
    }
  } catch (error) {
    if (!(error instanceof OutOfTokens)) throw error;
    reply.finishReason = 'length';
    // A call cut short by the token limit is still sent, unfinished, as on the API.
    if (pending) reply.toolCalls.push(toolCall(pending, composer.take()));
  }
  reply.textTokens = composer.used;
  if (reply.kind === 'content' || reply.kind === 'refusal') reply.tokens = composer.take();
  reply.text = textOf(reply.tokens);
  return finish(reply, context);
}

/** A plain answer, shaped by the question (`null`: one paragraph). */
function plain(model: NgramModel, options: GenerationOptions, reply: Reply, question: string | null): Reply {
  const generated = generate(model, options, question === null ? undefined : answerShape(question));
  reply.tokens = generated.tokens;
  reply.text = generated.content;
  reply.finishReason = generated.finishReason;
  reply.textTokens = generated.completionTokens;
  return reply;
}

/** Audio turns the written text into speech: the transcript is exactly the text, and content is null. */
function finish(reply: Reply, context: RespondContext): Reply {
  const audio = context.create.audio;
  if (!audio || reply.kind !== 'content') return reply;
  const samples = synthesize(reply.text, seededFromText(reply.text));
  const seconds = samples.length / 24_000;
  reply.kind = 'audio';
  reply.audio = {
    id: randomId('audio_', 32),
    transcript: reply.text,
    data: Buffer.from(encodeAudio(samples, audio.format)).toString('base64'),
    expiresAt: context.now + AUDIO_LIFETIME_SECONDS,
    seconds,
  };
  // About 20 audio tokens a second, the rate the API's usage reports for its voices.
  reply.audioTokens = Math.ceil(seconds * 20);
  return reply;
}

function seededFromText(text: string): () => number {
  let state = 2166136261;
  for (let index = 0; index < text.length; index++) state = Math.imul(state ^ text.charCodeAt(index), 16777619);
  return () => {
    state = Math.imul(state ^ (state >>> 15), 2246822507) + 0x6d2b79f5;
    return ((state >>> 0) % 1_000_000) / 1_000_000;
  };
}

/**
 * Answers from the local documents: for each source, a lead in the model's words, the source's
 * sentence, and an inline link `([title](url))` that a url_citation spans exactly.
 */
function searchAnswer(composer: Composer, reply: Reply, context: RespondContext): void {
  const documents = searchFor(context.lastUser);
  for (const [index, document] of documents.entries()) {
    if (index > 0) composer.force('\n\n');
    composer.free({
      allow: inlineToken,
      allowFirst: (id) => inlineToken(id) && !/^\s/.test(tokenText(id)),
      minTokens: 2,
      maxTokens: 10,
    });
    composer.force(` — **${document.title}**: ${bestSentence(document, context.lastUser)} `);
    const url = `${context.searchBase}${document.slug}`;
    const start = [...composer.text].length;
    const title = document.title.replace(/[[\]]/g, '');
    composer.force(`([${title}](${url}))`);
    const text = composer.text;
    reply.citations.push({
      start,
      end: [...text].length,
      url,
      title: document.title,
    });
  }
}
