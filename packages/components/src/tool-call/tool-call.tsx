import {
  type ChatCompletionMessageToolCall,
  isRunning,
  type RunStatus,
  type SnapshotToolCall,
} from '@completions-kit/core';
import { type ComponentPropsWithoutRef, forwardRef, useMemo } from 'react';
import { reveal } from '../text/reveal.ts';
import { viewArguments, viewInput } from './arguments.ts';

const badges: Record<string, string | undefined> = {
  partial: 'receiving…',
  invalid: 'not valid JSON',
  'too-deep': 'too deeply nested to lay out',
  'too-large': 'too large to show whole',
};

export interface ToolCallProps extends ComponentPropsWithoutRef<'section'> {
  /** A function or custom tool call, or the legacy `function_call` (`{ name, arguments }`). */
  call: ChatCompletionMessageToolCall | SnapshotToolCall | { name: string; arguments: string };
  /** The run's status: the arguments may still be arriving while `submitted` or `streaming`. Default: done. */
  status?: RunStatus;
}

/**
 * One tool call: its name and its arguments, indented when they are valid JSON and shown as text
 * (with a badge saying why) when they are partial, invalid, too deep or too large.
 */
export const ToolCall = forwardRef<HTMLElement, ToolCallProps>(function ToolCall(
  { call, status = 'done', ...props },
  ref,
) {
  const complete = !isRunning(status);
  const kind = 'type' in call ? call.type : 'function_call';
  const inner = 'type' in call ? (call.type === 'custom' ? call.custom : call.function) : call;
  const name = reveal(inner?.name ?? '');
  const text = String((inner && ('input' in inner ? inner.input : inner.arguments)) ?? '');
  const view = useMemo(
    () => (kind === 'custom' ? viewInput(text, complete) : viewArguments(text, complete)),
    [kind, text, complete],
  );
  const badge = badges[view.kind];
  const label = kind === 'custom' ? 'Input' : 'Arguments';
  return (
    <section
      data-slot="tool-call"
      data-kind={kind}
      data-state={view.kind}
      aria-label={`Tool call ${name}`}
      {...props}
      ref={ref}
    >
      <header data-slot="tool-call-header">
        <code data-slot="tool-call-name">{name}</code> {badge ? <span data-slot="badge">{badge}</span> : null}
      </header>
      {/* biome-ignore lint/a11y/useSemanticElements: a <pre> keeps the layout; the role names the scrollable region. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus so the keyboard can scroll it. */}
      <pre data-slot="tool-call-arguments" role="region" aria-label={`${label} of ${name}`} tabIndex={0}>
        {reveal(view.text)}
      </pre>
    </section>
  );
});
