import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { conversationText } from '../../validation/messages.ts';
import { answerShape } from './answer-shape.ts';
import { ConversationValues } from './conversation-values.ts';
import {
  type CodeBlock,
  defaultCorpusFiles,
  findWorkspaceRoot,
  installedCorpusFiles,
  installFolder,
  readCodeBlocks,
  readCorpus,
} from './corpus.ts';
import { type ChoiceEnd, type GeneratedToken, type GenerationOptions, generateTokens } from './generate.ts';
import { type Candidate, Grounding, groundingFor, type Indexes } from './grounding.ts';
import { sentenceLimit } from './instructions.ts';
import { MODEL_FORMAT, type ModelStats, readModelFile, writeModelFile } from './model-file.ts';
import { countsOf, NgramModel } from './ngram-model.ts';
import { ownFirst, PassageIndex, termsOf } from './passages.ts';
import { seededRandom } from './random.ts';
import type { Reply } from './reply.ts';
import { isPlainAnswer, isWrittenAnswer, type RespondContext, respond } from './respond.ts';
import { encode } from './tokenizer.ts';

export const LOCAL_MODEL_ID = 'ck-local-ngram';

export interface LocalModelOptions {
  /** Files to learn from. Default: the repository's Markdown and the documentation of installed packages. */
  corpusFiles?: string[];
  /** Default: 2,000,000 characters. */
  maxCharacters?: number;
}

/** A request to the model: the sampling options of one choice, plus what the whole request adds. */
export interface LocalRequest extends Omit<GenerationOptions, 'random' | 'prompt'> {
  /** The text the prompt part of the model leans towards: the conversation's words. */
  promptText: string;
  n: number;
  /** Same request and seed, same output: the seed and the request's content seed the generator. */
  seedMaterial: string | null;
}

export interface LocalModel {
  id: string;
  /** Paragraphs and tokens it learned from, and how long training took. */
  stats: { paragraphs: number; tokens: number; vocabulary: number; trainingMs: number };
  /** One reply per choice. */
  complete(request: LocalRequest, context: Omit<RespondContext, 'values'>): Reply[];
  /**
   * The same answer, with a plain written answer's choices as lazy token generators (made as they
   * are read); any other form whole, as `complete` gives it.
   */
  begin(request: LocalRequest, context: Omit<RespondContext, 'values'>): BegunAnswer;
  /** Builds what the first answer would otherwise wait for (the passages' index). */
  warm(): void;
}

export type BegunAnswer =
  | { lazy: false; replies: Reply[] }
  | { lazy: true; choices: Generator<GeneratedToken, ChoiceEnd>[] };

const trained = new Map<string, LocalModel>();

/**
 * The built-in n-gram model: the tables shipped in the built package, or (in a checkout, or with
 * `corpusFiles`) trained on text found at run time, once per corpus, and cached.
 */
export function trainLocalModel(options: LocalModelOptions = {}): LocalModel {
  const key = JSON.stringify(options);
  const cached = trained.get(key);
  if (cached) return cached;
  const model = train(options);
  trained.set(key, model);
  return model;
}

/** The model shipped in the built package, made at build time from the workspace's corpus. */
const SHIPPED = fileURLToPath(new URL('./model.bin', import.meta.url));

function train(options: LocalModelOptions): LocalModel {
  const started = performance.now();
  const { model, stats, ...texts } = (!options.corpusFiles && loadFile(SHIPPED)) || trainOrCached(options);
  return serve(model, texts, { ...stats, trainingMs: Math.round(performance.now() - started) });
}

interface Loaded extends Texts {
  model: NgramModel;
  stats: ModelStats;
}

/** What answers are grounded in: the corpus' paragraphs (which are own documents') and its short code examples. */
interface Texts {
  passages: string[];
  own: number[];
  code: CodeBlock[];
}

function loadFile(file: string): Loaded | null {
  const loaded = readModelFile(file);
  return loaded && { ...loaded, model: new NgramModel(loaded.tables) };
}

/**
 * Trains on the corpus found at run time, once per corpus: in a checkout the tables are kept in
 * node_modules/.cache, keyed by the corpus files' names, sizes and times, so later starts load them.
 */
