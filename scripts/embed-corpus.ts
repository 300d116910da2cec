// npm run embed — embeds every text of the visible labelled sets once (comments, topics, parents,
// source posts) into the on-disk cache outside the repository (src/stance/encoder/disk-cache.ts),
// so train and eval rerun cheaply. Long: run it under `nice -n 10`. Resumable.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiskCache } from '../src/stance/encoder/disk-cache';
import { loadNodeEncoder } from '../src/stance/encoder/node';
import { parseMaskMandate, parseRumourEval, parseVast } from '../src/stance/training/corpus';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.env.COMMENT_LENS_CORPUS ?? path.resolve(repoRoot, '../shared/corpus');
const stanceDir = path.join(corpus, 'stance');
if (!existsSync(stanceDir)) {
  console.log(`Stance corpus is absent (looked in ${stanceDir}). Set COMMENT_LENS_CORPUS.`);
  process.exit(1);
}
const read = (p: string): string => readFileSync(path.join(stanceDir, p), 'utf8');

export function corpusTexts(): { name: string; texts: string[] }[] {
  const vast = parseVast(read('vast/vast_dev.csv'));
  const masks = parseMaskMandate(read('subreddit-agreement/SubReddit-MaskMandate.csv'));
  const rTrain = parseRumourEval(read('rumoureval2019/rumoureval2019_subtaskA_train.jsonl'));
  const rDev = parseRumourEval(read('rumoureval2019/rumoureval2019_subtaskA_dev.jsonl'));
  const rumour = (rows: typeof rTrain): string[] => rows.flatMap((r) => [r.text, r.sourceText, ...(r.parentIsSource ? [] : [r.parentText])]);
  return [
    { name: 'VAST dev', texts: vast.flatMap((r) => [r.text, r.topic]) },
    { name: 'SubReddit-MaskMandate', texts: masks.flatMap((r) => [r.response, r.quote]) },
    { name: 'RumourEval train', texts: rumour(rTrain) },
    { name: 'RumourEval dev', texts: rumour(rDev) },
  ];
}

const cache = DiskCache.open();
console.log(`cache ${cache.dir}: ${cache.size} vectors`);
const encoder = await loadNodeEncoder();
for (const { name, texts } of corpusTexts()) {
  const t0 = performance.now();
  await cache.fill(encoder, texts, (done, total, perSec) => {
    if (done % 320 === 0 || done === total) console.log(`  ${name}: ${done} of ${total} new texts, ${perSec.toFixed(1)}/s`);
  });
  console.log(`${name}: ${new Set(texts).size} distinct texts cached (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
}
