import type { ChoiceLike } from '@completions-kit/components';
import { type RefObject, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import { ComposerBar } from './composer/composer-bar.tsx';
import { MessagesEditor } from './composer/messages-editor.tsx';
import { UndoReplace } from './composer/undo-replace.tsx';
import { playgroundRecorder } from './history/recorder.ts';
import { SettingsPanel } from './panel/settings-panel.tsx';
import { VersionDiffPane } from './prompts/version-diff-pane.tsx';
import { buildRequest } from './request/build-request.ts';
import { functionCalls } from './run/function-calls.ts';
import { LazyResultView, preloadResultView } from './run/lazy-result-view.tsx';
import { useAnswerFollow } from './run/use-answer-follow.ts';
import { useRun } from './run/use-run.ts';
import { type DraftMessage, message, useDraft } from './state/draft.ts';
import { VariablesPanel } from './variables/variables-panel.tsx';

/** The choice's message as a composer message (with its tool calls, if any). */
export function choiceToDraft(choice: ChoiceLike): DraftMessage {
  const content = choice.message.content;
  const text = typeof content === 'string' ? content : (choice.message.audio?.transcript ?? '');
  return message('assistant', text, { toolCalls: functionCalls(choice.message) });
}

/** Ctrl/Cmd+Enter runs from anywhere in the view; Escape stops a running answer. */
function useRunKeys(form: RefObject<HTMLFormElement | null>, running: boolean, stop: () => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        form.current?.requestSubmit();
      } else if (event.key === 'Escape' && running) {
        event.preventDefault();
        stop();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [form, running, stop]);
}

export function PlaygroundView() {
  const draft = useDraft((state) => state.draft);
  const set = useDraft((state) => state.set);
  const { body, problems } = useMemo(() => buildRequest(draft), [draft]);
  const run = useRun(playgroundRecorder);
  const form = useRef<HTMLFormElement>(null);
  const [panelOpen, setPanelOpen] = useState(false);
  const panelId = useId();
  const pane = useRef<HTMLDivElement>(null);
  const [runCount, setRunCount] = useState(0);
  useAnswerFollow(pane, runCount, run.running);
  const send = (messages = draft.messages) => {
    set({ messages });
    const request = buildRequest({ ...draft, messages });
    if (Object.keys(request.problems).length > 0) return;
    run.run(request.body);
    setRunCount((count) => count + 1);
  };
  const answerTools = (choice: ChoiceLike, results: Record<string, string>) => {
    const assistant = choiceToDraft(choice);
    const answers = assistant.toolCalls.map((call) => message('tool', results[call.id] ?? '', { toolCallId: call.id }));
    send([...draft.messages, assistant, ...answers]);
  };
  useRunKeys(form, run.running, run.stop);
  useEffect(preloadResultView, []);
  return (
    <div className="playground">
      <button
        type="button"
        className="panel-toggle"
        aria-expanded={panelOpen}
        aria-controls={panelId}
        onClick={() => setPanelOpen(!panelOpen)}
      >
        Settings: {String(draft.params.model ?? '') || 'no model'}
      </button>
      <SettingsPanel
        id={panelId}
        problems={problems}
        body={body}
        completion={run.status === 'done' ? (run.completion ?? undefined) : undefined}
        open={panelOpen}
      />
      <div className="prompt-pane">
        <UndoReplace />
        <MessagesEditor />
        <VariablesPanel problems={problems} />
      </div>
      {/* Wide screens: beside the prompt, scrolling on its own and following the stream. */}
      <div className="answer-pane" ref={pane} data-ran={run.request ? '' : undefined}>
        <VersionDiffPane />
        <Suspense fallback={<p role="status">Loading the answer view…</p>}>
          <LazyResultView
            run={run}
            onRetry={() => run.request && run.run(run.request)}
            onUseChoice={(choice) => set({ messages: [...draft.messages, choiceToDraft(choice)] })}
            onAnswerTools={answerTools}
          />
        </Suspense>
      </div>
      <ComposerBar
        formRef={form}
        running={run.running}
        problems={problems}
        onStop={run.stop}
        onRun={(text) => send(text ? [...draft.messages, message('user', text)] : draft.messages)}
      />
    </div>
  );
}
