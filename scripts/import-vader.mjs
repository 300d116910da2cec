// Writes src/stance/data/vader-lexicon.json from VADER's vader_lexicon.txt (C.J. Hutto,
// vaderSentiment, MIT): the first two columns (token, mean valence), in the file's order.
// Pinned: the input must be the upstream file at commit 44fc044 (its SHA-256 below); another
// version is refused, so the shipped lexicon cannot drift silently.
// Usage: node scripts/import-vader.mjs [path/to/vader_lexicon.txt]
//   (default: ../shared/corpus/lexicons/vader/vader_lexicon.txt beside this repository)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const UPSTREAM = 'cjhutto/vaderSentiment@44fc044cd877 vaderSentiment/vader_lexicon.txt';
const SHA256 = 'ec636f884f36b5de6a4d681b2f61c08c2ec90eeb440472033f3307d0d6fa8bc9';

const input = process.argv[2] ?? fileURLToPath(new URL('../../shared/corpus/lexicons/vader/vader_lexicon.txt', import.meta.url));
const out = fileURLToPath(new URL('../src/stance/data/vader-lexicon.json', import.meta.url));

let bytes;
try {
  bytes = readFileSync(input);
} catch (err) {
  console.error(`import-vader: cannot read ${input} (${err.code ?? err.message}); pass the path of vader_lexicon.txt`);
  process.exit(2);
}
const sha = createHash('sha256').update(bytes).digest('hex');
if (sha !== SHA256) {
  console.error(`import-vader: ${input} is not ${UPSTREAM} (sha256 ${sha}, expected ${SHA256})`);
  process.exit(1);
}
const entries = bytes
  .toString('utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => {
    const [token, valence] = line.split('\t');
    const v = Number(valence);
    if (!token || !Number.isFinite(v)) throw new Error(`import-vader: bad line ${JSON.stringify(line)}`);
    return [token, v];
  });
const json = { source: UPSTREAM, sha256: SHA256, licence: 'MIT (see VADER-LICENSE.txt)', columns: ['token', 'mean valence'], entries };
// One entry a line: a reviewable diff when the lexicon changes.
writeFileSync(out, `{\n${Object.entries(json).filter(([k]) => k !== 'entries').map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`).join('\n')}\n  "entries": [\n${entries.map((e) => `    ${JSON.stringify(e)}`).join(',\n')}\n  ]\n}\n`);
console.log(`wrote ${entries.length} entries to src/stance/data/vader-lexicon.json`);
