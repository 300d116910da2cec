// Nested replies (WordPress li.comment > ul.children > li.comment): collapsing a parent hides its
// own content only; its replies keep their own state. Checked against the real page rule.
import { expect, test } from 'vitest';
import { Window } from 'happy-dom';
import type { Stance } from '../../../src/parser/types';
import { CommentLayer } from '../../../src/ui/comments';
import { PAGE_CSS } from '../../../src/ui/styles';

/** The selectors of PAGE_CSS's display:none rules, to ask "would this element be hidden?" */
const HIDE_SELECTORS = [...PAGE_CSS.matchAll(/^\s*([^{}\n]+?)\s*\{\s*display:\s*none/gm)].map((m) => m[1]!);

function hidden(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (HIDE_SELECTORS.some((s) => e!.matches(s))) return true;
  return false;
}

test('the hide rules were found in PAGE_CSS', () => expect(HIDE_SELECTORS.length).toBe(2));

test('a collapsed parent keeps its replies (and their state); collapse all still collapses every one', () => {
  const window = new Window({ url: 'https://blog.example/post' });
  const document = window.document as unknown as Document;
  document.body.innerHTML = `<ol class="comment-list">
    <li class="comment" id="c1"><article class="comment-body"><p>parent</p></article>
      <ul class="children"><li class="comment" id="c2"><article class="comment-body"><p>reply</p></article>
        <ul class="children"><li class="comment" id="c3"><article class="comment-body"><p>reply to reply</p></article></li></ul>
      </li></ul>
    </li>
    <li class="comment" id="c4"><article class="comment-body"><p>another</p></article></li></ol>`;
  const before = document.body.outerHTML;
  const stances: Stance[] = ['support', 'neutral', 'support', 'oppose'];
  const els = ['c1', 'c2', 'c3', 'c4'].map((id) => document.getElementById(id)!);
  const layer = new CommentLayer(document, { theme: 'light', showBadges: true, onToggle: () => {} });
  layer.add(els.map((el, i) => ({ el, author: `a${i}`, label: { label: stances[i]!, confidence: 0.9, cues: [] } })));
  const body = (id: string) => document.querySelector(`#${id} > article`)!;

  // "collapse exactly support": c1 and c3 collapse, c2 (a reply of c1) stays readable.
  layer.collapseWhere((s) => s === 'support');
  expect(hidden(body('c1'))).toBe(true);
  expect(hidden(body('c2'))).toBe(false);
  expect(hidden(body('c3'))).toBe(true);
  expect(hidden(body('c4'))).toBe(false);
  // Every collapsed comment still shows its own tag (the stub).
  expect(hidden(document.querySelector('#c1 > comment-lens-tag')!)).toBe(false);
  expect(hidden(document.querySelector('#c3 > comment-lens-tag')!)).toBe(false);

  layer.collapseWhere(() => true);
  expect(['c1', 'c2', 'c3', 'c4'].map((id) => hidden(body(id)))).toEqual([true, true, true, true]);
  layer.collapseWhere(() => false);
  expect(['c1', 'c2', 'c3', 'c4'].map((id) => hidden(body(id)))).toEqual([false, false, false, false]);

  layer.destroy();
  expect(document.body.outerHTML).toBe(before);
  window.close();
});
