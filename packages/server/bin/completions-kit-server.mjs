#!/usr/bin/env node
// The published command: the compiled server, plain Node. Inside the repository, `npm start` runs
// the TypeScript sources instead (scripts/start.mjs), so development needs no build.
await import('../dist/cli.js');
