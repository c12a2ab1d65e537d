import type { StorybookConfig } from '@storybook/react-vite';
import remarkGfm from 'remark-gfm';
import { defaultClientConditions } from 'vite';
import { apiReferencePlugin } from './api-reference.ts';
import { recordedFixtures } from './recorded-fixtures.ts';

const config: StorybookConfig = {
  stories: ['./pages/**/*.mdx', '../packages/components/src/**/*.stories.@(ts|tsx)'],
  addons: [
    // GitHub-flavoured Markdown in the MDX pages: without it their tables show as raw pipes.
    {
      name: '@storybook/addon-docs',
      options: { mdxPluginOptions: { mdxCompileOptions: { remarkPlugins: [remarkGfm] } } },
    },
    '@storybook/addon-vitest',
    '@storybook/addon-a11y',
  ],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: {
    // Prop tables from the TypeScript types, so every JSDoc comment and default on a props
    // interface shows; the HTML attributes a part passes through are left out of the table.
    reactDocgen: 'react-docgen-typescript',
    reactDocgenTypescriptOptions: {
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
      propFilter: (prop) => !prop.parent?.fileName.includes('node_modules'),
    },
  },
  // The kit's packages from their TypeScript sources (their exports' source condition): no build step.
  // Recorded API traffic is read from ../shared/fixtures/openai when the pages are built, never
  // copied into the repository; the built pages replay it with no server.
  viteFinal: (vite) => ({
    ...vite,
    resolve: { ...vite.resolve, conditions: ['@completions-kit/source', ...defaultClientConditions] },
    plugins: [...(vite.plugins ?? []), recordedFixtures(), apiReferencePlugin()],
  }),
};
export default config;
