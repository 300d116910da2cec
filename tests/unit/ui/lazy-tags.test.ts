// Long threads: tags are built when their comment nears the viewport (IntersectionObserver),
// while every comment still gets its data-lens-* hooks at once.
import { expect, test } from 'vitest';
import { Window } from 'happy-dom';
import { CommentLayer, LAZY_TAGS_ABOVE } from '../../../src/ui/comments';

class FakeIO {
  static last: FakeIO | undefined;
  observed = new Set<Element>();
  constructor(private cb: (r: Array<{ target: Element; isIntersecting: boolean }>) => void) {
    FakeIO.last = this;
  }
  observe(el: Element) {
    this.observed.add(el);
  }
  unobserve(el: Element) {
    this.observed.delete(el);
  }
  disconnect() {
    this.observed.clear();
  }
  fire(els: Element[]) {
    this.cb(els.map((target) => ({ target, isIntersecting: true })));
  }
}

test('tags appear on intersection or focus; hooks and collapse work on all; destroy undoes all', () => {
  const window = new Window({ url: 'https://x.example/' });
  (window as unknown as { IntersectionObserver: unknown }).IntersectionObserver = FakeIO;
  const document = window.document as unknown as Document;
  const n = LAZY_TAGS_ABOVE + 1;
  const list = document.createElement('ol');
  for (let i = 0; i < n; i++) {
    const li = document.createElement('li');
    li.append(Object.assign(document.createElement('p'), { textContent: `comment ${i}` }));
    list.append(li);
  }
  document.body.append(list);
  const before = document.body.outerHTML;
  const els = [...list.children];
  const layer = new CommentLayer(document, { theme: 'light', showBadges: true, onToggle: () => {} });
  layer.expect(n);
  layer.add(els.map((el, i) => ({ el, author: `a${i}`, label: { label: i % 2 ? 'oppose' : 'support', confidence: 0.9, cues: [] } })));
  expect(els.every((e) => e.hasAttribute('data-lens-stance'))).toBe(true);
  expect(document.querySelectorAll('comment-lens-tag').length).toBe(0);
  expect(FakeIO.last!.observed.size).toBe(n);

  layer.collapseWhere(() => true);
  FakeIO.last!.fire([els[3]!, els[4]!]);
  const tags = document.querySelectorAll('comment-lens-tag');
  expect(tags.length).toBe(2);
  // A tag built late shows the state its comment is already in.
  expect(tags[0]!.getAttribute('data-collapsed')).toBe('true');
  expect(FakeIO.last!.observed.has(els[3]!)).toBe(false);

  layer.focus(200);
  expect(els[200]!.querySelector('comment-lens-tag')).not.toBeNull();
  expect(els.every((e) => e.getAttribute('data-lens-collapsed') === 'true')).toBe(true);

  layer.destroy();
  expect(FakeIO.last!.observed.size).toBe(0);
  expect(document.body.outerHTML).toBe(before);
  window.close();
});