function trainOrCached(options: LocalModelOptions): Loaded {
  const root = findWorkspaceRoot(process.cwd()) ?? findWorkspaceRoot(import.meta.dirname);
  const installed = [process.cwd(), installFolder(import.meta.dirname) ?? process.cwd()];
  const files = options.corpusFiles ?? (root ? defaultCorpusFiles(root) : installedCorpusFiles(installed));
  const cache = root && !options.corpusFiles ? cacheFile(root, files, options.maxCharacters) : null;
  const cached = cache && loadFile(cache);
  if (cached) return cached;
  const started = performance.now();
  const own: number[] = [];
  const paragraphs = readCorpus(files, options.maxCharacters, own);
  const code = readCodeBlocks(files);
  const tokenized = paragraphs.map((paragraph) => encode(paragraph));
  const model = NgramModel.train(tokenized);
  const stats = {
    paragraphs: paragraphs.length,
    tokens: tokenized.reduce((sum, tokens) => sum + tokens.length, 0),
    vocabulary: model.vocabularySize,
    trainingMs: Math.round(performance.now() - started),
  };
  try {
    if (cache) writeModelFile(cache, { tables: model.tables, passages: paragraphs, own, code, stats });
  } catch {
    // A read-only checkout trains at every start, as before.
  }
  return { model, passages: paragraphs, own, code, stats };
}

function cacheFile(root: string, files: string[], maxCharacters: number | undefined): string {
  const hash = createHash('sha256').update(`${MODEL_FORMAT}\n${maxCharacters ?? ''}\n`);
  for (const file of files) {
    try {
      const { size, mtimeMs } = statSync(file);
      hash.update(`${file}\t${size}\t${mtimeMs}\n`);
    } catch {
      hash.update(`${file}\tmissing\n`);
    }
  }
  return path.join(root, 'node_modules', '.cache', 'completions-kit', `model-${hash.digest('hex').slice(0, 16)}.bin`);
}

/** Builds the model file shipped in the package (run at build time, from the workspace). */
export function buildModelFile(file = SHIPPED): ModelStats {
  const { model, stats, ...texts } = trainOrCached({});
  writeModelFile(file, { tables: model.tables, ...texts, stats });
  return stats;
}

function serve(model: NgramModel, texts: Texts, stats: ModelStats): LocalModel {
  let indexes: Indexes | null = null;
  const passageIndex = () => {
    indexes ??= {
      passages: new PassageIndex(texts.passages, undefined, ownFirst(texts.own)),
      code: new PassageIndex(
        texts.code.map((block) => `${block.context}\n${block.code}`),
        () => true,
        ownFirst(texts.code.flatMap((block, index) => (block.own ? [index] : []))),
      ),
      blocks: texts.code,
    };
    return indexes;
  };
  const optionsOf = (
    request: LocalRequest,
    index: number,
    prompt: GenerationOptions['prompt'],
    context: Omit<RespondContext, 'values'>,
    candidates: Candidate[] | null,
  ): GenerationOptions => ({
    ...request,
    prompt,
    random: seededRandom(request.seedMaterial === null ? null : `${request.seedMaterial}#${index}`),
    maxSentences: sentenceLimit(context.create.messages),
    grounding: candidates && new Grounding(candidates),
  });
  // Only a plain answer (written or spoken) copies sentences; tool calls, JSON and search are as before.
  const candidatesFor = (context: RespondContext) =>
    isWrittenAnswer(context)
      ? groundingFor(passageIndex(), questionOf(context), assistantText(context.create.messages))
      : null;
  const complete: LocalModel['complete'] = (request, context) => {
    const prompt = countsOf(encode(request.promptText).slice(-512));
    const whole = { ...context, values: new ConversationValues(context.lastUser) };
    const candidates = candidatesFor(whole);
    return Array.from({ length: request.n }, (_, index) =>
      respond(model, optionsOf(request, index, prompt, context, candidates), {
        ...context,
        values: new ConversationValues(context.lastUser),
      }),
    );
  };
  return {
    id: LOCAL_MODEL_ID,
    stats,
    complete,
    begin(request, context) {
      const whole = { ...context, values: new ConversationValues(context.lastUser) };
      // A prediction is scored against the whole text: such answers are made whole.
      if (context.create.prediction !== null || !isPlainAnswer(whole))
        return { lazy: false, replies: complete(request, context) };
      const prompt = countsOf(encode(request.promptText).slice(-512));
      const shape = answerShape(context.lastUser);
      const candidates = candidatesFor(whole);
      return {
        lazy: true,
        choices: Array.from({ length: request.n }, (_, index) =>
          generateTokens(model, optionsOf(request, index, prompt, context, candidates), shape),
        ),
      };
    },
    warm: passageIndex,
  };
}

/**
 * What the answer should be about: the last user message, or, when it names almost nothing ("Tell
 * me more", "Give an example"), the conversation's user messages with it.
 */
function questionOf(context: RespondContext): string {
  if (termsOf(context.lastUser.slice(0, 4_000), true).length >= 2) return context.lastUser;
  const asked = context.create.messages.filter((message) => message.role === 'user');
  return conversationText(asked.slice(-3));
}

/** What the assistant already said: an answer does not repeat a sentence of it. */
function assistantText(messages: RespondContext['create']['messages']): string {
  return conversationText(messages.filter((message) => message.role === 'assistant'));
}
