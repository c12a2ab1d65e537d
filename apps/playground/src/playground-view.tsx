import type { ChoiceLike } from '@completions-kit/components';
import { useMemo } from 'react';
import { MessagesEditor } from './composer/messages-editor.tsx';
import { ParamsForm } from './composer/params-form.tsx';
import { ToolsEditor } from './composer/tools-editor.tsx';
import { playgroundRecorder } from './history/recorder.ts';
import { buildRequest } from './request/build-request.ts';
import { functionCalls } from './run/function-calls.ts';
import { ResultView } from './run/result-view.tsx';
import { useRun } from './run/use-run.ts';
import { ExportPanel } from './share/export-panel.tsx';
import { type DraftMessage, message, useDraft } from './state/draft.ts';
import { VariablesPanel } from './variables/variables-panel.tsx';

/** The choice's message as a composer message (with its tool calls, if any). */
export function choiceToDraft(choice: ChoiceLike): DraftMessage {
  const content = choice.message.content;
  const text = typeof content === 'string' ? content : (choice.message.audio?.transcript ?? '');
  return message('assistant', text, { toolCalls: functionCalls(choice.message) });
}

export function PlaygroundView() {
  const draft = useDraft((state) => state.draft);
  const set = useDraft((state) => state.set);
  const { body, problems } = useMemo(() => buildRequest(draft), [draft]);
  const run = useRun(playgroundRecorder);
  const valid = Object.keys(problems).length === 0;
  const send = (messages = draft.messages) => {
    const request = buildRequest({ ...draft, messages });
    if (Object.keys(request.problems).length === 0) run.run(request.body);
  };
  const answerTools = (choice: ChoiceLike, results: Record<string, string>) => {
    const assistant = choiceToDraft(choice);
    const answers = assistant.toolCalls.map((call) => message('tool', results[call.id] ?? '', { toolCallId: call.id }));
    const messages = [...draft.messages, assistant, ...answers];
    set({ messages });
    send(messages);
  };
  return (
    <div className="playground">
      <form
        className="composer"
        aria-label="Composer"
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
      >
        <MessagesEditor />
        <VariablesPanel problems={problems} />
        <details>
          <summary>Tools and response format</summary>
          <ToolsEditor problems={problems} />
        </details>
        <ParamsForm problems={problems} />
        <div className="run-bar">
          <button type="submit" disabled={!valid || run.running}>
            Run
          </button>
          <button type="button" disabled={!run.running} onClick={() => run.stop()}>
            Stop
          </button>
          {valid ? null : (
            <p role="alert">
              Fix {Object.keys(problems).length === 1 ? 'the field' : 'the fields'} marked above to run.
              {Object.entries(problems)
                .filter(([field]) => field.startsWith('variable'))
                .map(([, problem]) => ` ${problem}`)
                .join('')}
            </p>
          )}
        </div>
        <ExportPanel body={body} completion={run.status === 'done' ? (run.completion ?? undefined) : undefined} />
      </form>
      <ResultView
        run={run}
        onRetry={() => run.request && run.run(run.request)}
        onUseChoice={(choice) => set({ messages: [...draft.messages, choiceToDraft(choice)] })}
        onAnswerTools={answerTools}
      />
    </div>
  );
}
