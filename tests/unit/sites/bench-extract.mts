// Dev aid (not a test): extractPage / extractComments time on synthetic WordPress pages of N
// comments, flat and nested, under linkedom. Usage: npx tsx tests/unit/sites/bench-extract.mts [1000,10000,50000] [flat|nested]
import { parseHTML } from 'linkedom';
import { detectPage, extractComments, extractPage } from '../../../src/sites/registry';
import { syntheticPage } from './synthetic';

const sizes = (process.argv[2] ?? '1000,10000').split(',').map(Number);
const shapes = (process.argv[3] ?? 'flat,nested').split(',') as ('flat' | 'nested')[];
for (const shape of shapes) {
  for (const n of sizes) {
    const doc = parseHTML(syntheticPage(n, shape)).document as unknown as Document;
    let s = performance.now();
    const a = detectPage(doc);
    const detect = performance.now() - s;
    s = performance.now();
    const ex = extractPage(doc, undefined, a ?? undefined);
    const extract = performance.now() - s;
    s = performance.now();
    const re = extractComments(doc, a!, ex.container);
    const reread = performance.now() - s;
    console.log(`${shape.padEnd(6)} n=${String(n).padEnd(6)} adapter ${a?.id} detect ${detect.toFixed(1)} ms  extractPage ${extract.toFixed(0)} ms  extractComments ${reread.toFixed(0)} ms  comments ${ex.page.comments.length}/${re.comments.length}  paragraphs ${ex.page.article.paragraphs.length}`);
  }
}
