import { type FormEvent, useState } from 'react';
import { Message } from '../../../packages/components/src/index.ts';
import { createConversation } from '../../../packages/core/src/index.ts';
import { useConversation } from '../../../packages/hooks/src/index.ts';
import { inPageClient } from './replay-fetch.ts';

function Branches({ index, count, onSwitch }: { index: number; count: number; onSwitch: (step: 1 | -1) => void }) {
  return (
    <div className="ck-demo-bar">
      <button type="button" aria-label="Previous answer" onClick={() => onSwitch(-1)}>
        ‹
      </button>
      <output>
        answer {index + 1} of {count}
      </output>
      <button type="button" aria-label="Next answer" onClick={() => onSwitch(1)}>
        ›
      </button>
    </div>
  );
}

/** useConversation: ask, regenerate beside the old answer, and switch between the branches. */
export function ConversationDemo() {
  const [conversation] = useState(() => {
    const client = inPageClient();
    return createConversation({ client: () => client, params: () => ({ model: 'in-page-model' }) });
  });
  const { turns, status, running, send, regenerate, switchBranch, stop, clear } = useConversation(conversation);
  const last = turns.at(-1);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem('question') as HTMLInputElement;
    if (input.value.trim() && !running) void send(input.value);
    input.value = '';
  };
  return (
    <section className="ck-demo sb-unstyled" aria-label="useConversation demo">
      {turns.map(({ node, branch }) => (
        <div key={node.id}>
          <Message message={node.message} status={node.status} />
          {branch.count > 1 ? (
            <Branches index={branch.index} count={branch.count} onSwitch={(step) => switchBranch(node.id, step)} />
          ) : null}
        </div>
      ))}
      <form className="ck-demo-bar" onSubmit={onSubmit}>
        <label>
          Question <input name="question" defaultValue="What's the weather like in SF?" />
        </label>
        <button type="submit" disabled={running}>
          Send
        </button>
        <button
          type="button"
          disabled={running || last?.node.message.role !== 'assistant'}
          onClick={() => void regenerate()}
        >
          Regenerate
        </button>
        <button type="button" disabled={!running} onClick={stop}>
          Stop
        </button>
        <button type="button" disabled={running || turns.length === 0} onClick={clear}>
          Clear
        </button>
        <output aria-label="Conversation state">
          status {status} · {turns.length} turns
        </output>
      </form>
    </section>
  );
}
