// `npm run pages -- --gold <folder>`: a Dragnet-style report over saved pages with gold files
// (<folder>/**/html/<id>.html beside <folder>/**/gold/<id>.txt: the article, a line
// "!@#$%^&*()  COMMENTS", then the comments). Per page, the comment text we report (author, time
// and body of every comment) against the gold's comment part as bags of words: recall, precision;
// "found" when recall >= 0.5. Then the found rate, the mean precision where comments were
// reported, the false triggers on pages whose gold has no comments, and the article's token P/R.
// The pages are read from where they are (dragnet-dev is AGPL data: never copied into the repo).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { detectPage, extractPage } from '../src/sites/registry';
import { linkedomDoc } from './lib/dom-impls';

// Most gold files separate with two spaces, a few with one (dragnet-dev's R7 and R35, which its
// index.tsv therefore lists as without comments): the marker is read either way.
const SPLIT = /!@#\$%\^&\*\(\)\s+COMMENTS/;

/** A gold file's article part and comment part ('' when it marks no comments). */
export function splitGold(text: string): { article: string; comments: string } {
  const m = SPLIT.exec(text);
  return m ? { article: text.slice(0, m.index), comments: text.slice(m.index + m[0].length) } : { article: text, comments: '' };
}

/** Lower-case word tokens, as the Dragnet scoring counts them. */
export function bag(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

const size = (b: Map<string, number>): number => [...b.values()].reduce((a, n) => a + n, 0);

/** Bag-of-words precision and recall of `got` against `gold` (multiset overlap). */
export function bagPR(got: string, gold: string): { p: number; r: number; gotN: number; goldN: number } {
  const g = bag(got);
  const w = bag(gold);
  let common = 0;
  for (const [t, n] of g) common += Math.min(n, w.get(t) ?? 0);
  const gotN = size(g);
  const goldN = size(w);
  return { p: gotN ? common / gotN : 0, r: goldN ? common / goldN : 0, gotN, goldN };
}

interface PageFiles { id: string; html: string; gold: string; group: string }

function pagesIn(folder: string): PageFiles[] {
  const out: PageFiles[] = [];
  const walk = (dir: string): void => {
    const html = join(dir, 'html');
    const gold = join(dir, 'gold');
    if (existsSync(html) && existsSync(gold)) {
      for (const f of readdirSync(html).filter((x) => x.endsWith('.html')).sort()) {
        const id = f.replace(/\.html$/, '');
        const g = join(gold, `${id}.txt`);
        if (existsSync(g)) out.push({ id, html: join(html, f), gold: g, group: basename(dir) });
      }
    }
    for (const d of readdirSync(dir)) if (d !== 'html' && d !== 'gold' && statSync(join(dir, d)).isDirectory()) walk(join(dir, d));
  };
  walk(folder);
  return out;
}

export function goldReport(folder: string, verbose: boolean): void {
  const pages = pagesIn(folder);
  if (pages.length === 0) {
    console.error(`no html/<id>.html with gold/<id>.txt under ${folder}`);
    process.exitCode = 1;
    return;
  }
  const rows: string[][] = [['page', 'group', 'platform', 'comments', 'gold words', 'recall', 'precision', 'found', 'article P', 'article R']];
  let withGold = 0;
  let found = 0;
  let without = 0;
  let falseTriggers = 0;
  const precisions: number[] = [];
  let aP = 0;
  let aR = 0;
  for (const p of pages) {
    const goldText = readFileSync(p.gold, 'utf8');
    const { article: goldArticle, comments: goldComments } = splitGold(goldText);
    const doc = linkedomDoc(readFileSync(p.html, 'utf8'));
    const adapter = detectPage(doc);
    const { page } = extractPage(doc, undefined, adapter ?? undefined);
    // what we report of each comment: its author, time and text (the gold keeps bylines too)
    // (a machine timestamp from a datetime attribute is not what the reader sees: left out)
    const shown = (t?: string): string => (t && !/^\d{4}-\d{2}-\d{2}T/.test(t) ? t : '');
    const reported = page.comments.map((c) => `${c.author}\n${shown(c.time)}\n${c.text}`).join('\n');
    const c = bagPR(reported, goldComments);
    const a = bagPR(page.article.paragraphs.join('\n'), goldArticle);
    aP += a.p;
    aR += a.r;
    const hasGold = c.goldN > 0;
    const any = page.comments.length > 0;
    let mark = '';
    if (hasGold) {
      withGold++;
      if (c.r >= 0.5) found++;
      mark = c.r >= 0.5 ? 'yes' : 'no';
      if (any) precisions.push(c.p);
    } else {
      without++;
      if (any) falseTriggers++;
      mark = any ? 'FALSE' : '-';
    }
    rows.push([p.id, p.group, adapter?.id ?? '-', String(page.comments.length), String(c.goldN), hasGold ? c.r.toFixed(2) : '', any ? c.p.toFixed(2) : '', mark, a.p.toFixed(2), a.r.toFixed(2)]);
  }
  if (verbose) {
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const r of rows) console.log(r.map((x, i) => x.padEnd(widths[i]!)).join('  '));
    console.log('');
  }
  const meanP = precisions.length ? precisions.reduce((s, x) => s + x, 0) / precisions.length : 0;
  console.log(`${folder}: ${pages.length} pages`);
  console.log(`comments found (recall >= 0.5): ${found} of ${withGold} pages with gold comments (${((100 * found) / Math.max(1, withGold)).toFixed(0)}%)`);
  console.log(`mean comment precision where comments were reported: ${meanP.toFixed(2)} (${precisions.length} pages)`);
  console.log(`false triggers: ${falseTriggers} of ${without} pages without gold comments`);
  console.log(`article tokens: mean precision ${(aP / pages.length).toFixed(2)}, mean recall ${(aR / pages.length).toFixed(2)}`);
}
