// The strings of a message (role header, status line, finish reason, refusal, the code block's Copy)
// come from the labels in effect: a translation replaces every one of them.
import { renderToString } from 'react-dom/server';
import { expect, it } from 'vitest';
import { ChatLabelsProvider } from '../chat/labels.tsx';
import { CodeBlock } from '../markdown/code-block.tsx';
import { Message } from './message.tsx';
import { type MessageLabels, MessageLabelsProvider } from './message-labels.tsx';

const german: Partial<MessageLabels> = {
  role: (role) => ({ assistant: 'Assistent', user: 'Sie' })[role] ?? role,
  writing: 'Schreibt…',
  stopped: 'Angehalten: die Antwort ist unvollständig',
  finishReason: (reason) => (reason === 'length' ? 'Gekürzt: Token-Grenze erreicht' : reason),
  refusal: 'Ablehnung',
  copy: 'Kopieren',
  copyCode: (language) => `${language}-Code kopieren`,
};

const english = /Writing|Stopped|Truncated|Refusal|assistant|user|Copy/;
/** What a reader sees or hears: the text, and the names given by aria-label. */
const read = (html: string) =>
  [html.replace(/<[^>]*>/g, ' '), ...[...html.matchAll(/aria-label="([^"]*)"/g)].map((match) => match[1])].join(' ');

it('a message says its role, status and finish reason in the labels given', () => {
  const html = renderToString(
    <MessageLabelsProvider labels={german}>
      <Message message={{ role: 'assistant', content: 'Hallo' }} status="streaming" />
      <Message message={{ role: 'assistant', content: 'Hallo' }} status="aborted" />
      <Message message={{ role: 'assistant', content: 'Hallo' }} finishReason="length" />
      <Message message={{ role: 'assistant', refusal: 'Nein' }} />
      <CodeBlock code="const a = 1;" language="ts" />
    </MessageLabelsProvider>,
  );
  for (const text of ['Assistent', 'Schreibt…', 'Angehalten', 'Gekürzt', 'Ablehnung', 'Kopieren', 'ts-Code kopieren'])
    expect(html).toContain(text);
  expect(read(html)).not.toMatch(english);
});

it("the chat's labels reach its messages too", () => {
  const html = renderToString(
    <ChatLabelsProvider labels={german}>
      <Message message={{ role: 'user', content: 'Hallo' }} status="streaming" />
    </ChatLabelsProvider>,
  );
  expect(html).toContain('Sie');
  expect(html).toContain('Schreibt…');
  expect(read(html)).not.toMatch(english);
});
