#!/usr/bin/env node
// The server is TypeScript run through tsx, so it needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
