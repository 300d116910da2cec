// The top frame's panel showing comment frames' reports, relaying its bulk actions to them; and
// the headless UI a frame runs (badges and collapse, no panel of its own).
import { afterEach, expect, test } from 'vitest';
import type { FrameCommand } from '../../../src/shared/messages';
import { defaultSettings } from '../../../src/options/schema';
import type { Stance, Summary } from '../../../src/parser/types';
import { FRAME_STATUS, LensUI } from '../../../src/ui/lens-ui';
import { reportOf } from '../../../src/ui/frames';
import { makePage } from './dom-page';

const sum = (s: number, o: number, n: number, q: number): Summary => ({
  total: s + o + n + q,
  byStance: { support: s, oppose: o, neutral: n, question: q },
  byAuthor: [['ann', s + o], ['bob', n + q]],
  repliesInferred: 0,
  repliesMarked: 0,
  unsure: 0,
});

let cleanup = (): void => {};
afterEach(() => cleanup());

function top() {
  const { window, document } = makePage();
  cleanup = () => window.close();
  const relayed: Array<[FrameCommand, number[]]> = [];
  const ui = new LensUI(document, defaultSettings(), new AbortController().signal, () => {}, { relay: (c, ids) => relayed.push([c, ids]) });
  ui.setSummary(sum(0, 0, 0, 0), false);
  ui.setWaiting(true);
  const root = document.getElementById('comment-lens')!.shadowRoot!;
  const count = (k: string) => root.querySelector(`[data-count="${k}"]`)!.textContent;
  const status = () => root.querySelector('[data-role="status"]')!.textContent;
  const state = () => document.getElementById('comment-lens')!.getAttribute('data-lens-state');
  const click = (sel: string) => (root.querySelector(sel) as HTMLElement).click();
  return { ui, count, status, state, click, relayed };
}

test('frame reports are summed into the top panel; off restores the waiting panel', () => {
  const t = top();
  expect(t.state()).toBe('waiting');
  expect(t.ui.setFrame(3, reportOf({ ...sum(0, 0, 0, 0), total: 7 }, 'labelling'))).toBe(7);
  expect(t.state()).toBe('labelling');
  expect(t.status()).toBe(`${FRAME_STATUS}: labelling…`);
  t.ui.setFrame(3, reportOf(sum(2, 3, 1, 1), 'ready'));
  expect(t.ui.setFrame(5, reportOf(sum(1, 0, 0, 4), 'ready'))).toBe(12);
  expect(t.state()).toBe('ready');
  expect(t.status()).toBe(FRAME_STATUS);
  expect(['total', 'support', 'oppose', 'neutral', 'question'].map(t.count)).toEqual(['12', '3', '3', '1', '5']);
  // A live re-read of the top page (still only the widget) keeps the frames' numbers.
  t.ui.setSummary(sum(0, 0, 0, 0), false);
  t.ui.setWaiting(true);
  expect(t.count('total')).toBe('12');
  t.ui.setFrame(3, reportOf(sum(0, 0, 0, 0), 'off'));
  expect(t.count('total')).toBe('5');
  expect(t.ui.setFrame(5, reportOf(sum(0, 0, 0, 0), 'off'))).toBe(0);
  expect(t.state()).toBe('waiting');
  expect(t.count('total')).toBe('0');
});

test.each([
  ['[data-action="collapse-all"]', { command: 'collapse-all' }],
  ['[data-action="expand-all"]', { command: 'expand-all' }],
  ['[data-action="filter"][data-stance="oppose"]', { command: 'filter', stance: 'oppose' }],
] as const)('clicking %s relays %j to every reporting frame', (sel, cmd) => {
  const t = top();
  t.click(sel);
  expect(t.relayed).toEqual([]); // no frame has reported: nobody to tell
  t.ui.setFrame(3, reportOf(sum(1, 1, 0, 0), 'ready'));
  t.ui.setFrame(6, reportOf(sum(1, 1, 0, 0), 'ready'));
  t.click(sel);
  expect(t.relayed).toEqual([[cmd, [3, 6]]]);
});

test('a headless UI (in a frame) tags and collapses its comments, draws no panel, relays nothing', () => {
  const { window, document } = makePage();
  cleanup = () => window.close();
  const relayed: unknown[] = [];
  const ac = new AbortController();
  const ui = new LensUI(document, defaultSettings(), ac.signal, () => {}, { headless: true, relay: (c) => relayed.push(c) });
  const els = [...document.querySelectorAll('li.comment')];
  const stances: Stance[] = ['support', 'oppose', 'question', 'oppose'];
  ui.addComments(els.map((el, i) => ({ el, author: `a${i}`, label: { label: stances[i]!, confidence: 0.9, cues: [] } })));
  ui.setSummary(sum(1, 2, 0, 1), true);
  ui.setWaiting(true);
  expect(document.getElementById('comment-lens')).toBeNull();
  expect(document.querySelectorAll('comment-lens-tag').length).toBe(4);
  const collapsed = () => els.map((e) => e.getAttribute('data-lens-collapsed'));
  ui.command({ command: 'filter', stance: 'oppose' });
  expect(collapsed()).toEqual(['false', 'true', 'false', 'true']);
  ui.command({ command: 'collapse-all' });
  expect(collapsed()).toEqual(['true', 'true', 'true', 'true']);
  ui.command({ command: 'expand-all' });
  expect(collapsed()).toEqual(['false', 'false', 'false', 'false']);
  expect(relayed).toEqual([]);
  ac.abort();
  expect(document.querySelectorAll('comment-lens-tag, [data-lens-stance]').length).toBe(0);
});

test("a frame's comments the engine does not read show on the top panel's not-labelled line", () => {
  const t = top();
  t.ui.setFrame(3, reportOf({ ...sum(2, 1, 0, 0), total: 5, notLabelled: 2 }, 'ready'));
  expect(['total', 'support', 'oppose', 'not-labelled'].map(t.count)).toEqual(['5', '2', '1', '2']);
});
