import type { GlobalTypes } from 'storybook/internal/types';

// The two page-wide switches of the toolbar (theme and writing direction). They act on the
// document itself, so they reach a story's canvas and a whole docs page alike.
export interface KitGlobals {
  theme?: string;
  direction?: string;
}

export function applyGlobals(globals: KitGlobals): void {
  const root = document.documentElement;
  root.dataset.theme = globals.theme === 'dark' ? 'dark' : 'light';
  root.dir = globals.direction === 'rtl' ? 'rtl' : 'ltr';
}

export const globalTypes: GlobalTypes = {
  theme: {
    description: 'Colour theme of the default stylesheet (stories and docs pages)',
    toolbar: {
      title: 'Theme',
      icon: 'mirror',
      items: [
        { value: 'light', title: 'Light', icon: 'sun' },
        { value: 'dark', title: 'Dark', icon: 'moon' },
      ],
      dynamicTitle: true,
    },
  },
  direction: {
    description: 'Writing direction of the page (stories and docs pages)',
    toolbar: {
      title: 'Direction',
      icon: 'transfer',
      items: [
        { value: 'ltr', title: 'Left to right' },
        { value: 'rtl', title: 'Right to left' },
      ],
      dynamicTitle: true,
    },
  },
};
