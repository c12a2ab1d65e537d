import { DocsContainer, type DocsContainerProps } from '@storybook/addon-docs/blocks';
import { type PropsWithChildren, useEffect, useState } from 'react';
import { GLOBALS_UPDATED } from 'storybook/internal/core-events';
import { applyGlobals, type KitGlobals } from './globals.ts';
import { docsTheme } from './theme.ts';

// The store is not part of the typed docs context, but it is the one place a docs page can read the
// globals it opened with (a page with no story never runs a decorator).
function initialGlobals(context: DocsContainerProps['context']): KitGlobals {
  const store = (context as unknown as { store?: { userGlobals?: { get(): KitGlobals } } }).store;
  return store?.userGlobals?.get() ?? {};
}

// Storybook's object control (react-editable-json-tree) puts <li> items straight in a <div>: list
// items outside a list. Until Storybook fixes it, those items are marked as plain containers.
function useRepairObjectControls() {
  useEffect(() => {
    const repair = () => {
      for (const item of document.querySelectorAll('.rejt-tree > li:not([role])')) item.setAttribute('role', 'none');
    };
    repair();
    const observer = new MutationObserver(repair);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
}

/** Docs pages follow the toolbar's theme and direction, like the stories on them. */
export function KitDocsContainer({ context, children }: PropsWithChildren<DocsContainerProps>) {
  const [globals, setGlobals] = useState<KitGlobals>(() => initialGlobals(context));
  useEffect(() => {
    const update = ({ globals: next }: { globals: KitGlobals }) => setGlobals(next);
    context.channel.on(GLOBALS_UPDATED, update);
    return () => context.channel.off(GLOBALS_UPDATED, update);
  }, [context]);
  useEffect(() => applyGlobals(globals), [globals]);
  useRepairObjectControls();
  return (
    <DocsContainer context={context} theme={docsTheme(globals.theme === 'dark' ? 'dark' : 'light')}>
      {children}
    </DocsContainer>
  );
}
