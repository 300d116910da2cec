// Long threads: tags are built when their comment nears the viewport, while every comment still
// gets its data-lens-* hooks at once. Only every STRIDE-th comment is observed (lazy-tags.ts); a
// scroll looks up the stretch at the viewport. Layout is simulated: happy-dom lays nothing out.
import { expect, test } from 'vitest';
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { CommentLayer, LAZY_TAGS_ABOVE } from '../../../src/ui/comments';
import { STRIDE } from '../../../src/ui/lazy-tags';

const MARGIN = 1500;

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
    this.cb(els.filter((el) => this.observed.has(el)).map((target) => ({ target, isIntersecting: true })));
  }
}

/** A page of `heights.length` comments in one list, laid out top to bottom, with a scroll offset. */
function setup(heights: number[]) {
  const window = new Window({ url: 'https://x.example/', width: 1024, height: 800 });
  const w = window as unknown as Record<string, unknown>;
  w.IntersectionObserver = FakeIO;
  const frames: Array<() => void> = [];
  w.requestAnimationFrame = (cb: () => void) => frames.push(cb);
  w.cancelAnimationFrame = (id: number) => void (frames[id - 1] = () => {});
  const document = window.document as unknown as Document;
  const list = document.createElement('ol');
  const height = new Map<Element, number>();
  const make = (h: number, i: number) => {
    const li = document.createElement('li');
    li.append(Object.assign(document.createElement('p'), { textContent: `comment ${i}` }));
    height.set(li, h);
    return li;
  };
  heights.forEach((h, i) => list.append(make(h, i)));
  document.body.append(list);
  const view = { y: 0, hidden: new Set<Element>() };
  // Our tags take no height (expanded); comments stack in document order.
  (window.HTMLElement.prototype as unknown as { getBoundingClientRect: () => unknown }).getBoundingClientRect = function (this: Element) {
    let top = -view.y;
    for (const el of list.children) {
      const h = view.hidden.has(el) ? 0 : (height.get(el) ?? 0);
      if (el === this) return view.hidden.has(el) ? { top: 0, bottom: 0, width: 0, height: 0 } : { top, bottom: top + h, width: 500, height: h };
      top += h;
    }
    return { top: 0, bottom: 0, width: 0, height: 0 };
  };
  const rect = (el: Element) => el.getBoundingClientRect();
  const layer = new CommentLayer(document, { theme: 'light', showBadges: true, onToggle: () => {} });
  const item = (el: Element, i: number) => ({ el, author: `a${i}`, label: { label: (i % 2 ? 'oppose' : 'support') as 'oppose' | 'support', confidence: 0.9, cues: [] } });
  const tagged = (el: Element) => el.querySelector(':scope > comment-lens-tag') !== null;
  /** What a browser does on a scroll: the scroll event, then its frame. */
  const scrollTo = (y: number) => {
    view.y = y;
    document.dispatchEvent(new window.Event('scroll') as unknown as Event);
    for (const f of frames.splice(0)) f();
  };
  /** ... and after that frame, the observer's report on the markers within its margins. */
  const report = () => {
    const near = [...FakeIO.last!.observed].filter((el) => {
      const r = rect(el);
      return (r.width || r.height) && r.bottom >= -MARGIN && r.top <= 800 + MARGIN;
    });
    FakeIO.last!.fire(near);
  };
  const untaggedWithin = (margin: number) => [...list.children].filter((el) => {
    const r = rect(el);
    return (r.width || r.height) && r.bottom > -margin && r.top < 800 + margin && !tagged(el);
  });
  const onScreenUntagged = () => untaggedWithin(0);
  return { window, document, list, layer, item, tagged, scrollTo, report, onScreenUntagged, untaggedWithin, view, frames, make };
}

test('tags appear near the viewport or on focus; hooks and collapse work on all; destroy undoes all', () => {
  const n = LAZY_TAGS_ABOVE + 1;
  const { window, document, list, layer, item, tagged, scrollTo, report, frames } = setup(Array.from({ length: n }, () => 100));
  const before = document.body.outerHTML;
  const els = [...list.children];
  layer.expect(n);
  layer.add(els.map(item));
  expect(els.every((e) => e.hasAttribute('data-lens-stance'))).toBe(true);
  expect(document.querySelectorAll('comment-lens-tag').length).toBe(0);
  // One marker per STRIDE comments, not one target per comment.
  expect(FakeIO.last!.observed.size).toBe(Math.ceil(n / STRIDE));

  layer.collapseWhere(() => true);
  // Collapse needs no tag: the attribute and the page rule hide the comment.
  expect(els.every((e) => e.getAttribute('data-lens-collapsed') === 'true')).toBe(true);
  FakeIO.last!.fire([els[STRIDE]!]);
  // The marker tags the comments from the marker before it to the marker after it.
  expect(els.map(tagged).filter(Boolean).length).toBe(2 * STRIDE);
  expect(els.slice(0, 2 * STRIDE).every(tagged)).toBe(true);
  // A tag built late shows the state its comment is already in.
  expect(els[3]!.querySelector('comment-lens-tag')!.getAttribute('data-collapsed')).toBe('true');
  expect(FakeIO.last!.observed.has(els[STRIDE]!)).toBe(false);

  layer.focus(200);
  expect(tagged(els[200]!)).toBe(true);

  layer.destroy();
  expect(FakeIO.last!.observed.size).toBe(0);
  // No listener left: a scroll schedules no frame.
  scrollTo(5000);
  report();
  expect(frames.length).toBe(0);
  expect(document.body.outerHTML).toBe(before);
  window.close();
});

