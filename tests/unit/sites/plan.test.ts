// planPage / planComments: the staged extraction the content script reads in slices. Read item by
// item it must give what the one-call extraction gives (which runs the same plan in one loop).
import { describe, expect, test } from 'vitest';
import { detectPage, extractComments, extractPage, planComments, planPage } from '../../../src/sites/registry';
import type { RawComment } from '../../../src/parser/types';
import { linkedomDoc } from './dom-impls';
import { syntheticPage } from './synthetic';

const item = (id: number, name: string, text: string, children = ''): string =>
  `<li class="comment" id="comment-${id}"><div class="comment-author"><span class="fn">${name}</span></div>` +
  `<div class="comment-content"><p>${text}</p></div>${children}</li>`;

const page = (items: string): string =>
  `<html><body><article><h1>Bridge reopens</h1><p>The bridge reopened on Monday after two years of repairs.</p></article>` +
  `<section id="comments"><ol class="comment-list">${items}</ol></section></body></html>`;

describe('planPage', () => {
  test('read item by item, it gives what extractPage gives: comment k is the k-th non-null read', () => {
    const doc = linkedomDoc(syntheticPage(120, 'nested'));
    const adapter = detectPage(doc) ?? undefined;
    const whole = extractPage(doc, 'https://example.org/a', adapter);
    const plan = planPage(doc, 'https://example.org/a', adapter);
    const read: RawComment[] = [];
    const kept: Element[] = [];
    plan.items.forEach((el, i) => {
      const c = plan.read(i);
      if (!c) return;
      read.push(c);
      kept.push(el);
    });
    const ex = plan.finish();
    expect(ex).toEqual(whole);
    expect(read).toEqual(whole.page.comments);
    expect(kept).toEqual(whole.elements);
    expect(whole.page.comments.length).toBeGreaterThan(100);
  });

  test('the warm-up steps, run first as the content script does, change nothing in the result', () => {
    const doc = linkedomDoc(syntheticPage(60, 'nested'));
    const adapter = detectPage(doc) ?? undefined;
    const whole = extractPage(doc, undefined, adapter);
    const plan = planPage(doc, undefined, adapter);
    expect(plan.prepare.length).toBeGreaterThan(0);
    for (const step of plan.prepare) while (step() === false);
    for (let i = 0; i < plan.items.length; i++) plan.read(i);
    expect(plan.finish()).toEqual(whole);
  });

  test('an item showing nothing reads as null and is counted as skipped', () => {
    const empty = '<li class="comment" id="comment-2"><div class="comment-content"></div></li>';
    const doc = linkedomDoc(page(item(1, 'ann', 'Finally.') + empty + item(3, 'bo', 'Too long.')));
    const plan = planPage(doc);
    expect(plan.items.length).toBe(3);
    expect(plan.section?.id).toBe('comments');
    expect(plan.read(0)?.author).toBe('ann');
    expect(plan.read(1)).toBeNull();
    expect(plan.read(2)?.text).toBe('Too long.');
    const ex = plan.finish();
    expect(ex.skipped).toBe(1);
    expect(ex.elements.map((e) => e.id)).toEqual(['comment-1', 'comment-3']);
  });

  test('items are read in order only: a parent is an earlier item', () => {
    const doc = linkedomDoc(page(item(1, 'ann', 'Finally.') + item(2, 'bo', 'Too long.')));
    const plan = planPage(doc);
    expect(() => plan.read(1)).toThrow(/in order/);
    expect(plan.read(0)?.author).toBe('ann');
    expect(() => plan.read(0)).toThrow(/in order/);
  });
});

describe('planComments', () => {
  test('read item by item under a container, it gives what extractComments gives', () => {
    const doc = linkedomDoc(page(item(1, 'ann', 'Finally.', `<ol class="children">${item(2, 'bo', 'Why?')}</ol>`) + item(3, 'cy', 'Good.')));
    const adapter = detectPage(doc)!;
    const full = extractPage(doc, undefined, adapter);
    const plan = planComments(doc, adapter, full.container);
    expect(plan.section).toBe(full.container);
    for (let i = 0; i < plan.items.length; i++) plan.read(i);
    expect(plan.finish()).toEqual(extractComments(doc, adapter, full.container));
    expect(plan.finish().comments).toEqual(full.page.comments);
    expect(full.page.comments[1]?.parentId).toBe(full.page.comments[0]?.id);
  });
});
