// readPage / readComments: the page read as a stage, the way the content script drives it a unit
// at a time in slices. It must give what the one-call extraction gives (which drains the same
// stage in one go), and tell the items and their section before the first item is read.
import { describe, expect, test } from 'vitest';
import { detectPage, extractComments, extractPage, readComments, readPage, rereadPage, type FoundItems } from '../../../src/sites/registry';
import type { Stage } from '../../../src/pipeline/stage';
import { linkedomDoc } from '../../../scripts/lib/dom-impls';
import { syntheticPage } from './synthetic';

const item = (id: number, name: string, text: string, children = ''): string =>
  `<li class="comment" id="comment-${id}"><div class="comment-author"><span class="fn">${name}</span></div>` +
  `<div class="comment-content"><p>${text}</p></div>${children}</li>`;

const page = (items: string): string =>
  `<html><body><article><h1>Bridge reopens</h1><p>The bridge reopened on Monday after two years of repairs.</p></article>` +
  `<section id="comments"><ol class="comment-list">${items}</ol></section></body></html>`;

/** Steps a stage to its end; returns its result and how many units it took. */
function step<T>(stage: Stage<T>): { value: T; units: number } {
  let units = 0;
  for (let r = stage.next(); ; r = stage.next(), units++) if (r.done) return { value: r.value, units };
}

describe('readPage', () => {
  test('unit by unit, it gives what extractPage gives; the items are told before any is read', () => {
    const doc = linkedomDoc(syntheticPage(120, 'nested'));
    const adapter = detectPage(doc) ?? undefined;
    const whole = extractPage(doc, 'https://example.org/a', adapter);
    let found: FoundItems | undefined;
    const stage = readPage(doc, 'https://example.org/a', adapter, (f) => (found = f));
    expect(found).toBeUndefined(); // a generator does nothing until driven
    stage.next();
    expect(found?.items.length).toBeGreaterThan(100);
    expect(found?.section).toBe(whole.container);
    const { value, units } = step(stage);
    expect(value).toEqual(whole);
    expect(units).toBeGreaterThan(found!.items.length); // one per item, plus the warm-ups and the article
    expect(whole.page.comments.length).toBeGreaterThan(100);
  });

  test('an item showing nothing is counted as skipped, and elements pair with comments', () => {
    const empty = '<li class="comment" id="comment-2"><div class="comment-content"></div></li>';
    const doc = linkedomDoc(page(item(1, 'ann', 'Finally.') + empty + item(3, 'bo', 'Too long.')));
    const ex = step(readPage(doc)).value;
    expect(ex.skipped).toBe(1);
    expect(ex.page.comments.map((c) => c.author)).toEqual(['ann', 'bo']);
    expect(ex.elements.map((e) => e.id)).toEqual(['comment-1', 'comment-3']);
  });
});

describe('readComments / rereadPage', () => {
  test('under a container, they give what extractComments gives, with the first read kept as the page', () => {
    const doc = linkedomDoc(page(item(1, 'ann', 'Finally.', `<ol class="children">${item(2, 'bo', 'Why?')}</ol>`) + item(3, 'cy', 'Good.')));
    const adapter = detectPage(doc)!;
    const full = extractPage(doc, undefined, adapter);
    const comments = step(readComments(doc, adapter, full.container)).value;
    expect(comments).toEqual(extractComments(doc, adapter, full.container));
    expect(comments.comments).toEqual(full.page.comments);
    expect(full.page.comments[1]?.parentId).toBe(full.page.comments[0]?.id);
    const again = step(rereadPage(doc, adapter, full.page, full.container)).value;
    expect(again.page).toEqual({ ...full.page, widgetOnly: false });
    expect(again.elements).toEqual(full.elements);
  });
});
