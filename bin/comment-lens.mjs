#!/usr/bin/env node
// Runs the compiled command line: dist/cli/comment-lens.mjs, plain JavaScript built from src/ by
// `npm run build:cli` (`npm ci` and `npm run build` build it too). No TypeScript loader at run time.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/comment-lens.mjs', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('comment-lens: the compiled CLI is missing (dist/cli/comment-lens.mjs): run `npm run build:cli` first.\n');
  process.exit(2);
}
await import(entry.href);
