// ItemIndex answers "whose is this element?" by native closest() when it knows the item selector;
// it must give the memoised walk's answers, passing over a matching ancestor that is no item.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { normalizeLines } from '../../../src/sites/dom';
import { ItemIndex } from '../../../src/sites/item-index';
import { happyDoc, linkedomDoc } from '../../../scripts/lib/dom-impls';

const HTML = `<html><body><ol>
  <li class="comment" id="a"><p class="t">a</p><ol class="children">
    <li class="comment pingback" id="x"><p class="t">x</p><ol>
      <li class="comment" id="b"><p class="t">b</p></li>
    </ol></li>
    <li class="comment" id="c"><p class="t">c</p></li>
  </ol></li>
  <li class="comment" id="d"><div><p class="t">d</p></div></li>
</ol><p class="t" id="outside">o</p></body></html>`;

describe.each([['linkedom', linkedomDoc], ['happy-dom', happyDoc]] as const)('ItemIndex under %s', (_name, make) => {
  test('closest() and the walk find the same owners; an excluded match is passed over', () => {
    const doc = make(HTML);
    const items = new Set([...doc.querySelectorAll('li.comment')].filter((e) => !e.classList.contains('pingback')));
    const byClosest = new ItemIndex(items, [doc], 'li.comment');
    const byWalk = new ItemIndex(items, [doc]);
    const owner = (ix: ItemIndex, id: string): string | null => ix.ownerOf(doc.getElementById(id)!)?.id ?? null;
    for (const ix of [byClosest, byWalk]) {
      expect(owner(ix, 'b')).toBe('a'); // its nearest li.comment is the excluded pingback
      expect(owner(ix, 'c')).toBe('a');
      expect(owner(ix, 'a')).toBeNull();
      expect(owner(ix, 'outside')).toBeNull();
    }
    for (const ix of [byClosest, byWalk]) {
      const texts = (id: string): string[] => ix.owned(doc.getElementById(id)!, 'p.t').map((e) => e.textContent ?? '');
      expect(texts('a')).toEqual(['a', 'x']); // the pingback's paragraph belongs to the item around it
      expect(texts('b')).toEqual(['b']);
      expect(texts('d')).toEqual(['d']);
    }
  });

  test('an index built a part at a time (warm) is the index built at once; owned() finishes one begun', () => {
    const many = `<html><body><ol>${Array.from({ length: 700 }, (_, i) => `<li class="comment" id="i${i}"><p class="t">${i}</p>${i % 3 ? '' : `<ol><li class="comment" id="r${i}"><p class="t">r${i}</p></li></ol>`}</li>`).join('')}</ol></body></html>`;
    const doc = make(many);
    const items = new Set([...doc.querySelectorAll('li.comment')]);
    const whole = new ItemIndex(items, [doc], 'li.comment');
    const parts = new ItemIndex(items, [doc], 'li.comment');
    const begun = new ItemIndex(items, [doc], 'li.comment');
    // a clock that runs out at once: the query is one call, then 256 matches per call
    let calls = 0;
    while (!parts.warm('p.t', 0, () => 0)) calls++;
    expect(calls).toBe(1 + Math.floor(933 / 256)); // 700 items + 233 replies
    expect(begun.warm('p.t', 0, () => 0)).toBe(false);
    expect(begun.warm('p.t', 0, () => 0)).toBe(false);
    for (const el of items) {
      const want = whole.owned(el, 'p.t');
      expect(parts.owned(el, 'p.t')).toEqual(want);
      expect(begun.owned(el, 'p.t')).toEqual(want);
    }
    expect(parts.warm('p.t')).toBe(true);
  });

  test('a selector the DOM rejects falls back to the walk', () => {
    const doc = make(HTML);
    const items = new Set([...doc.querySelectorAll('li.comment')]);
    const ix = new ItemIndex(items, [doc], 'li.comment:unknown-pseudo(');
    expect(ix.ownerOf(doc.getElementById('b')!)?.id).toBe('x');
  });
});

describe('normalizeLines', () => {
  // the per-line version it replaces: split on "\n", collapse and trim each line, drop empty ones
  const perLine = (s: string): string =>
    s.split('\n').map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim()).filter((line) => line !== '').join('\n');

  test('equals the per-line version on any mix of text, spaces and line breaks', () => {
    const piece = fc.constantFrom(' ', '  ', '\n', '\n\n', ' \n ', '\t', '\r', '\r\n', '\u00a0', '\u2028', '\ufeff', 'a', 'bc', '.');
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }).map((a) => a.join('')), (s) => normalizeLines(s) === perLine(s)), { numRuns: 5000 });
  });

  test('long runs of spaces', () => {
    const s = `${' \t'.repeat(50_000)}x${'\u00a0'.repeat(50_000)}\n${' \n'.repeat(50_000)}y`;
    expect(normalizeLines(s)).toBe('x\ny');
  });
});
