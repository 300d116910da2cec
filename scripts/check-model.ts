// `npm test` (where the corpus is present): `npm run train` must rebuild src/stance/data/model.json
// byte for byte. Trains into a temporary file and compares; exit 0 identical, 1 different, and 3
// (with a plain message) when the corpus is absent, so the caller can say the check did not run.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.env.COMMENT_LENS_CORPUS ?? path.resolve(repoRoot, '../shared/corpus');
if (!existsSync(path.join(corpus, 'stance'))) {
  console.log(`model check NOT RUN: the stance corpus is absent (looked in ${path.join(corpus, 'stance')}; set COMMENT_LENS_CORPUS)`);
  process.exit(3);
}
const dir = mkdtempSync(path.join(tmpdir(), 'lens-model-'));
const out = path.join(dir, 'model.json');
try {
  const t0 = Date.now();
  execFileSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts/train.ts')], { env: { ...process.env, STANCE_OUT: out }, stdio: ['ignore', 'ignore', 'inherit'] });
  const shipped = readFileSync(path.join(repoRoot, 'src/stance/data/model.json'));
  const rebuilt = readFileSync(out);
  const secs = ((Date.now() - t0) / 1000).toFixed(0);
  if (Buffer.compare(shipped, rebuilt) === 0) {
    console.log(`model check: npm run train rebuilds src/stance/data/model.json byte-identically (${shipped.length} bytes, ${secs} s)`);
  } else {
    const meta = (b: Buffer): Record<string, unknown> => (JSON.parse(b.toString('utf8')) as { meta: Record<string, unknown> }).meta;
    const [a, b] = [meta(shipped), meta(rebuilt)];
    const differs = Object.keys({ ...a, ...b }).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
    console.error(`model check FAILED: npm run train gives another model.json (${shipped.length} vs ${rebuilt.length} bytes; meta differs in: ${differs.join(', ') || 'nothing — the weights do'}). Run npm run train and commit the model with the code that changed it.`);
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
