// Where a comment's tag goes, and the page rules that arrive only once something can match them.
import { afterEach, expect, test } from 'vitest';
import { Window } from 'happy-dom';
import { defaultSettings } from '../../../src/options/schema';
import { LensUI } from '../../../src/ui/lens-ui';
import { placementFor } from '../../../src/ui/tag';
import { makePage } from './dom-page';

let cleanup = (): void => {};
afterEach(() => cleanup());

test.each([
  ['<div><p>text in a child</p></div>', 'inside'],
  ['<div>\n  <p>whitespace text only</p>\n</div>', 'inside'],
  ['<div>bare <i>text</i></div>', 'before'],
  ['<div><p>x</p>\u00a0tail</div>', 'before'],
  ['<table><tbody><tr><td>row</td></tr></tbody></table>', 'before'],
  ['<ul><li>list</li></ul>', 'before'],
  ['<article></article>', 'inside'],
])('placementFor(%j) = %s', (html, want) => {
  const window = new Window();
  cleanup = () => window.close();
  const doc = window.document as unknown as Document;
  doc.body.innerHTML = html; // test fixture markup, not page text
  expect(placementFor(doc.body.firstElementChild!)).toBe(want);
});

test('the page sheet holds no rule until a comment is collapsed', () => {
  const { window, document } = makePage();
  cleanup = () => window.close();
  const ui = new LensUI(document, defaultSettings(), new AbortController().signal, () => {});
  const els = [...document.querySelectorAll('li.comment')];
  ui.addComments(els.map((el, i) => ({ el, author: `a${i}`, label: { label: 'support', confidence: 0.9, cues: [] } })));
  const rules = () => document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n');
  expect(rules()).not.toContain('data-lens');
  ui.layer.setCollapsed(1, true);
  expect(rules()).toContain('data-lens-collapsed');
  expect(els[1]!.getAttribute('data-lens-collapsed')).toBe('true');
});
