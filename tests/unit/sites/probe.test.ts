// The cheap probe must never miss: wherever a detect/widget selector matches, probe() is true and
// that selector is among candidates(); nativeProbe (the same keys asked of the DOM one by one)
// never misses either and, on the saved pages, answers exactly as the walk does.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { ADAPTERS, generic } from '../../../src/sites/registry';
import { buildKeys, candidates, nativeProbe, probe, splitList } from '../../../src/sites/probe';
import { linkedomDoc } from '../../../scripts/lib/dom-impls';

const all = [...ADAPTERS, generic];
const selectors = all.flatMap((a) => [a.detect ?? '', ...(a.widget ?? [])]).concat(generic.container ?? []).filter(Boolean);
const keys = buildKeys(selectors);
function matchesSomewhere(doc: Document, s: string): boolean {
  try {
    return doc.querySelector(s) !== null;
  } catch {
    return false;
  }
}
const page = (body: string): Document => linkedomDoc(`<html><body><p>x</p>${body}</body></html>`);

describe('probe', () => {
  test('splitList keeps commas inside attribute values', () => {
    expect(splitList('a, [x="1,2"] b,c')).toEqual(['a', '[x="1,2"] b', 'c']);
  });

  test.each([
    ['<div id="disqus_thread"></div>'],
    ['<ol class="comment-list"><li class="comment" id="comment-1"></li></ol>'],
    ['<li id="comment-9"></li>'],
    ['<div itemscope itemtype="https://schema.org/Comment"></div>'],
    ['<shreddit-comment></shreddit-comment>'],
    ['<iframe src="https://disqus.com/embed/comments/?x"></iframe>'],
    ['<div data-spotim-module="conversation"></div>'],
    ['<span id="dna-comment-count___CPS__1"></span>'],
    ['<div id="comments"><a href="/member/bob">bob</a></div>'],
  ])('finds %s', (html) => {
    expect(probe(page(html), keys)).toBe(true);
  });

  test('stays quiet on an article without comment markup', () => {
    expect(probe(page('<article><h1>t</h1><p class="lede" id="p1">a</p><a href="/x">x</a></article>'), keys)).toBe(false);
  });

  const index: { slug: string; category: string }[] = JSON.parse(readFileSync('tests/fixtures/index.json', 'utf8'));
  test.each(index.map((p) => [p.category, p.slug]))('no miss on %s/%s', (category, slug) => {
    const doc = linkedomDoc(readFileSync(`tests/fixtures/${category}/${slug}.html`, 'utf8'));
    const anyMatch = selectors.some((s) => matchesSomewhere(doc, s));
    if (anyMatch) expect(probe(doc, keys)).toBe(true);
    // per selector too: detectPage queries only the candidates, so a matching one must be among them
    const maybe = candidates(doc, keys);
    for (const s of selectors.flatMap(splitList)) if (matchesSomewhere(doc, s)) expect(maybe.has(s), s).toBe(true);
    const native = nativeProbe(doc, keys);
    expect(keys.selectors.filter(native)).toEqual(keys.selectors.filter((s) => maybe.has(s)));
  });

  test.each([
    ['<div id="disqus_thread"></div>', '#disqus_thread'],
    ['<ol class="x comment-list"><li class="comment" id="comment-1"></li></ol>', '.comment-list > .comment'],
    ['<span id="dna-comment-count___CPS__1"></span>', '[id^="dna-comment-count"]'],
    ['<div itemscope itemtype="https://schema.org/Comment"></div>', '[itemtype*="schema.org/Comment"]'],
    ['<shreddit-comment></shreddit-comment>', 'shreddit-comment'],
    ['<div data-spotim-module="conversation"></div>', '[data-spotim-module="conversation"]'],
  ])('nativeProbe finds %s', (html, selector) => {
    const native = nativeProbe(page(html), keys);
    expect(native(selector)).toBe(true);
    expect(native('#coral_thread')).toBe(false);
    expect(native('.fyre-comment-wrapper')).toBe(false);
  });

  test('candidates narrow the real queries to the selectors whose key is present', () => {
    const maybe = candidates(page('<div id="comments"></div><span class="comment-count">3</span>'), keys);
    expect(maybe.has('#comments')).toBe(true);
    expect(maybe.has('#disqus_thread')).toBe(false);
    expect(maybe.has('li.comment')).toBe(false);
  });
});
