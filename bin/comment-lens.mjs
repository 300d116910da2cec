#!/usr/bin/env node
// Runs the TypeScript CLI in place through tsx, so the CLI and the extension share one source.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/run.ts');
