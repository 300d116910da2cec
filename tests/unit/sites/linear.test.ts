// extractPage / extractComments do linear work: ten times the comments costs about ten times the
// DOM calls, never a hundred. Counted (queries, matches, ancestor and child steps, and every
// element a query or child list hands back), never timed.
import { describe, expect, test } from 'vitest';
import { detectPage, extractComments, extractPage } from '../../../src/sites/registry';
import { detectStage } from '../../../src/sites/detect';
import { linkedomDoc } from '../../../scripts/lib/dom-impls';
import { syntheticPage } from './synthetic';

const COUNTED = ['querySelectorAll', 'querySelector', 'matches', 'closest', 'contains', 'compareDocumentPosition'] as const;
const GETTERS = ['parentElement', 'children', 'textContent', 'nextElementSibling', 'previousElementSibling', 'firstChild', 'nextSibling'] as const;

/** Runs `fn` with every counted method and getter on the document's node prototypes wrapped. */
function countCalls(doc: Document, fn: () => void): number {
  let n = 0;
  // a call costs one, plus one per element it hands back (a list of 10,000 children is no single step)
  const touched = (r: unknown): unknown => {
    n += 1 + (r && typeof r === 'object' && 'length' in r ? Number((r as { length: number }).length) : 0);
    return r;
  };
  const undo: (() => void)[] = [];
  const protos = new Set<object>();
  for (let p: object | null = Object.getPrototypeOf(doc.body); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) protos.add(p);
  for (let p: object | null = Object.getPrototypeOf(doc); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) protos.add(p);
  for (const proto of protos) {
    for (const name of [...COUNTED, ...GETTERS]) {
      const d = Object.getOwnPropertyDescriptor(proto, name);
      if (!d) continue;
      const wrapped: PropertyDescriptor = { ...d };
      if (typeof d.value === 'function') {
        const f = d.value as (...a: unknown[]) => unknown;
        wrapped.value = function (this: unknown, ...a: unknown[]) { return touched(f.apply(this, a)); };
      } else if (d.get) {
        const g = d.get;
        wrapped.get = function (this: unknown) { return touched(g.call(this)); };
      } else continue;
      Object.defineProperty(proto, name, wrapped);
      undo.push(() => Object.defineProperty(proto, name, d));
    }
  }
  try {
    fn();
  } finally {
    for (const u of undo) u();
  }
  return n;
}

describe.each(['flat', 'nested'] as const)('%s WordPress list', (shape) => {
  const work = (n: number): { page: number; reread: number } => {
    const doc = linkedomDoc(syntheticPage(n, shape));
    const adapter = detectPage(doc)!;
    let container: Element | null = null;
    const page = countCalls(doc, () => {
      const ex = extractPage(doc, undefined, adapter);
      expect(ex.page.comments).toHaveLength(n);
      container = ex.container;
    });
    const reread = countCalls(doc, () => {
      expect(extractComments(doc, adapter, container).comments).toHaveLength(n);
    });
    return { page, reread };
  };

  test('10x the comments costs at most ~10x the DOM calls', () => {
    const small = work(300);
    const big = work(3000);
    expect(small.page).toBeGreaterThan(0); // the counter sees the calls at all
    expect(big.page / small.page).toBeLessThan(12);
    expect(big.reread / small.reread).toBeLessThan(12);
  });
});

describe.each(['flat', 'nested'] as const)('%s WordPress list read by the structural finder alone', (shape) => {
  const work = (n: number): number => {
    const doc = linkedomDoc(syntheticPage(n, shape).replace('<html>', '<html data-comment-lens-adapters="off">'));
    return countCalls(doc, () => {
      const adapter = detectPage(doc)!;
      expect(adapter.id).toBe('finder');
      expect(extractPage(doc, undefined, adapter).page.comments).toHaveLength(n);
    });
  };

  // The finder once took every comment's comment-named parts (div.comment-content …) for lone
  // one-comment candidates, and compared each passing candidate with each other: 0.6 s at 1,000
  // comments in Chromium, 15-20 s at 10,000.
  test('10x the comments costs at most ~10x the DOM calls', () => {
    const small = work(300);
    const big = work(3000);
    expect(small).toBeGreaterThan(0);
    expect(big / small).toBeLessThan(12);
  });
});

test('detection yields only where the finder walks: the content script runs that part in slices', () => {
  const steps = (html: string): number => {
    const st = detectStage(linkedomDoc(html));
    let n = 0;
    while (!st.next().done) n++;
    return n;
  };
  const html = syntheticPage(1000, 'nested');
  expect(steps(html)).toBe(0); // an adapter knows it: answered at once
  expect(steps(html.replace('<html>', '<html data-comment-lens-adapters="off">'))).toBeGreaterThan(20);
});
