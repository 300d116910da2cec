// The gist in the panel on a happy-dom page: its hooks, a link that expands and marks its comment,
// page text kept as text, the "not labelled" badge and count, and teardown leaving the page as it was.
import { afterEach, describe, expect, test } from 'vitest';
import { defaultSettings } from '../../../src/options/schema';
import type { Stance, StanceLabel, Summary } from '../../../src/parser/types';
import { languageLabel } from '../../../src/stance/language';
import type { Gist } from '../../../src/summary/gist';
import { LensUI } from '../../../src/ui/lens-ui';
import { makePage, pageView } from './dom-page';

const label = (l: Stance): StanceLabel => ({ label: l, confidence: 0.8, cues: [] });
const TEXTS = ['<img src=x onerror=alert(1)> Great plan', 'This will never work', 'When does it start?', 'Das ist nicht gut, und ich finde es falsch, dass die Regierung das macht.'];

function mount() {
  const { window, document } = makePage();
  const before = pageView(document.body as unknown as Element);
  const els = [...document.querySelectorAll('li.comment')];
  const ac = new AbortController();
  const ui = new LensUI(document, defaultSettings(), ac.signal, () => {});
  const labels = [label('support'), label('oppose'), label('question'), languageLabel('de')];
  ui.addComments(els.map((el, i) => ({ el, author: `a${i}`, label: labels[i]! })));
  const summary: Summary = { total: 4, byStance: { support: 1, oppose: 1, neutral: 0, question: 1 }, byAuthor: [], repliesInferred: 0, repliesMarked: 0, unsure: 0, notLabelled: 1 };
  ui.setSummary(summary, true);
  const gist: Gist = {
    byStance: {
      support: { comments: ['c0'], phrases: [{ text: 'great plan', count: 2, commentIds: ['c0'] }] },
      oppose: { comments: ['c1'], phrases: [] },
      neutral: { comments: [], phrases: [] },
      question: { comments: ['c2'], phrases: [] },
    },
    mostDiscussed: { rootId: 'c1', size: 2, byStance: { support: 0, oppose: 1, neutral: 0, question: 1 } },
  };
  ui.setGist(gist, (id) => {
    const i = Number(id.slice(1));
    return els[i] ? { author: `a${i}`, text: TEXTS[i]!, el: els[i] } : undefined;
  });
  const root = document.getElementById('comment-lens')!.shadowRoot!;
  return { window, document, els, ac, ui, root, before };
}

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('the gist in the panel', () => {
  test('hooks: a section per stance with its comment refs and phrases; the most discussed thread', () => {
    const m = mount();
    cleanup = () => m.window.close();
    const gist = m.root.querySelector('[data-role="gist"]')!;
    expect(gist.hasAttribute('hidden')).toBe(false);
    expect([...m.root.querySelectorAll('[data-gist-stance]')].map((e) => e.getAttribute('data-gist-stance'))).toEqual(['support', 'oppose', 'question']);
    expect(m.root.querySelector('[data-gist-stance="support"] [data-comment-ref="c0"]')).not.toBeNull();
    expect(m.root.querySelector('[data-gist-stance="support"] [data-phrase="great plan"]')!.textContent).toBe('“great plan” 2');
    expect(m.root.querySelector('[data-role="most-discussed"] [data-comment-ref="c1"]')).not.toBeNull();
    // The page's words stay words: no element was made from the comment's text.
    const ref = m.root.querySelector('[data-comment-ref="c0"]')!;
    expect(ref.querySelector('img')).toBeNull();
    expect(ref.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  test('the section is a disclosure button (no <details>): it opens and closes its body', () => {
    const m = mount();
    cleanup = () => m.window.close();
    const gist = m.root.querySelector('[data-role="gist"]')!;
    expect(m.root.querySelector('details, summary')).toBeNull();
    const toggle = gist.querySelector<HTMLButtonElement>('button.gist-toggle')!;
    const body = m.root.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(body.contains(m.root.querySelector('[data-comment-ref="c0"]'))).toBe(true);
    const open = toggle.getAttribute('aria-expanded') === 'true';
    expect(gist.hasAttribute('data-open')).toBe(open);
    expect(body.hidden).toBe(!open);
    toggle.click();
    expect(toggle.getAttribute('aria-expanded')).toBe(String(!open));
    expect(body.hidden).toBe(open);
    expect(gist.hasAttribute('data-open')).toBe(!open);
    toggle.click();
    expect(body.hidden).toBe(!open);
  });

  test('a ref expands its collapsed comment and makes it the current one; a phrase goes to its comment', () => {
    const m = mount();
    cleanup = () => m.window.close();
    (m.root.querySelector('[data-action="collapse-all"]') as HTMLElement).click();
    expect(m.els[1]!.getAttribute('data-lens-collapsed')).toBe('true');
    (m.root.querySelector('[data-comment-ref="c1"]') as HTMLElement).click();
    expect(m.els[1]!.getAttribute('data-lens-collapsed')).toBe('false');
    expect(m.els[1]!.getAttribute('data-lens-current')).toBe('true');
    expect(m.els[0]!.getAttribute('data-lens-collapsed')).toBe('true'); // only that one
    (m.root.querySelector('[data-phrase="great plan"]') as HTMLElement).click();
    expect(m.els[0]!.getAttribute('data-lens-current')).toBe('true');
    expect(m.els[0]!.getAttribute('data-lens-collapsed')).toBe('false');
  });

  test('a comment in another language: "none" on the page, its badge and the count say "not labelled (language)"', () => {
    const m = mount();
    cleanup = () => m.window.close();
    expect(m.els[3]!.getAttribute('data-lens-stance')).toBe('none');
    const badge = m.document.querySelectorAll('comment-lens-tag')[3]!.shadowRoot!.querySelector('.badge')!;
    expect(badge.textContent).toBe('not labelled (language)');
    expect(badge.getAttribute('aria-label')).toBe('not labelled (language): written in German; show why');
    expect(m.root.querySelector('[data-role="not-labelled"]')!.textContent).toBe('1 not labelled (language)');
    expect(m.root.querySelector('[data-count="not-labelled"]')!.textContent).toBe('1');
    // The neutral chip does not fold it, though its label says neutral: it is in no stance.
    (m.root.querySelector('[data-action="filter"][data-stance="neutral"]') as HTMLElement).click();
    expect(m.els[3]!.getAttribute('data-lens-collapsed')).toBe('false');
  });

  test('teardown leaves the page as it was', () => {
    const m = mount();
    cleanup = () => m.window.close();
    (m.root.querySelector('[data-comment-ref="c1"]') as HTMLElement).click();
    m.ac.abort();
    expect(m.document.getElementById('comment-lens')).toBeNull();
    expect(pageView(m.document.body as unknown as Element)).toBe(m.before);
  });
});
