import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.ts';

// What `npm start` starts (scripts/start.mjs: the server and the playground), on ports of its own
// and a fresh database, so a developer's running copy and its data are left alone.
export const serverPort = Number(process.env.CK_E2E_SERVER_PORT ?? 8797);
const playgroundPort = Number(process.env.CK_E2E_PLAYGROUND_PORT ?? 5197);
const dataDir = mkdtempSync(path.join(tmpdir(), 'ck-e2e-'));

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/playground-e2e',
  reporter: [['list'], ['json', { outputFile: '../../test-results/playwright.json' }]],
  workers: 1,
  // Generous: a loaded two-core machine runs a test several times slower than a quiet one.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${playgroundPort}`,
    headless: true,
    viewport: { width: 1400, height: 1000 },
    // A fake microphone (a beep) and no permission prompt, for the recording test.
    launchOptions: {
      executablePath: chromiumPath,
      args: [...chromiumArgs, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
    },
  },
  webServer: {
    command: `node ../../scripts/start.mjs --data-dir ${dataDir} --pace-ms 15`,
    // Through the playground to the server: ready only when both are.
    url: `http://127.0.0.1:${playgroundPort}/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    env: { CK_PORT: String(serverPort), CK_PLAYGROUND_PORT: String(playgroundPort) },
  },
});
