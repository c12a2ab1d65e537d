/**
 * The local model's "web": a few short pages the server serves itself at /search/<slug>, so web
 * search answers cite real URLs offline. Some carry emoji and CJK text on purpose: url_citation
 * offsets count characters, and text like this is where counting UTF-16 units goes wrong.
 */
export interface SearchDocument {
  slug: string;
  title: string;
  sentences: string[];
}

export const searchDocuments: SearchDocument[] = [
  {
    slug: 'streaming-basics',
    title: 'Streaming chat completions 🚀',
    sentences: [
      'A streamed completion arrives as server-sent events, one JSON chunk per event, ending with a [DONE] line.',
      'Each chunk carries a delta: the role first, then pieces of content, then a finish reason.',
      'Clients fold the deltas into a snapshot, so the reader sees the answer grow while it streams ⚡.',
      'A stream that breaks off keeps what arrived, and the client can say how far it got.',
    ],
  },
  {
    slug: 'token-logprobs',
    title: 'Token log probabilities 📊',
    sentences: [
      'With logprobs the model reports, for every token it chose, the natural logarithm of its probability.',
      'top_logprobs adds up to twenty alternatives per token, ranked from the likeliest.',
      'A token can hold part of a character: the bytes field lets a reader join the pieces of an emoji like 🧩.',
      'Perplexity, the exponential of the negative mean logprob, summarizes how sure the model was.',
    ],
  },
  {
    slug: 'tea-in-kyoto',
    title: '京都のお茶 — tea in Kyoto 🍵',
    sentences: [
      '京都の宇治は抹茶で知られています — Uji, south of Kyoto, is known for matcha.',
      'Tea houses in Kyoto serve matcha with a small sweet called wagashi 🍡.',
      'The tea ceremony, 茶道 (sadō), values calm, respect and attention to small details.',
      'Spring is the season of the first harvest, 新茶 (shincha), the freshest green tea of the year.',
    ],
  },
  {
    slug: 'weather-paris',
    title: 'Weather in Paris ☀️🌧️',
    sentences: [
      'Paris has a mild oceanic climate, with cool winters and warm summers around 25 °C.',
      'Rain falls in every season in Paris, most often as light showers ☔ rather than storms.',
      'The sunniest months in Paris are June, July and August, with long evenings.',
    ],
  },
  {
    slug: 'accessible-chat',
    title: 'Accessible chat interfaces ♿',
    sentences: [
      'A chat log should be a live region, so screen readers announce new messages without stealing focus.',
      'Every control needs a visible label or an accessible name, and the whole flow must work by keyboard ⌨️.',
      'Streaming text should not be announced token by token; announce the finished message instead.',
    ],
  },
  {
    slug: 'structured-outputs',
    title: 'Structured outputs and JSON Schema 🧱',
    sentences: [
      'With a json_schema response format, the model writes JSON that matches the schema you gave.',
      'Strict schemas must close every object with additionalProperties false and list every key as required.',
      'If the model refuses, the refusal field holds its words and the content stays null 🙅.',
    ],
  },
];

/** The documents that share the most words with the question, best first; at least one. */
export function searchFor(question: string, count = 2): SearchDocument[] {
  const words = new Set(
    question
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length >= 3),
  );
  const scored = searchDocuments.map((document, index) => {
    const text = `${document.title} ${document.title} ${document.sentences.join(' ')}`.toLowerCase();
    let score = 0;
    for (const word of words) if (text.includes(word)) score += word.length;
    // CJK has no spaces: a shared character counts a little.
    for (const char of question)
      if (/\p{Script=Han}|\p{Script=Hiragana}/u.test(char) && text.includes(char)) score += 1;
    return { document, score, index };
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  const found = scored.filter((item) => item.score > 0).slice(0, count);
  return (found.length > 0 ? found : scored.slice(0, 1)).map((item) => item.document);
}

/** The sentence of a document closest to the question. */
export function bestSentence(document: SearchDocument, question: string): string {
  const words = question
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 3);
  let best = document.sentences[0] as string;
  let bestScore = -1;
  for (const sentence of document.sentences) {
    const lower = sentence.toLowerCase();
    const score = words.reduce((sum, word) => sum + (lower.includes(word) ? word.length : 0), 0);
    if (score > bestScore) [best, bestScore] = [sentence, score];
  }
  return best;
}
