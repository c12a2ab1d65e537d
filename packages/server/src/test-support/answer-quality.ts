import { defaultCorpusFiles, findWorkspaceRoot, readCodeBlocks, readCorpus } from '../engine/local/corpus.ts';
import { TEMPLATES } from '../engine/local/grounding.ts';
import { ownFirst, PassageIndex, sentencesOf } from '../engine/local/passages.ts';

/**
 * Thirty questions on the corpus' topics (this kit, streams, React, the tools around it, Node and
 * the web platform), as a new user would ask them. None asks for code: a code block is the n-gram
 * model's own and is not held to the corpus.
 */
export const QUALITY_QUESTIONS = [
  'How does a stream of chunks become a message?',
  'What does the local server store for a completion?',
  'How do I keep my provider key off the browser?',
  'What happens when the reader presses Stop?',
  'How are url citations shown?',
  'What are token logprobs?',
  'How does the playground compare two prompts?',
  'What is PGlite?',
  'How do I update the metadata of a stored completion?',
  'Why is the thread virtualized?',
  'What does the built-in model learn from?',
  'How is a tool call shown?',
  'What is a readable stream?',
  'How do I cancel a fetch request?',
  'When should I use a worker thread?',
  'How do I read a file in Node?',
  'What does the Buffer class hold?',
  'How does a TLS server check certificates?',
  'What does an AbortController do?',
  'How does IndexedDB store records?',
  'What is a React hook?',
  'How does React Query cache a query?',
  'What does a zustand store hold?',
  'How does Vite serve modules during development?',
  'What is a Storybook story?',
  'Why would I use TypeScript generics?',
  'How are server-sent events sent?',
  'What is the accessibility tree?',
  'How does a media query change a page?',
  'How do I measure the time a task takes?',
];

/** The corpus as the server reads it, its index, every sentence it holds and its code examples. */
export function readCorpusSentences(): {
  index: PassageIndex;
  sentences: Set<string>;
  passageOf: Map<string, number[]>;
  code: Set<string>;
} {
  const root = findWorkspaceRoot(import.meta.dirname) as string;
  const files = defaultCorpusFiles(root);
  const own: number[] = [];
  const index = new PassageIndex(readCorpus(files, undefined, own), undefined, ownFirst(own));
  const code = new Set(readCodeBlocks(files).map((block) => block.code));
  const sentences = new Set<string>(Object.values(TEMPLATES));
  const passageOf = new Map<string, number[]>();
  for (const [passage, text] of index.passages.entries()) {
    for (const sentence of sentencesOf(text)) {
      sentences.add(sentence);
      passageOf.set(sentence, [...(passageOf.get(sentence) ?? []), passage]);
    }
  }
  return { index, sentences, passageOf, code };
}

export interface AnswerFigures {
  /** The answer's sentences, as a reader splits them (paragraphs, list items, then full stops). */
  sentences: string[];
  /** Sentences that are not a whole sentence of the corpus or of the model's templates. */
  foreign: string[];
  /** Whether one of its sentences comes from one of the five passages most relevant to the question. */
  sharesTopFive: boolean;
  /** Its fenced code blocks' contents. */
  code: string[];
  /** Code blocks that are not a whole example of the corpus. */
  foreignCode: string[];
}

export function answerFigures(
  answer: string,
  question: string,
  corpus: ReturnType<typeof readCorpusSentences>,
): AnswerFigures {
  const code = [...answer.matchAll(/^```\w*\n([\s\S]*?)\n```$/gm)].map((match) => match[1] as string);
  const sentences = answer
    .replace(/^```\w*\n[\s\S]*?\n```$/gm, '')
    .split(/\n+/)
    .map((line) => line.replace(/^\s*-\s*/, '').trim())
    .filter(Boolean)
    .flatMap((line) => sentencesOf(line));
  const topFive = new Set(corpus.index.search(question, 5));
  return {
    sentences,
    foreign: sentences.filter((sentence) => !corpus.sentences.has(sentence)),
    sharesTopFive: sentences.some((sentence) =>
      corpus.passageOf.get(sentence)?.some((passage) => topFive.has(passage)),
    ),
    code,
    foreignCode: code.filter((block) => !corpus.code.has(block)),
  };
}
