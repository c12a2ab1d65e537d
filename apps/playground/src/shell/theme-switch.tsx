import { setTheme, type Theme, useTheme } from './theme.ts';

const choices: { value: Theme; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** System, Light or Dark; the choice is kept in localStorage. */
export function ThemeSwitch() {
  const theme = useTheme();
  return (
    <select
      className="theme-switch"
      aria-label="Theme"
      value={theme}
      onChange={(event) => setTheme(event.target.value as Theme)}
    >
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </select>
  );
}
