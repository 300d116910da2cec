// `npm run pages`: the per-page table for the saved real pages in tests/fixtures — platform,
// detected, comments found / expected, and the time of the whole DOM pipeline in Node (linkedom):
// detect + extract + buildThread + labelThread, median of 3 — and, where the page has Readability's
// expected.html, the token F1 of our article text against it.
import { readFileSync } from 'node:fs';
import { buildThread } from '../src/parser/thread';
import { detectPage, extractPage } from '../src/sites/registry';
import { labelThread } from '../src/stance/index';
import { linkedomDoc } from './lib/dom-impls';
import { tokenF1 } from './lib/f1';
import { goldReport } from './pages-dragnet';
import { explainFinder } from '../src/sites/finder/index';

// `--gold <folder>`: the Dragnet-style report (pages-dragnet.ts); `--explain <page.html>`: why the
// finder's section won on one page. Without either, the saved pages' table below.
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const goldFolder = arg('--gold');
const explainPage = arg('--explain');
if (goldFolder) {
  goldReport(goldFolder, !process.argv.includes('--quiet'));
  process.exit(process.exitCode ?? 0);
}
if (explainPage) {
  console.log(explainFinder(linkedomDoc(readFileSync(explainPage, 'utf8'))));
  process.exit(0);
}

interface Entry { slug: string; category: string; platform: string; comments: number; hasExpected?: boolean; review?: { comments?: number; reason?: string } }
const index = JSON.parse(readFileSync('tests/fixtures/index.json', 'utf8')) as Entry[];
const rows: string[][] = [['page', 'category', 'platform (adapter)', 'detected', 'found/expected', 'ms', 'article F1']];
let right = 0;
let falseTriggers = 0;
for (const p of index) {
  const html = readFileSync(`tests/fixtures/${p.category}/${p.slug}.html`, 'utf8');
  const times: number[] = [];
  let found = 0;
  let adapterId = '-';
  let widget = false;
  let article = '';
  for (let run = 0; run < 3; run++) {
    const doc = linkedomDoc(html);
    const t0 = performance.now();
    const adapter = detectPage(doc);
    if (adapter) {
      const ex = extractPage(doc, undefined, adapter);
      article = ex.page.article.paragraphs.join('\n');
      labelThread(buildThread(ex.page));
      found = ex.page.comments.length;
      widget = Boolean(ex.page.widgetOnly);
    }
    times.push(performance.now() - t0);
    adapterId = adapter?.id ?? '-';
  }
  times.sort((a, b) => a - b);
  const expected = p.review?.comments ?? p.comments;
  const detected = adapterId !== '-';
  const ok = p.category === 'no-comments' ? !detected : p.category === 'widget-only' ? found === 0 : detected && found === expected;
  if (ok) right++;
  if (p.category === 'no-comments' && detected) falseTriggers++;
  let f1 = '';
  if (p.hasExpected) {
    if (!detected) article = extractPage(linkedomDoc(html)).page.article.paragraphs.join('\n');
    const ref = linkedomDoc(readFileSync(`tests/fixtures/${p.category}/${p.slug}.expected.html`, 'utf8')).documentElement.textContent ?? '';
    f1 = tokenF1(article, ref).toFixed(3);
  }
  rows.push([p.slug, p.category, adapterId, detected ? (widget ? 'widget' : 'yes') : 'no', `${found}/${expected}${ok ? '' : '  ✗'}`, times[1]!.toFixed(1), f1]);
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
console.log(`\n${right} of ${index.length} pages right; ${falseTriggers} false triggers on no-comments pages.`);
