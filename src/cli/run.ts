// Entry point for bin/comment-lens.mjs.
import { main } from './main';

process.exitCode = await main(process.argv.slice(2));
