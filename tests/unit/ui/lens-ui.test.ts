// The UI mounted on a real-ish DOM (happy-dom): hooks, collapse/expand, filter, teardown.
import { afterEach, describe, expect, test } from 'vitest';
import { defaultSettings } from '../../../src/options/schema';
import type { Stance, StanceLabel, Summary, Thread } from '../../../src/parser/types';
import { summarize } from '../../../src/summary/summarize';
import { LensUI } from '../../../src/ui/lens-ui';
import { makePage, pageView } from './dom-page';

const label = (l: Stance, confidence = 0.8): StanceLabel => ({ label: l, confidence, cues: [{ rule: 'r', text: 'never work', reason: 'a test cue', weight: -1 }] });
const STANCE_OF: Stance[] = ['support', 'oppose', 'question', 'neutral', 'oppose', 'support'];

function mount(settings = defaultSettings(), refuseSheets = false) {
  const { window, document } = makePage();
  // A page (or engine) that refuses our document stylesheet: collapse falls back to inline style.
  if (refuseSheets) {
    Object.defineProperty(document, 'adoptedStyleSheets', {
      get: () => Object.freeze([]),
      set: () => {
        throw new Error('refused');
      },
    });
  }
  const before = document.documentElement.outerHTML;
  const els = [...document.querySelectorAll('li.comment'), document.getElementById('tr1')!, document.getElementById('bare')!];
  const ac = new AbortController();
  const ui = new LensUI(document, settings, ac.signal, () => {});
  ui.addComments(els.map((el, i) => ({ el, author: `a${i}`, label: label(STANCE_OF[i]!) })));
  const summary: Summary = {
    total: els.length,
    byStance: { support: 2, oppose: 2, neutral: 1, question: 1 },
    byAuthor: [['a0', 2], ['a1', 1]],
    repliesInferred: 0,
    repliesMarked: 0,
    unsure: 0,
  };
  ui.setSummary(summary, true);
  const root = document.getElementById('comment-lens')!.shadowRoot!;
  const click = (sel: string) => (root.querySelector(sel) as HTMLElement).click();
  const collapsed = () => els.map((e) => e.getAttribute('data-lens-collapsed'));
  return { window, document, before, els, ac, ui, root, click, collapsed };
}

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('LensUI on a page', () => {
  test('exposes the agreed hooks', () => {
    const m = mount();
    cleanup = () => m.window.close();
    const host = m.document.getElementById('comment-lens')!;
    expect(host.getAttribute('data-lens-state')).toBe('ready');
    expect(m.root.querySelector('[data-count="total"]')!.textContent).toBe('6');
    for (const [s, n] of [['support', '2'], ['oppose', '2'], ['neutral', '1'], ['question', '1']]) {
      expect(m.root.querySelector(`[data-count="${s}"]`)!.textContent).toBe(n);
    }
    expect(m.els.map((e) => e.getAttribute('data-lens-stance'))).toEqual(STANCE_OF);
    expect(m.collapsed()).toEqual(Array(6).fill('false'));
    // One toggle per comment, a real button with a label naming the author.
    const tags = m.document.querySelectorAll('comment-lens-tag');
    expect(tags.length).toBe(6);
    const toggle = tags[1]!.shadowRoot!.querySelector('button.toggle')!;
    expect(toggle.getAttribute('aria-label')).toBe('Collapse comment by a1');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
  });

  test('"Most active" ranks by count: an author named 42 does not outrank bob', () => {
    const m = mount();
    cleanup = () => m.window.close();
    const names = ['42', ...Array<string>(10).fill('bob'), '7', '7', '42'];
    const thread: Thread = { article: { paragraphs: [] }, comments: names.map((author, i) => ({ id: `c${i}`, author, text: 'x' })) };
    m.ui.setSummary(summarize(thread, names.map(() => label('neutral'))), true);
    const shown = [...m.root.querySelectorAll('[data-role="authors"] li')].map((li) => li.textContent);
    expect(shown).toEqual(['bob (10)', '42 (2)', '7 (2)']);
  });

  test('[data-count] holds the bare number, without thousands separators', () => {
    const m = mount();
    cleanup = () => m.window.close();
    m.ui.setSummary({ total: 2002, byStance: { support: 1500, oppose: 500, neutral: 1, question: 1 }, byAuthor: [], repliesInferred: 0, repliesMarked: 0, unsure: 0 }, true);
    expect(['total', 'support', 'oppose'].map((k) => m.root.querySelector(`[data-count="${k}"]`)!.textContent)).toEqual(['2002', '1500', '500']);
  });

  test('a badge tells its confidence and cues once hovered, focused or opened', () => {
    const m = mount();
    cleanup = () => m.window.close();
    const tag = m.document.querySelector('comment-lens-tag')!.shadowRoot!;
    const badge = tag.querySelector('button.badge') as HTMLElement;
    expect(badge.getAttribute('aria-label')).toBe('support: stance, 80% confident, quick pass; show why');
    const details = tag.getElementById(badge.getAttribute('aria-controls')!)!;
    expect(details.textContent).toBe(''); // built lazily
    badge.dispatchEvent(new m.window.Event('focus') as unknown as Event);
    expect(details.classList.contains('peek')).toBe(true);
    badge.dispatchEvent(new m.window.Event('blur') as unknown as Event);
    expect(details.classList.contains('peek')).toBe(false);
    badge.click();
    expect(badge.getAttribute('aria-expanded')).toBe('true');
    expect(details.classList.contains('open')).toBe(true);
    expect(details.textContent).toContain('Confidence 80% · quick pass');
    expect(details.textContent).toContain('“never work” — a test cue');
  });

  test('the refined pass relabels a badge in place: its stance, its pass, the same collapse state', () => {
    const m = mount();
    cleanup = () => m.window.close();
    const hostOf = (el: Element) => el.querySelector('comment-lens-tag') ?? el.previousElementSibling?.querySelector?.('comment-lens-tag') ?? el.previousElementSibling;
    expect(m.els.map((el) => hostOf(el)?.getAttribute('data-lens-pass'))).toEqual(Array(6).fill('fast'));
    m.ui.layer.setCollapsed(1, true);
    const refined: StanceLabel = { ...label('question', 0.6), pass: 'refined' };
    m.ui.relabel(m.els[0]!, refined);
    m.ui.relabel(m.els[1]!, refined);
    expect(m.els.slice(0, 3).map((e) => e.getAttribute('data-lens-stance'))).toEqual(['question', 'question', 'question']);
    expect(m.collapsed().slice(0, 3)).toEqual(['false', 'true', 'false']);
    const tags = [...m.document.querySelectorAll('comment-lens-tag')];
    expect(tags.length, 'the old tags are gone').toBe(6);
    const tag0 = hostOf(m.els[0]!)!;
    expect(tag0.getAttribute('data-lens-pass')).toBe('refined');
    const badge = tag0.shadowRoot!.querySelector('button.badge')!;
    expect(badge.getAttribute('aria-label')).toBe('question: stance, 60% confident, refined pass; show why');
    expect(badge.getAttribute('data-lens-pass')).toBe('refined');
    expect(hostOf(m.els[2]!)!.getAttribute('data-lens-pass')).toBe('fast');
    expect(m.ui.layer.item(0).label).toBe(refined);
  });

  test('the refined pass shows its progress and its end on the panel', () => {
    const m = mount();
    cleanup = () => m.window.close();
    const host = m.document.getElementById('comment-lens')!;
    const status = () => m.root.querySelector('[data-role="status"]')!.textContent;
    m.ui.setRefining(3, 40);
    expect(host.getAttribute('data-lens-refine')).toBe('running');
    expect(status()).toBe('Refining 3 of 40');
    m.ui.setRefining(null, 40, 'done');
    expect(host.getAttribute('data-lens-refine')).toBe('done');
    expect(status()).toBe('');
  });

  test('an expanded tag takes no room in the flow (its badge floats); the collapsed stub does', () => {
    const m = mount();
    cleanup = () => m.window.close();
    const hosts = [...m.document.querySelectorAll<HTMLElement>('comment-lens-tag')];
    const box = (h: HTMLElement) => ['height', 'margin-top', 'margin-bottom'].map((p) => `${h.style.getPropertyValue(p)}${h.style.getPropertyPriority(p) ? '!' : ''}`);
    const floats = (h: HTMLElement) => h.shadowRoot!.querySelector('.row')!.classList.contains('float');
    expect(hosts.map(box)).toEqual(Array(6).fill(['0px!', '0px!', '0px!']));
    expect(hosts.every(floats)).toBe(true);
    // The tr/li wrappers of a tag placed before its comment carry no box of their own either.
    const tr = m.els[4]!.previousElementSibling as HTMLElement;
    expect(['margin', 'padding', 'border'].map((p) => (tr.firstElementChild as HTMLElement).style.getPropertyPriority(p))).toEqual(['important', 'important', 'important']);
    m.ui.layer.setCollapsed(1, true);
    expect(box(hosts[1]!)).toEqual(['auto!', '2px!', '4px!']);
    expect(floats(hosts[1]!)).toBe(false);
    m.ui.layer.setCollapsed(1, false);
    expect(box(hosts[1]!)).toEqual(box(hosts[0]!));
    expect(floats(hosts[1]!)).toBe(true);
    // Shown details lift their badge above the next comments' badges; hidden, it drops back.
    const badge = hosts[0]!.shadowRoot!.querySelector('button.badge') as HTMLElement;
    const row = hosts[0]!.shadowRoot!.querySelector('.row')!;
    badge.dispatchEvent(new m.window.Event('focus') as unknown as Event);
    expect(row.classList.contains('up')).toBe(true);
    badge.dispatchEvent(new m.window.Event('blur') as unknown as Event);
    expect(row.classList.contains('up')).toBe(false);
  });

  test('tags go inside list comments, before table rows and bare-text comments, in valid wrappers', () => {
    const m = mount();
    cleanup = () => m.window.close();
    expect(m.els[0]!.firstElementChild!.tagName).toBe('COMMENT-LENS-TAG');
    expect(m.els[4]!.previousElementSibling!.tagName).toBe('TR'); // tr > td > tag
    expect(m.els[4]!.previousElementSibling!.hasAttribute('data-lens-own')).toBe(true);
    expect(m.els[5]!.previousElementSibling!.tagName).toBe('COMMENT-LENS-TAG');
    expect(m.els.map((e) => e.getAttribute('data-lens-place'))).toEqual(['inside', 'inside', 'inside', 'inside', 'before', 'before']);
  });

  test('collapse all / expand all restore the comment DOM exactly', () => {
    const m = mount();
    cleanup = () => m.window.close();
    const view = pageView(m.document.body);
    m.click('[data-action="collapse-all"]');
    expect(m.collapsed()).toEqual(Array(6).fill('true'));
    const tag = m.document.querySelector('comment-lens-tag')!.shadowRoot!;
    expect(tag.querySelector('.stub')!.textContent).toBe('▸ Comment by a0 · support —');
    expect(tag.querySelector('button.toggle')!.getAttribute('aria-expanded')).toBe('false');
    expect(pageView(m.document.body)).toBe(view); // hidden by attribute only
    m.click('[data-action="expand-all"]');
    expect(m.collapsed()).toEqual(Array(6).fill('false'));
    expect(pageView(m.document.body)).toBe(view);
  });

  test('a per-comment toggle collapses only its comment, and again expands it', () => {
    const m = mount();
    cleanup = () => m.window.close();
    const toggle = m.document.querySelectorAll('comment-lens-tag')[2]!.shadowRoot!.querySelector('button.toggle') as HTMLElement;
    toggle.click();
    expect(m.collapsed()).toEqual(['false', 'false', 'true', 'false', 'false', 'false']);
    expect(toggle.getAttribute('aria-label')).toBe('Show comment by a2');
    toggle.click();
    expect(m.collapsed()).toEqual(Array(6).fill('false'));
  });

  test('a stance chip collapses exactly that stance; a second press shows all', () => {
    const m = mount();
    cleanup = () => m.window.close();
    m.click('[data-action="filter"][data-stance="oppose"]');
    expect(m.collapsed()).toEqual(STANCE_OF.map((s) => String(s === 'oppose')));
    expect(m.root.querySelector('[data-stance="oppose"]')!.getAttribute('aria-pressed')).toBe('true');
    m.click('[data-action="filter"][data-stance="support"]');
    expect(m.collapsed()).toEqual(STANCE_OF.map((s) => String(s === 'support')));
    m.click('[data-action="filter"][data-stance="support"]');
    expect(m.collapsed()).toEqual(Array(6).fill('false'));
    expect(m.root.querySelector('[aria-pressed="true"]')).toBeNull();
  });

  test.each([
    ['expanded', 'oppose', STANCE_OF.map(() => 'false')],
    ['collapse-all', 'oppose', STANCE_OF.map(() => 'true')],
    ['collapse-stance', 'question', STANCE_OF.map((s) => String(s === 'question'))],
  ] as const)('load mode %s (%s)', (loadMode, collapseStance, want) => {
    const m = mount({ ...defaultSettings(), loadMode, collapseStance });
    cleanup = () => m.window.close();
    expect(m.collapsed()).toEqual(want);
  });

  test('keyboard: j moves, c toggles, Shift+C collapses all, nothing while typing', () => {
    const m = mount();
    cleanup = () => m.window.close();
    const key = (target: EventTarget, k: string, shiftKey = false) =>
      target.dispatchEvent(new m.window.KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, composed: true }) as unknown as Event);
    const textarea = m.document.getElementById('typing')!;
    key(textarea, 'j');
    key(textarea, 'C', true);
    expect(m.collapsed()).toEqual(Array(6).fill('false'));
    expect(m.document.querySelector('[data-lens-current]')).toBeNull();
    key(m.document.body, 'j');
    key(m.document.body, 'j');
    expect(m.els[1]!.getAttribute('data-lens-current')).toBe('true');
    key(m.document.body, 'c');
    expect(m.collapsed()).toEqual(['false', 'true', 'false', 'false', 'false', 'false']);
    key(m.document.body, 'C', true);
    expect(m.collapsed()).toEqual(Array(6).fill('true'));
  });

  test('badges off hides tags of expanded comments but keeps the stubs of collapsed ones', () => {
    const m = mount({ ...defaultSettings(), showBadges: false });
    cleanup = () => m.window.close();
    const hosts = [...m.document.querySelectorAll('comment-lens-tag')] as HTMLElement[];
    expect(hosts.map((h) => h.style.getPropertyValue('display'))).toEqual(Array(6).fill('none'));
    m.click('[data-action="collapse-all"]');
    expect(hosts.map((h) => h.style.getPropertyValue('display'))).toEqual(Array(6).fill('block'));
  });

  test('teardown leaves the document exactly as before, even when collapsed', () => {
    const m = mount();
    cleanup = () => m.window.close();
    m.click('[data-action="collapse-all"]');
    m.ac.abort();
    expect(m.document.documentElement.outerHTML).toBe(m.before);
    expect(m.document.adoptedStyleSheets.length).toBe(0);
  });

  test('inline fallback: collapsing hides, expanding restores the style attribute exactly', () => {
    const m = mount(defaultSettings(), true);
    cleanup = () => m.window.close();
    expect(m.els.map((e) => e.getAttribute('data-lens-place'))).toEqual(Array(6).fill('before'));
    const view = pageView(m.document.body);
    m.click('[data-action="collapse-all"]');
    expect(m.els.map((e) => (e as HTMLElement).style.getPropertyValue('display'))).toEqual(Array(6).fill('none'));
    m.click('[data-action="expand-all"]');
    expect(pageView(m.document.body)).toBe(view);
    expect(m.els[0]!.getAttribute('style')).toBe('color: red');
    expect(m.els[4]!.hasAttribute('style')).toBe(false);
    m.click('[data-action="collapse-all"]');
    m.ac.abort();
    expect(m.document.documentElement.outerHTML).toBe(m.before);
  });

  test('a comment the page cloned from a tagged one gets one tag, and teardown cleans both', () => {
    const m = mount();
    cleanup = () => m.window.close();
    const copy = m.els[0]!.cloneNode(true) as Element; // carries our tag (no shadow) and attributes
    copy.id = 'comment-copy';
    m.els[0]!.parentElement!.append(copy);
    m.ui.addComments([{ el: copy, author: 'z', label: label('neutral') }]);
    expect(copy.querySelectorAll('comment-lens-tag').length).toBe(1);
    expect(copy.querySelector('comment-lens-tag')!.shadowRoot).not.toBeNull();
    m.ac.abort();
    copy.remove();
    expect(m.document.documentElement.outerHTML).toBe(m.before);
  });

  test('a deleted comment gets a "deleted" tag, never a stance word', () => {
    const m = mount();
    cleanup = () => m.window.close();
    const li = m.document.createElement('li');
    li.append(m.document.createElement('p'));
    m.els[0]!.parentElement!.append(li);
    m.ui.addComments([{ el: li, author: '', label: label('neutral', 0), placeholder: 'deleted' }]);
    const tag = li.querySelector('comment-lens-tag')!.shadowRoot!;
    const badge = tag.querySelector('.badge')!;
    expect(badge.textContent).toBe('deleted');
    expect(badge.getAttribute('aria-label')).toBe('deleted: a comment with nothing to label');
    expect(tag.querySelector('.stub')!.textContent).toBe('▸ Comment by anonymous · deleted —');
    (badge as HTMLElement).click();
    expect(tag.querySelector('.details')!.textContent).toBe('The page shows this comment as deleted: nothing to label.');
  });

  test.each([
    ['collapse all', ['collapse-all'], 'true'],
    ['expand all after collapse all', ['collapse-all', 'expand-all'], 'false'],
    ['collapse all, then one comment shown (the load mode again)', ['collapse-all', 'toggle'], 'false'],
  ] as const)('comments arriving after %s', (_name, steps, want) => {
    const m = mount();
    cleanup = () => m.window.close();
    for (const s of steps) {
      if (s === 'toggle') (m.document.querySelectorAll('comment-lens-tag')[1]!.shadowRoot!.querySelector('button.toggle') as HTMLElement).click();
      else m.click(`[data-action="${s}"]`);
    }
    const li = m.document.createElement('li');
    li.append(m.document.createElement('p'));
    m.els[0]!.parentElement!.append(li);
    m.ui.addComments([{ el: li, author: 'late', label: label('oppose') }]);
    expect(li.getAttribute('data-lens-collapsed')).toBe(want);
    // A single toggle still works on the newcomer.
    (li.querySelector('comment-lens-tag')!.shadowRoot!.querySelector('button.toggle') as HTMLElement).click();
    expect(li.getAttribute('data-lens-collapsed')).toBe(want === 'true' ? 'false' : 'true');
  });

  test('the panel host carries its box inline with !important (page rules on * cannot win)', () => {
    const m = mount();
    cleanup = () => m.window.close();
    const host = m.document.getElementById('comment-lens')!;
    const want: Array<[string, string]> = [['position', 'fixed'], ['z-index', '2147483646'], ['right', '16px'], ['bottom', '16px'], ['top', 'auto']];
    for (const [prop, value] of want) {
      expect([prop, host.style.getPropertyValue(prop), host.style.getPropertyPriority(prop)]).toEqual([prop, value, 'important']);
    }
    m.click('[data-action="move"]');
    const corner = host.getAttribute('data-position')!;
    const [v, h] = corner.split('-');
    for (const side of ['top', 'bottom', 'left', 'right']) expect(host.style.getPropertyValue(side)).toBe(side === v || side === h ? '16px' : 'auto');
    expect(host.hasAttribute('style')).toBe(true);
    m.ac.abort();
    expect(m.document.getElementById('comment-lens')).toBeNull();
  });

  test('a comment the page removes loses its tag, also a tag placed before it', () => {
    const m = mount();
    cleanup = () => m.window.close();
    const row = m.els[4]!; // a table row: its tag is the row before it, outside the comment
    expect(row.previousElementSibling!.hasAttribute('data-lens-own')).toBe(true);
    const table = row.parentElement!;
    row.remove();
    m.els[1]!.remove();
    m.ui.layer.prune();
    expect(m.ui.layer.size).toBe(4);
    expect(table.querySelectorAll('[data-lens-own]').length).toBe(0);
    expect(m.document.querySelectorAll('comment-lens-tag').length).toBe(4);
    expect(row.hasAttribute('data-lens-stance')).toBe(false);
  });

  test('minimize shows the pill and back', () => {
    const m = mount();
    cleanup = () => m.window.close();
    m.click('[data-action="minimize"]');
    expect((m.root.querySelector('.panel') as HTMLElement).hidden).toBe(true);
    expect((m.root.querySelector('.pill') as HTMLElement).hidden).toBe(false);
    expect(m.root.querySelector('.pill')!.textContent).toBe('Comment Lens · 6');
    m.click('[data-action="restore"]');
    expect((m.root.querySelector('.panel') as HTMLElement).hidden).toBe(false);
  });
});
