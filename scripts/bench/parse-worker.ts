// One parse measurement in a fresh process: prints JSON {n, bytes, ms, maxRssMB, heapMB}.
import { parseDump, renderDump } from '../../src/parser/dump';
import { makeThread } from './generate';

const n = Number(process.argv[2] ?? '1000');
const text = renderDump(makeThread(n, 11));
const bytes = Buffer.byteLength(text);
parseDump(renderDump(makeThread(300, 5))); // warm-up on a small, whole dump
const heap0 = process.memoryUsage().heapUsed;
const t0 = performance.now();
const thread = parseDump(text);
const ms = performance.now() - t0;
const heapMB = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;
if (thread.comments.length !== n) throw new Error(`parsed ${thread.comments.length} of ${n} comments`);
const maxRssMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify({ n, bytes, ms, maxRssMB, heapMB }));