test('held (the first pass): comments come in marked, nothing is watched or tagged; release tags the screen in one frame', () => {
  const n = 1000;
  const { window, list, layer, item, tagged, scrollTo, report, frames, onScreenUntagged } = setup(Array.from({ length: n }, () => 100));
  const els = [...list.children];
  layer.hold();
  layer.expect(n);
  for (let from = 0; from < n; from += 250) layer.add(els.slice(from, from + 250).map((el, k) => item(el, from + k)));
  expect(els.every((e) => e.hasAttribute('data-lens-stance'))).toBe(true);
  expect(FakeIO.last!.observed.size).toBe(0);
  expect(frames.length).toBe(0);
  scrollTo(3000);
  report();
  expect(els.some(tagged)).toBe(false);
  // The page took a comment out meanwhile: it is forgotten, not tagged later.
  els[40]!.remove();
  layer.prune();
  layer.release();
  expect(FakeIO.last!.observed.size).toBe(Math.ceil((n - 1) / STRIDE));
  expect(frames.length).toBe(1);
  scrollTo(3000);
  expect(onScreenUntagged()).toEqual([]);
  expect(tagged(els[40]!)).toBe(false);
  window.close();
});

test('held, and a comment collapses: the hold ends, so its stub can come', () => {
  const n = 400;
  const { window, list, layer, item, frames } = setup(Array.from({ length: n }, () => 100));
  const els = [...list.children];
  layer.hold();
  layer.expect(n);
  layer.add(els.map(item));
  expect(FakeIO.last!.observed.size).toBe(0);
  layer.setCollapsed(3, true);
  expect(FakeIO.last!.observed.size).toBe(Math.ceil(n / STRIDE));
  expect(frames.length).toBe(1);
  window.close();
});

test('a short thread that live updates grow past the bound: the comments from then on are tagged lazily', () => {
  const n = LAZY_TAGS_ABOVE + 200;
  const { window, list, layer, item, tagged } = setup(Array.from({ length: n }, () => 100));
  const els = [...list.children];
  layer.expect(100);
  layer.add(els.slice(0, 100).map(item));
  expect(els.slice(0, 100).every(tagged)).toBe(true);
  layer.add(els.slice(100).map((el, k) => item(el, 100 + k)));
  expect(els.slice(100).every((e) => e.hasAttribute('data-lens-stance'))).toBe(true);
  expect(els.slice(100).some(tagged)).toBe(false);
  expect(FakeIO.last!.observed.size).toBeGreaterThan(0);
  window.close();
});

test('a jump lands tagged in its first frame, also inside a stretch taller than the margins', () => {
  const n = 400;
  const { window, list, layer, item, scrollTo, onScreenUntagged } = setup(Array.from({ length: n }, () => 900));
  layer.expect(n);
  layer.add([...list.children].map(item));
  // STRIDE comments of 900 px: markers ~14,000 px apart, wider than the viewport and both margins.
  for (const y of [50_000, 123_456, 7_000, 359_000, 0]) {
    scrollTo(y);
    expect(onScreenUntagged()).toEqual([]);
  }
  window.close();
});

test('a comment the page inserts into a stretch already tagged is tagged when it nears the screen', () => {
  const n = 400;
  const { window, list, layer, item, tagged, scrollTo, report, make } = setup(Array.from({ length: n }, () => 100));
  layer.expect(n);
  layer.add([...list.children].map(item));
  scrollTo(10_000);
  report();
  // Comment 110 (y 11,000) is tagged, as are its stretch's bounding markers: none is watched now.
  expect(tagged(list.children[110]!)).toBe(true);
  const li = make(100, 999);
  list.insertBefore(li, list.children[110]!);
  layer.add([item(li, n)]);
  // Off screen (1,000 px below), within the margin: no scroll, only the observer tags it.
  report();
  expect(tagged(li)).toBe(true);
  window.close();
});

test('any layout, hidden comments, scroll jumps and comments inserted anywhere later: what is on screen is tagged', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 1, max: 2500 }), { minLength: LAZY_TAGS_ABOVE + 1, maxLength: 700 }),
      fc.oneof(fc.constant([]), fc.array(fc.nat(), { maxLength: 40 })),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 2500 })), { maxLength: 60 }),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }),
      (heights, hide, inserts, jumps) => {
        const { window, list, layer, item, scrollTo, report, onScreenUntagged, untaggedWithin, view, make } = setup(heights);
        const els = [...list.children];
        // The page hides some (its own collapsed replies, say): a hidden marker never reports.
        for (const h of hide) view.hidden.add(els[h % els.length]!);
        layer.expect(els.length);
        layer.add(els.map(item));
        const total = () => heights.reduce((a, b) => a + b, 0) + inserts.reduce((a, [, h]) => a + h, 0);
        const check = () => {
          for (const j of jumps) {
            scrollTo(Math.floor(j * total()));
            // In the frame of the jump, before the observer reports.
            expect(onScreenUntagged()).toEqual([]);
            report();
            // Then a screen or two ahead (a marker the page hides does not report: no promise there).
            if (view.hidden.size === 0) expect(untaggedWithin(MARGIN - 100)).toEqual([]);
          }
        };
        check();
        // A live update: new comments anywhere in the thread, added after all the others.
        const added = inserts.map(([at, h], k) => {
          const li = make(h, 10_000 + k);
          list.insertBefore(li, list.children[at % (list.children.length + 1)] ?? null);
          return li;
        });
        layer.add(added.map((el, k) => item(el, els.length + k)));
        check();
        layer.destroy();
        window.close();
      },
    ),
    { numRuns: 40 },
  );
});
