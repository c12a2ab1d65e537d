import { type RefObject, useState } from 'react';

export interface ComposerBarProps {
  formRef: RefObject<HTMLFormElement | null>;
  /** Run the prompt, with the typed text as a new user message when there is some. */
  onRun: (text: string) => void;
  onStop: () => void;
  running: boolean;
  /** The wrong fields by name; Run waits until none is. Variable problems are spelled out here. */
  problems: Record<string, string>;
}

/** The bottom of the thread: a user message to add, Run and Stop. */
export function ComposerBar({ formRef, onRun, onStop, running, problems }: ComposerBarProps) {
  const [text, setText] = useState('');
  const entries = Object.entries(problems);
  const variables = entries.filter(([field]) => field.startsWith('variable')).map(([, problem]) => problem);
  const others = entries.length - variables.length;
  const valid = entries.length === 0;
  return (
    <form
      ref={formRef}
      className="composer-bar"
      aria-label="Composer"
      onSubmit={(event) => {
        event.preventDefault();
        if (!valid || running) return;
        onRun(text.trim());
        setText('');
      }}
    >
      <textarea
        aria-label="New user message"
        rows={1}
        value={text}
        placeholder="Add a user message (optional), then Run…"
        onChange={(event) => setText(event.target.value)}
      />
      <div className="composer-actions">
        <button type="button" className="stop" disabled={!running} onClick={onStop}>
          Stop
        </button>
        <button type="submit" className="primary" disabled={!valid || running}>
          Run
        </button>
      </div>
      {valid ? null : (
        <p role="alert" className="composer-problem">
          {others > 0 ? `Fix ${others === 1 ? 'the field' : 'the fields'} marked in the settings to run.` : null}
          {variables.map((problem) => ` ${problem}`).join('')}
        </p>
      )}
    </form>
  );
}
