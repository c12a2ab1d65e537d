#!/usr/bin/env node
// `npm run build`: every publishable package to its dist/ (skipped where dist/ is current).
import { buildAll } from './packages.mjs';

process.exit(buildAll() ? 0 : 1);
