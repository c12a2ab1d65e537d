import { create } from 'storybook/theming';

const brand = {
  brandTitle: 'completions-kit',
  brandUrl: './?path=/docs/introduction--docs',
  fontBase: 'system-ui, sans-serif',
  fontCode: 'ui-monospace, SFMono-Regular, Menlo, monospace',
};

// The docs pages use the kit's own palette (tokens.css), so the prose and the components agree.
export function docsTheme(mode: 'light' | 'dark') {
  return mode === 'dark'
    ? create({
        base: 'dark',
        ...brand,
        colorPrimary: '#4493f8',
        colorSecondary: '#4493f8',
        appBg: '#161b22',
        appContentBg: '#0d1117',
        appPreviewBg: '#0d1117',
        appBorderColor: '#30363d',
        textColor: '#e6edf3',
        textMutedColor: '#9198a1',
        barBg: '#161b22',
      })
    : create({
        base: 'light',
        ...brand,
        colorPrimary: '#0550ae',
        colorSecondary: '#0550ae',
        appBg: '#f6f8fa',
        appContentBg: '#ffffff',
        appPreviewBg: '#ffffff',
        appBorderColor: '#d0d7de',
        textColor: '#1b1f24',
        textMutedColor: '#57606a',
        barBg: '#ffffff',
      });
}
