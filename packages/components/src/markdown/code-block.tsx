import { isRunning, type RunStatus } from '@completions-kit/core';
import { useEffect, useState } from 'react';
import { useMessageLabels } from '../message/message-labels.tsx';
import { reveal } from '../text/reveal.ts';

/** Code longer than this is shown plain: highlighting it (and rendering its tree) would block the page. */
export const MAX_HIGHLIGHTED_CHARACTERS = 20_000;

interface HastText {
  type: 'text';
  value: string;
}
interface HastElement {
  type: 'element';
  properties?: { className?: string[] };
  children: HastNode[];
}
type HastNode = HastText | HastElement;
interface Highlighter {
  registered(language: string): boolean;
  highlight(language: string, code: string): { children: HastNode[] };
}

let highlighter: Promise<Highlighter> | null = null;

/** The highlighter loads on first use only, so pages without code never download it. */
function loadHighlighter(): Promise<Highlighter> {
  highlighter ??= import('./highlighter.ts').then(
    ({ common, createLowlight }) => createLowlight(common) as unknown as Highlighter,
  );
  return highlighter;
}

/** Highlighted code as React elements from the syntax tree: no HTML string is ever inserted. */
function renderTree(nodes: HastNode[]): React.ReactNode[] {
  return nodes.map((node, index) =>
    node.type === 'text' ? (
      reveal(node.value)
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: the tree of one code string never reorders.
      <span key={index} className={node.properties?.className?.join(' ')}>
        {renderTree(node.children)}
      </span>
    ),
  );
}

export interface CodeBlockProps {
  /** The code, shown as text (never as HTML). */
  code: string;
  /** The fence's info string (`ts`, `python`); unknown or missing: not highlighted. */
  language?: string | undefined;
  /** Highlighted only once `done` (or any status but `submitted`/`streaming`), not on every streamed token. Default: done. */
  status?: RunStatus;
}

/** A code block with a copy button and highlighting that loads lazily. */
export function CodeBlock({ code, language, status = 'done' }: CodeBlockProps) {
  const final = !isRunning(status);
  const [tree, setTree] = useState<HastNode[] | null>(null);
  const [copied, setCopied] = useState(false);
  const labels = useMessageLabels();
  const name = language?.trim().split(/\s/)[0]?.toLowerCase();
  useEffect(() => {
    setTree(null);
    if (!final || !name || code.length > MAX_HIGHLIGHTED_CHARACTERS) return;
    let current = true;
    loadHighlighter().then((loaded) => {
      if (current && loaded.registered(name)) setTree(loaded.highlight(name, code).children);
    });
    return () => {
      current = false;
    };
  }, [code, name, final]);
  const copy = () => {
    navigator.clipboard?.writeText(code).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <figure data-slot="code-block" data-language={name} data-highlighted={tree ? 'true' : 'false'}>
      <figcaption data-slot="code-block-header">
        <span>{reveal(name ?? 'text')}</span>{' '}
        <button type="button" onClick={copy} aria-label={reveal(labels.copyCode(name ?? ''))}>
          {copied ? labels.copied : labels.copy}
        </button>
        <span role="status" data-slot="visually-hidden">
          {copied ? labels.codeCopied : ''}
        </span>
      </figcaption>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable block must take focus so the keyboard can scroll it. */}
      <pre tabIndex={0}>
        <code className={name ? `language-${name}` : undefined}>{tree ? renderTree(tree) : reveal(code)}</code>
      </pre>
    </figure>
  );
}
