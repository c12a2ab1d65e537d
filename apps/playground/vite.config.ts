import react from '@vitejs/plugin-react';
import { createLogger, defaultClientConditions, defineConfig } from 'vite';

// The playground talks to the local server through this origin (/v1), so no key or CORS setting
// is needed for the default connection. CK_SERVER_URL points elsewhere (tests use a free port).
const server = process.env.CK_SERVER_URL ?? 'http://127.0.0.1:8787';
const proxy = { '/v1': server, '/search': server, '/health': server };

// The page asks /health every half second while the server starts (src/connection): a refusal there is
// expected, not news, and would bury the terminal in stack traces. Every other proxy error still shows.
// A custom logger overrides --logLevel: npm start asks for warnings only through this variable.
const logger = createLogger((process.env.CK_PLAYGROUND_LOG_LEVEL as 'info' | 'warn' | undefined) ?? 'info');
const logError = logger.error;
logger.error = (message, options) => {
  const refused = (options?.error as NodeJS.ErrnoException | null | undefined)?.code === 'ECONNREFUSED';
  if (refused && message.includes('http proxy error: /health')) return;
  logError(message, options);
};

export default defineConfig({
  customLogger: logger,
  plugins: [react()],
  // The kit's packages from their TypeScript sources (their exports' source condition): no build step.
  resolve: { conditions: ['@completions-kit/source', ...defaultClientConditions] },
  server: { host: '127.0.0.1', port: Number(process.env.CK_PLAYGROUND_PORT ?? 5173), strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: Number(process.env.CK_PLAYGROUND_PORT ?? 4173), strictPort: true, proxy },
  build: { sourcemap: false, chunkSizeWarningLimit: 1024 },
  // Pre-bundled at start: a dependency found later (the highlighter loads lazily with the first code
  // block) would make Vite reload the page and lose the answer on screen.
  optimizeDeps: { include: ['@completions-kit/components > lowlight'] },
});
