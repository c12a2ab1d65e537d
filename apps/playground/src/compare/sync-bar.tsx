import { useCompare } from './compare-store.ts';
import { sections } from './variants.ts';

/** One switch per section: on, an edit in any variant applies to every variant. */
export function SyncBar() {
  const synced = useCompare((state) => state.synced);
  const sync = useCompare((state) => state.sync);
  return (
    <fieldset className="sync-bar">
      <legend>Keep the same in every variant</legend>
      {sections.map((section) => (
        <label key={section.id}>
          <input
            type="checkbox"
            checked={synced[section.id]}
            onChange={(event) => sync(section.id, event.target.checked)}
          />{' '}
          Sync {section.label}
        </label>
      ))}
    </fieldset>
  );
}
