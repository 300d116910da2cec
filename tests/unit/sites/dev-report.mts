// Dev aid (not a test): per-fixture table under linkedom: adapter, comments found/expected
// (reviewed figure where index.json has one), widget flag, article token F1 vs Readability.
import { readFileSync } from 'node:fs';
import { detectPage, extractPage } from '../../../src/sites/registry';
import { linkedomDoc } from './dom-impls';
import { tokenF1 } from './f1';

const index = JSON.parse(readFileSync('tests/fixtures/index.json', 'utf8'));
const only = process.argv[2];
for (const p of index) {
  if (only && !p.slug.includes(only)) continue;
  const doc = linkedomDoc(readFileSync(`tests/fixtures/${p.category}/${p.slug}.html`, 'utf8'));
  const a = detectPage(doc);
  const ex = extractPage(doc, undefined, a ?? undefined);
  let f1 = '';
  if (p.hasExpected) {
    const ref = linkedomDoc(readFileSync(`tests/fixtures/${p.category}/${p.slug}.expected.html`, 'utf8')).documentElement.textContent ?? '';
    f1 = tokenF1(ex.page.article.paragraphs.join('\n'), ref).toFixed(3);
  }
  const want = p.review?.comments ?? p.comments;
  console.log([p.category, p.slug, a?.id ?? '-', `${ex.page.comments.length}/${want}${p.review?.comments !== undefined ? ` (index ${p.comments})` : ''}`, ex.page.widgetOnly ? 'widget' : '', ex.page.statedCount ?? '', f1].join('\t'));
}
