import { type FormEvent, useId, useState } from 'react';
import type { CalledTool } from './function-calls.ts';

/** A result for each tool call, then one click sends them back and continues the conversation. */
export function ToolAnswers({
  calls,
  onContinue,
}: {
  calls: readonly CalledTool[];
  onContinue: (results: Record<string, string>) => void;
}) {
  const [results, setResults] = useState<Record<string, string>>({});
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onContinue(results);
  };
  return (
    <form className="tool-answers" aria-label="Answer the tool calls" onSubmit={submit}>
      {calls.map((call) => (
        <div key={call.id}>
          <label htmlFor={`${id}-${call.id}`}>
            Result of {call.name} ({call.id})
          </label>
          <textarea
            id={`${id}-${call.id}`}
            rows={2}
            value={results[call.id] ?? ''}
            onChange={(event) => setResults((now) => ({ ...now, [call.id]: event.target.value }))}
          />
        </div>
      ))}
      <button type="submit">Send tool results and continue</button>
    </form>
  );
}
