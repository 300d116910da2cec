// What a trained model records about its making: the SHA-256 of every corpus file training read,
// and one SHA-256 over the code that shapes the weights (the training script and src/stance/, the
// shipped model itself left out). The same data and code give the same record, and the check in
// `npm test` (scripts/check-model.ts) rebuilds the model to say it still does.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/** Files under `dir`, relative to `root` with '/' separators, sorted: the same list on every machine. */
function filesUnder(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(root, dir))) {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(root, rel)).isDirectory()) out.push(...filesUnder(root, rel));
    else out.push(rel);
  }
  return out.sort();
}

/**
 * The files whose contents make the weights what they are: the training script and src/stance/,
 * less the trained outputs in src/stance/data (the model itself, the refined pass's head).
 */
export function trainingCodeFiles(repoRoot: string): string[] {
  const outputs = new Set(['src/stance/data/model.json', 'src/stance/data/refine-head.json']);
  return ['scripts/train.ts', ...filesUnder(repoRoot, 'src/stance').filter((f) => !outputs.has(f))];
}

/** One hash over the files' names and contents, in order. */
export function codeHash(repoRoot: string, files: readonly string[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(`${f}\0`).update(readFileSync(path.join(repoRoot, f))).update('\0');
  return h.digest('hex');
}
