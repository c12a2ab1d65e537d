// A very small model that lives in the page, for the live demos: it picks a canned answer by what
// the last user message is about, and a different one each time the same question is asked again
// (so Regenerate shows a new branch). It answers the Chat Completions create endpoint in the API's
// own shapes (a chunk stream, or a completion), so the kit's real client, store and hooks run over it.
// Named for what it is: a stand-in where no server can exist; it knows nothing beyond these lines.

const topics: { about: RegExp; answers: string[] }[] = [
  // First match wins: what is asked for (a haiku) before what it is about (streaming, the weather).
  {
    about: /haiku|poem/i,
    answers: [
      'Tokens drift like snow  \neach one a small certainty  \nthe answer settles',
      'A cursor blinking  \nwords arrive before the thought  \nStop keeps what was said',
    ],
  },
  {
    about: /weather|forecast|rain|sunny|temperature|\bsf\b|san francisco/i,
    answers: [
      "I can't see today's weather from inside this page, but San Francisco is usually mild: 14 to 20 °C, with fog in the morning.",
      'No live weather here, sorry. A weather API called as a tool would answer that: see the ToolApproval page for how a call is approved.',
      'I have no forecast to give, but the weather in SF is famous for its summer fog (locals call it Karl).',
    ],
  },
  {
    about: /^\s*(hello|hi|hey|good (morning|afternoon|evening))\b/i,
    answers: [
      'Hello! I am the little model inside this page. Ask me about streaming, the weather, Paris, or for a haiku.',
      'Hi there. Type a question and press Send; Regenerate asks me again and keeps both answers.',
      'Hey! Everything here runs in your browser: the kit’s client, its conversation store and its components.',
    ],
  },
  {
    about: /stream/i,
    answers: [
      'Streaming sends the answer in pieces, so you can start reading before the end arrives. The kit folds each piece into the message shown so far.',
      'With stream: true the API answers with server-sent events, one small delta each. Stop keeps what already arrived.',
    ],
  },
  {
    about: /paris|france|capital/i,
    answers: [
      'Paris is the capital of France; about 2.1 million people live in the city itself.',
      'The capital of France is Paris, on the Seine. Greater Paris holds over 12 million people.',
    ],
  },
];

const fallback = [
  'I only know a few things (streaming, the weather, Paris, haiku), but I read what you typed: "{question}".',
  'That is beyond this tiny in-page model. Connect the kit to a real server to get a real answer to "{question}".',
];

const asked = new Map<string, number>();

/** The answer to `question`: by topic, and a different one each time the same question comes again. */
export function answerTo(question: string): string {
  const key = question.trim().toLowerCase();
  const times = asked.get(key) ?? 0;
  asked.set(key, times + 1);
  const answers = topics.find((topic) => topic.about.test(question))?.answers ?? fallback;
  return (answers[times % answers.length] as string).replace('{question}', question.trim().slice(0, 80));
}

interface CreateBody {
  model?: string;
  stream?: boolean;
  messages?: { role: string; content: unknown }[];
}

const textOf = (content: unknown): string =>
  typeof content === 'string'
    ? content
    : Array.isArray(content)
      ? content
          .map((part: { type?: string; text?: string }) => (part.type === 'text' ? (part.text ?? '') : ''))
          .join(' ')
      : '';

let serial = 0;

/** The create endpoint's answer to `body`: a chunk stream (one word per event) or a completion. */
export function inPageCompletion(body: CreateBody, signal: AbortSignal | null | undefined, spacingMs: number) {
  const question = textOf(body.messages?.filter((message) => message.role === 'user').at(-1)?.content);
  const answer = answerTo(question);
  const base = { id: `chatcmpl-inpage-${++serial}`, created: Math.floor(Date.now() / 1000), model: 'in-page-model' };
  if (!body.stream) {
    const message = { role: 'assistant', content: answer, refusal: null };
    const completion = { ...base, object: 'chat.completion', choices: [{ index: 0, message, finish_reason: 'stop' }] };
    return new Response(JSON.stringify(completion), { headers: { 'content-type': 'application/json' } });
  }
  const chunk = (delta: object, finish: string | null) =>
    `data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  const events = [
    chunk({ role: 'assistant', content: '' }, null),
    ...answer.split(/(?<=\s)/).map((word) => chunk({ content: word }, null)),
    chunk({}, 'stop'),
    'data: [DONE]\n\n',
  ];
  const encoder = new TextEncoder();
  let index = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (signal?.aborted) return controller.error(new DOMException('Aborted', 'AbortError'));
      if (index >= events.length) return controller.close();
      await new Promise((resolve) => setTimeout(resolve, spacingMs));
      controller.enqueue(encoder.encode(events[index++]));
    },
  });
  return new Response(stream, { headers: { 'content-type': 'text/event-stream' } });
}
