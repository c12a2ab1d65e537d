import { type PresetId, presets } from '../state/connection.ts';

/** The saved connection presets as options, for a select whose first option is the connection in use. */
export function PresetOptions() {
  return (
    <>
      {(Object.keys(presets) as PresetId[]).map((presetId) => (
        <option key={presetId} value={presetId}>
          {presets[presetId].label}
        </option>
      ))}
    </>
  );
}
