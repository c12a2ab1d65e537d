import { answerShape } from './answer-shape.ts';
import { ConversationValues } from './conversation-values.ts';
import { defaultCorpusFiles, findWorkspaceRoot, installedCorpusFiles, installFolder, readCorpus } from './corpus.ts';
import { type ChoiceEnd, type GeneratedToken, type GenerationOptions, generateTokens } from './generate.ts';
import { countsOf, NgramModel } from './ngram-model.ts';
import { seededRandom } from './random.ts';
import type { Reply } from './reply.ts';
import { isPlainAnswer, type RespondContext, respond } from './respond.ts';
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
}

export type BegunAnswer =
  | { lazy: false; replies: Reply[] }
  | { lazy: true; choices: Generator<GeneratedToken, ChoiceEnd>[] };

const trained = new Map<string, LocalModel>();

/** Trains the built-in n-gram model on text found at run time (about a second), once per process and corpus. */
export function trainLocalModel(options: LocalModelOptions = {}): LocalModel {
  const key = JSON.stringify(options);
  const cached = trained.get(key);
  if (cached) return cached;
  const model = train(options);
  trained.set(key, model);
  return model;
}

function train(options: LocalModelOptions): LocalModel {
  const started = performance.now();
  const root = findWorkspaceRoot(process.cwd()) ?? findWorkspaceRoot(import.meta.dirname);
  const installed = [process.cwd(), installFolder(import.meta.dirname) ?? process.cwd()];
  const files = options.corpusFiles ?? (root ? defaultCorpusFiles(root) : installedCorpusFiles(installed));
  const paragraphs = readCorpus(files, options.maxCharacters);
  const tokenized = paragraphs.map((paragraph) => encode(paragraph));
  const model = NgramModel.train(tokenized);
  const stats = {
    paragraphs: paragraphs.length,
    tokens: tokenized.reduce((sum, tokens) => sum + tokens.length, 0),
    vocabulary: model.vocabularySize,
    trainingMs: Math.round(performance.now() - started),
  };
  const optionsOf = (request: LocalRequest, index: number, prompt: GenerationOptions['prompt']) => ({
    ...request,
    prompt,
    random: seededRandom(request.seedMaterial === null ? null : `${request.seedMaterial}#${index}`),
  });
  const complete: LocalModel['complete'] = (request, context) => {
    const prompt = countsOf(encode(request.promptText).slice(-512));
    return Array.from({ length: request.n }, (_, index) =>
      respond(model, optionsOf(request, index, prompt), {
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
      return {
        lazy: true,
        choices: Array.from({ length: request.n }, (_, index) =>
          generateTokens(model, optionsOf(request, index, prompt), shape),
        ),
      };
    },
  };
}
