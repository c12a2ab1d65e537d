// `pnpm storybook:static`: builds the static Storybook (the kit's documentation) and serves it on
// http://127.0.0.1:6007, offline. Pass --no-build to serve the last build.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { serveStatic } from './static-server.ts';

const root = path.resolve('storybook-static');
if (!process.argv.includes('--no-build')) {
  const built = spawnSync('pnpm', ['build-storybook'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const { url } = await serveStatic(root, Number(process.env.PORT ?? 6007));
console.log(`The kit's documentation: ${url}/ (Ctrl+C stops)`);
