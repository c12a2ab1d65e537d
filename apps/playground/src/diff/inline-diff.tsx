// biome-ignore-all lint/suspicious/noArrayIndexKey: a diff's runs are recomputed whole; their index is their identity.
import { useMemo } from 'react';
import { wordDiff } from './word-diff.ts';

interface InlineDiffProps {
  before: string;
  after: string;
  /** Names the two sides for screen readers and the legend, e.g. "run 3" and "run 5". */
  beforeLabel: string;
  afterLabel: string;
}

/** Two outputs as one text: what only the first has struck through, what only the second has underlined. */
export function InlineDiff({ before, after, beforeLabel, afterLabel }: InlineDiffProps) {
  const parts = useMemo(() => wordDiff(before, after), [before, after]);
  return (
    <div className="inline-diff">
      <p className="inline-diff-legend">
        <del>only in {beforeLabel}</del> <ins>only in {afterLabel}</ins>
      </p>
      <p className="inline-diff-text" data-testid="inline-diff">
        {parts.map((part, index) =>
          part.kind === 'same' ? (
            <span key={index}>{part.text}</span>
          ) : part.kind === 'removed' ? (
            <del key={index}>
              <span data-slot="visually-hidden">[only in {beforeLabel}: </span>
              {part.text}
              <span data-slot="visually-hidden">]</span>
            </del>
          ) : (
            <ins key={index}>
              <span data-slot="visually-hidden">[only in {afterLabel}: </span>
              {part.text}
              <span data-slot="visually-hidden">]</span>
            </ins>
          ),
        )}
      </p>
    </div>
  );
}
