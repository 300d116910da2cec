// follows(): document order by a short sibling walk where it can (Chromium's
// compareDocumentPosition walks a long list from its first child), the DOM's answer otherwise.
// Checked against compareDocumentPosition on random trees, near and far pairs alike.
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { describe, expect, test } from 'vitest';
import { follows } from '../../../src/ui/doc-order';

/** A random tree: shape[i] is the index of node i's parent among the nodes before it. */
function build(shape: number[]): Element[] {
  const doc = new Window().document;
  const els: Element[] = [doc.body as unknown as Element];
  for (const p of shape) {
    const e = doc.createElement('li') as unknown as Element;
    els[p % els.length]!.append(e);
    els.push(e);
  }
  return els;
}

describe('follows', () => {
  test('agrees with compareDocumentPosition on random trees (siblings near and far, nesting, ancestors)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 120 }), fc.nat(), fc.nat(), (shape, i, j) => {
        const els = build(shape);
        const a = els[i % els.length]!;
        const b = els[j % els.length]!;
        expect(follows(a, b)).toBe((b.compareDocumentPosition(a) & 4) !== 0);
      }),
      { numRuns: 2000 },
    );
  });

  test('a long flat list: far-apart pairs (beyond the short walk) still get the right order', () => {
    const els = build(Array.from({ length: 200 }, () => 0)).slice(1);
    expect(follows(els[150]!, els[3]!)).toBe(true);
    expect(follows(els[3]!, els[150]!)).toBe(false);
    expect(follows(els[4]!, els[3]!)).toBe(true);
    expect(follows(els[3]!, els[3]!)).toBe(false);
  });
});
