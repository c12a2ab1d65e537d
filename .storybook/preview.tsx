import type { Preview } from '@storybook/react-vite';
import '../packages/components/src/styles/index.css';
import '../packages/components/src/styles/page.css';
import './docs.css';
import './kit-root.css';
import { KitDocsContainer } from './docs-container.tsx';
import { ComponentDocsPage } from './docs-page.tsx';
import { applyGlobals, globalTypes } from './globals.ts';

const preview: Preview = {
  // Every component gets a docs page; a story file opts out with tags: ['!autodocs'].
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true, sort: 'requiredFirst' },
    // Every story is checked with axe in the story tests; a violation fails the run.
    a11y: { test: 'error' },
    docs: {
      container: KitDocsContainer,
      page: ComponentDocsPage,
      toc: { headingSelector: 'h2, h3', ignoreSelector: '.docs-story *, .skip-toc, .sbdocs-subtitle' },
    },
    options: {
      // Groups in the order a reader meets them. Titles are ordered by their first segment, so a
      // new "Chat/<Part>" story file joins the Chat group with no change here.
      storySort: {
        order: [
          'Introduction',
          'Foundations',
          ['Design tokens', 'Theming'],
          'Guides',
          ['Accessibility', 'Safety'],
          'Chat',
          'Message content',
          'Insight',
          'Stored completions',
          'Hooks',
          '*',
        ],
      },
    },
  },
  globalTypes,
  initialGlobals: { theme: 'light', direction: 'ltr' },
  decorators: [
    // Every demo inside the kit's root: its font, colours and a kit look for the harness's own
    // controls, as an app would give the page. Without it demos showed the browser's serif and buttons.
    (Story) => (
      <div className="ck-story-root">
        <Story />
      </div>
    ),
    (Story, context) => {
      // On a docs page the container owns the page's theme; a story that asks for its own theme
      // (globals: { theme: 'dark' }) gets it on a wrapper, so it does not repaint the whole page.
      if (context.viewMode !== 'docs') {
        applyGlobals(context.globals);
        return Story();
      }
      const own = context.storyGlobals.theme as string | undefined;
      return own ? (
        <div data-theme={own} style={{ background: 'var(--ck-bg)', color: 'var(--ck-fg)', padding: '1rem' }}>
          <Story />
        </div>
      ) : (
        <Story />
      );
    },
  ],
};
export default preview;
