import type { Preview } from '@storybook/react-vite';
import '../packages/components/src/styles/index.css';

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    // Every story is checked with axe in the story tests; a violation fails the run.
    a11y: { test: 'error' },
  },
};
export default preview;
