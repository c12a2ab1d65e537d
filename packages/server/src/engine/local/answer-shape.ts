/**
 * The shape of a plain answer, read from the question: how many paragraphs, and whether a list
 * or a code block belongs in it. A short question gets a paragraph; one that asks to explain or
 * describe gets several; one that asks for steps or options gets a list; one that asks for code
 * or an example gets a fenced block.
 */
export interface AnswerPart {
  kind: 'paragraph' | 'item' | 'code';
  /** Written before the part, as forced tokens. */
  opening: string;
  /** The model may not end the part before this many tokens. */
  minTokens: number;
  /** Past this many tokens the part ends at the next chance (an item, a code block). */
  maxTokens: number;
}

const LONG =
  /\b(detail|detailed|everything|explain|describe|essay|depth|thorough|long|elaborate|overview|guide|tutorial|why)\b/;
const LIST = /\b(list|steps|bullets?|ways|options|tips|compare|pros|cons|checklist)\b/;
/** Asked for outright: naming a language ("why use TypeScript generics?") is not asking for code. */
const CODE = /\b(code|example|snippet|implement|implementation)\b/;

export function answerShape(question: string): AnswerPart[] {
  const text = question.slice(0, 2_000).toLowerCase();
  const words = text.split(/\s+/).filter(Boolean).length;
  const long = LONG.test(text);
  const paragraphs = long ? 5 : words <= 5 ? 1 : 3;
  const paragraph = (first: boolean): AnswerPart => ({
    kind: 'paragraph',
    opening: first ? '' : '\n\n',
    minTokens: 24,
    maxTokens: Number.POSITIVE_INFINITY,
  });
  const parts: AnswerPart[] = [paragraph(true)];
  if (LIST.test(text))
    for (let item = 0; item < 4; item++)
      parts.push({ kind: 'item', opening: item === 0 ? '\n\n-' : '\n-', minTokens: 4, maxTokens: 32 });
  if (CODE.test(text)) parts.push({ kind: 'code', opening: '\n\n```ts\n', minTokens: 12, maxTokens: 120 });
  for (let index = 1; index < paragraphs; index++) parts.push(paragraph(false));
  return parts;
}
