import { useEffect, useRef } from 'react';
import { useDraft } from '../state/draft.ts';
import { useOpenDiff } from './open-diff.ts';
import { VersionDiff } from './version-diff.tsx';

/** The saved-version diff in the main area, where it has the width to be read, with a way back. */
export function VersionDiffPane() {
  const name = useOpenDiff((state) => state.name);
  const open = useOpenDiff((state) => state.open);
  const prompt = useDraft((state) => state.prompts.find((entry) => entry.name === name));
  const pane = useRef<HTMLDivElement>(null);
  // Opened from the settings panel: on one column the pane is elsewhere on the page.
  useEffect(() => {
    if (name) pane.current?.scrollIntoView({ block: 'nearest' });
  }, [name]);
  if (!prompt || prompt.versions.length < 2) return null;
  return (
    <div className="version-diff-pane" ref={pane}>
      <VersionDiff prompt={prompt} />
      <button type="button" onClick={() => open(null)}>
        Close the comparison
      </button>
    </div>
  );
}
