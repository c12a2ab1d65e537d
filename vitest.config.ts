import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';
import { emulateColorScheme, startRequestLog, takeRequestLog } from './scripts/browser-commands.ts';
import { chromiumArgs, chromiumPath } from './scripts/chromium.ts';

const root = path.dirname(fileURLToPath(import.meta.url));
const chromium = chromiumPath;
// Without it, browser tests are left out locally (said aloud), and fail under CI.
const withBrowser = existsSync(chromium) || !!process.env.CI;
if (!withBrowser)
  console.warn(`No Chromium at ${chromium}: browser tests skipped. apt-get install chromium, or set CHROMIUM_PATH.`);

export default defineConfig({
  // Workspace packages resolve to their TypeScript sources (package.json exports), so tests need no build.
  resolve: { conditions: ['@completions-kit/source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['@completions-kit/source', ...defaultServerConditions] } },
  // Vitest's own environment (global setup files run there) takes neither of the above.
  environments: { __vitest__: { resolve: { conditions: ['@completions-kit/source', ...defaultServerConditions] } } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          environment: 'node',
          include: ['packages/core/src/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'hooks',
          environment: 'jsdom',
          include: ['packages/hooks/src/**/*.test.{ts,tsx}'],
          exclude: ['**/*.browser.test.{ts,tsx}'],
          globalSetup: ['packages/hooks/src/test-support/global-setup.ts'],
          testTimeout: 20_000,
        },
      },
      ...(withBrowser
        ? [
            {
              extends: true as const,
              test: {
                name: 'hooks-browser',
                fileParallelism: false,
                include: [
                  'packages/hooks/src/**/*.browser.test.{ts,tsx}',
                  'packages/chat/src/**/*.browser.test.{ts,tsx}',
                ],
                globalSetup: ['packages/hooks/src/test-support/global-setup.ts'],
                testTimeout: 60_000,
                browser: {
                  enabled: true,
                  headless: true,
                  provider: playwright({ launchOptions: { executablePath: chromium, args: chromiumArgs } }),
                  instances: [{ browser: 'chromium' as const }],
                  commands: { emulateColorScheme },
                },
              },
            },
            {
              // Hostile model output rendered in Chromium (packages/components/src/hostile).
              extends: true as const,
              test: {
                name: 'components-browser',
                fileParallelism: false,
                include: ['packages/components/src/**/*.browser.test.{ts,tsx}'],
                testTimeout: 60_000,
                browser: {
                  enabled: true,
                  headless: true,
                  provider: playwright({ launchOptions: { executablePath: chromium, args: chromiumArgs } }),
                  instances: [{ browser: 'chromium' as const }],
                  commands: { startRequestLog, takeRequestLog, emulateColorScheme },
                },
              },
            },
            {
              extends: true as const,
              plugins: [storybookTest({ configDir: path.join(root, '.storybook') })],
              // Pre-bundled up front: a dependency found mid-run makes Vite reload the page and fail
              // the stories that were running (seen on cold CI runs).
              optimizeDeps: {
                include: [
                  'eventsource-parser',
                  'lowlight',
                  'react',
                  'react-dom',
                  'react-dom/client',
                  'react/jsx-runtime',
                  'react/jsx-dev-runtime',
                ],
              },
              test: {
                name: 'storybook',
                // One story file at a time: files share the page's main thread, and one file's
                // work would slow another's waits towards their ceilings.
                fileParallelism: false,
                // A ceiling, not a target: a story that waits for a stream to grow twice (15 s each at
                // most) must not be cut at vitest's default 15 s on a loaded machine.
                testTimeout: 60_000,
                browser: {
                  enabled: true,
                  headless: true,
                  provider: playwright({ launchOptions: { executablePath: chromium, args: chromiumArgs } }),
                  instances: [{ browser: 'chromium' as const }],
                },
              },
            },
          ]
        : []),
      {
        extends: true,
        test: {
          // The drop-in chat against the real local server, in jsdom; browser behaviour (scrolling,
          // focus, axe) is covered by the stories and the playground's e2e tests.
          name: 'chat',
          environment: 'jsdom',
          include: ['packages/chat/src/**/*.test.{ts,tsx}'],
          exclude: ['**/*.browser.test.{ts,tsx}'],
          globalSetup: ['packages/hooks/src/test-support/global-setup.ts'],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'components',
          environment: 'jsdom',
          include: ['packages/components/src/**/*.test.{ts,tsx}'],
          exclude: ['**/*.browser.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          // The playground's modules (request building, export, share links, round trips); its UI is tested
          // end to end by Playwright (apps/playground/e2e).
          name: 'playground',
          environment: 'node',
          include: ['apps/playground/src/**/*.test.ts'],
          // A real local server: Logs' stored completions are read back from it.
          globalSetup: ['packages/hooks/src/test-support/global-setup.ts'],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['packages/server/src/**/*.test.ts'],
          globalSetup: ['packages/server/src/test-support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
