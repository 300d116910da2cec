// revealAfterMs: the panel stays out of the page while a quick first pass runs, then appears once,
// complete; long work shows it (with its progress) when the delay is up; any result, error or
// reader action shows it at once; teardown leaves nothing, revealed or not.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { defaultSettings } from '../../../src/options/schema';
import type { Summary } from '../../../src/parser/types';
import { LensUI } from '../../../src/ui/lens-ui';
import { makePage } from './dom-page';

const summary: Summary = {
  total: 2,
  byStance: { support: 1, oppose: 1, neutral: 0, question: 0 },
  byAuthor: [['a', 2]],
  repliesInferred: 0,
  repliesMarked: 0,
  unsure: 0,
};

function start(revealAfterMs?: number) {
  const { document } = makePage();
  const before = document.documentElement.outerHTML;
  const ac = new AbortController();
  const ui = new LensUI(document, defaultSettings(), ac.signal, () => {}, revealAfterMs === undefined ? {} : { revealAfterMs });
  const host = () => document.getElementById('comment-lens');
  return { document, before, ac, ui, host };
}

describe('revealAfterMs', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('without it the panel is in the page at once (labelling)', () => {
    const { host } = start();
    expect(host()?.getAttribute('data-lens-state')).toBe('labelling');
  });

  test('a quick pass: nothing in the page until the result, then the panel, ready', () => {
    const { host, ui } = start(200);
    ui.setStatus('Reading comments…');
    ui.setProgress(10, 100);
    vi.advanceTimersByTime(150);
    expect(host()).toBeNull();
    ui.setSummary(summary, true);
    expect(host()?.getAttribute('data-lens-state')).toBe('ready');
    expect(host()!.shadowRoot!.querySelector('[data-count="total"]')!.textContent).toBe('2');
  });

  test('a long pass: the panel shows its progress when the delay is up', () => {
    const { host, ui } = start(200);
    ui.setProgress(10, 100);
    vi.advanceTimersByTime(199);
    expect(host()).toBeNull();
    vi.advanceTimersByTime(1);
    expect(host()?.getAttribute('data-lens-state')).toBe('labelling');
  });

  test('an error, a widget still loading, or a reader action shows it at once', () => {
    for (const act of [(ui: LensUI) => ui.setError(), (ui: LensUI) => ui.setWaiting(), (ui: LensUI) => ui.command({ command: 'collapse-all' })]) {
      const { host, ui } = start(200);
      act(ui);
      expect(host()).not.toBeNull();
    }
  });

  test('a summary that is not final yet does not show it', () => {
    const { host, ui } = start(200);
    ui.setSummary(summary, false);
    expect(host()).toBeNull();
  });

  test('the comments get their marks at once and their tags with the panel, in one go', () => {
    const { host, ui, document } = start(200);
    const els = [...document.querySelectorAll('li.comment')];
    const item = (el: Element, i: number) => ({ el, author: `a${i}`, label: { label: 'oppose' as const, confidence: 0.9, cues: [] } });
    const tags = () => document.querySelectorAll('comment-lens-tag').length;
    ui.addComments(els.slice(0, 2).map(item));
    ui.addComments(els.slice(2).map((el, i) => item(el, i + 2)));
    expect(els.every((e) => e.getAttribute('data-lens-stance') === 'oppose')).toBe(true);
    expect(tags()).toBe(0);
    // A comment the page took out meanwhile gets no tag.
    els[1]!.remove();
    ui.layer.prune();
    ui.setSummary(summary, true);
    expect(host()).not.toBeNull();
    expect(tags()).toBe(els.length - 1);
    expect(els[1]!.querySelector('comment-lens-tag')).toBeNull();
    // After the reveal, tags come as comments do.
    const more = document.createElement('li');
    more.className = 'comment';
    document.querySelector('ol.comment-list')!.append(more);
    ui.addComments([item(more, 9)]);
    expect(tags()).toBe(els.length);
  });

  test('the delay up while labelling: the panel shows its progress, the tags still wait for the result', () => {
    const { host, ui, document } = start(200);
    const els = [...document.querySelectorAll('li.comment')];
    ui.addComments([{ el: els[0]!, author: 'a', label: { label: 'support', confidence: 0.9, cues: [] } }]);
    vi.advanceTimersByTime(200);
    expect(host()?.getAttribute('data-lens-state')).toBe('labelling');
    expect(document.querySelectorAll('comment-lens-tag').length).toBe(0);
    ui.setSummary(summary, true);
    expect(document.querySelectorAll('comment-lens-tag').length).toBe(1);
  });

  test('a comment collapsed on arrival ends the hold: its stub is the way back', () => {
    const { ui, document } = start(200);
    ui.applySettings({ ...defaultSettings(), loadMode: 'collapse-stance', collapseStance: 'oppose' });
    const els = [...document.querySelectorAll('li.comment')];
    const label = (l: 'support' | 'oppose') => ({ label: l, confidence: 0.9, cues: [] });
    ui.addComments([{ el: els[0]!, author: 'a', label: label('support') }]);
    expect(document.querySelectorAll('comment-lens-tag').length).toBe(0);
    ui.addComments([{ el: els[1]!, author: 'b', label: label('oppose') }]);
    expect(els[1]!.getAttribute('data-lens-collapsed')).toBe('true');
    expect(document.querySelectorAll('comment-lens-tag').length).toBe(2);
  });

  test('stopped before the delay: the page is as it was, and the timer does not bring the panel back', () => {
    const { host, ac, document, before } = start(200);
    ac.abort();
    vi.advanceTimersByTime(1000);
    expect(host()).toBeNull();
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
