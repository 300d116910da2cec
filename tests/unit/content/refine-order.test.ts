// The refined pass's order: on screen, then below, then above, each in page order; found with a
// few rectangle reads (binary searches), not one per comment.
import { expect, test } from 'vitest';
import { refineOrder } from '../../../src/content/refine-order';
import type { StanceLabel, Thread } from '../../../src/parser/types';

const label: StanceLabel = { label: 'support', confidence: 0.8, cues: [] };

/** n comments stacked 100 px apart, the screen scrolled to `scroll`, 300 px high; `hidden` have no box. */
function page(n: number, scroll: number, hidden = new Set<number>()) {
  let reads = 0;
  const elements = Array.from({ length: n }, (_, i) => ({
    getBoundingClientRect: () => {
      reads++;
      const h = hidden.has(i) ? 0 : 100;
      const top = hidden.has(i) ? 0 : i * 100 - scroll;
      return { top, bottom: top + h, width: h ? 500 : 0, height: h } as DOMRect;
    },
  })) as unknown as Element[];
  const thread: Thread = { article: { title: 't', paragraphs: [] }, comments: Array.from({ length: n }, (_, i) => ({ id: `c${i}`, author: 'a', text: 'x' })) };
  return { elements, thread, reads: () => reads };
}
const win = { innerHeight: 300 } as Window;

test.each([
  // scroll, expected order head
  [0, [0, 1, 2, 3, 4]], // 0..2 on screen (3 starts at 300: on its edge, counted on), then below
  [1000, [9, 10, 11, 12, 13]],
])('scrolled to %d px: on screen first, then below, then above', (scroll, head) => {
  const p = page(40, scroll);
  const order = refineOrder(p.thread, p.thread.comments.map(() => label), p.elements, win);
  expect(order.slice(0, head.length)).toEqual(head);
  expect([...order].sort((a, b) => a - b)).toEqual([...Array(40).keys()]);
  // what was above comes last, in page order
  if (scroll === 1000) expect(order.slice(-9)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
});

test('10,000 comments: a few dozen rectangle reads, not one per comment', () => {
  const p = page(10_000, 500_000);
  const order = refineOrder(p.thread, p.thread.comments.map(() => label), p.elements, win);
  expect(order.slice(0, 4)).toEqual([4_999, 5_000, 5_001, 5_002]);
  expect(order.at(-1)).toBe(4_998);
  expect(p.reads()).toBeLessThan(100);
});

test('comments without a box (collapsed, hidden) are passed over to the next one that has one', () => {
  const p = page(40, 1000, new Set([8, 9, 10, 11]));
  const order = refineOrder(p.thread, p.thread.comments.map(() => label), p.elements, win);
  expect(order.slice(0, 6)).toEqual([8, 9, 10, 11, 12, 13]);
});

test('refined, deleted, textless and unread comments are left out; no window: page order', () => {
  const p = page(6, 0);
  const labels = [label, { ...label, pass: 'refined' as const }, label, label, label, label];
  p.thread.comments[2]!.placeholder = 'deleted';
  p.thread.comments[5]!.text = ' \n ';
  expect(refineOrder(p.thread, labels, p.elements, null)).toEqual([0, 3, 4]);
});

test('a thread whose page gave no article text: nothing to refine (nothing to set the comments against)', () => {
  const p = page(3, 0);
  p.thread.article = { title: ' ', paragraphs: ['', ' '] };
  expect(refineOrder(p.thread, p.thread.comments.map(() => label), p.elements, win)).toEqual([]);
  p.thread.article = { paragraphs: ['The plan passed.'] };
  expect(refineOrder(p.thread, p.thread.comments.map(() => label), p.elements, win)).toEqual([0, 1, 2]);
});
