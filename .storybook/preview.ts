import type { Preview } from '@storybook/react-vite';
import '../packages/components/src/styles/index.css';

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    // Every story is checked with axe in the story tests; a violation fails the run.
    a11y: { test: 'error' },
  },
  globalTypes: {
    theme: {
      description: 'Colour theme of the default stylesheet',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light' },
  decorators: [
    (Story, context) => {
      document.documentElement.dataset.theme = context.globals.theme === 'dark' ? 'dark' : 'light';
      return Story();
    },
  ],
};
export default preview;
