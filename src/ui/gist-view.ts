// The gist in the panel: per stance its representative comments (author and a short excerpt) and
// its distinctive phrases, then the most discussed thread. Every item is a button that takes the
// reader to a real comment (open(): scroll, expand if collapsed, mark it as the current one).
// Test hooks: [data-gist-stance="<stance>"] holds [data-comment-ref="<id>"] and [data-phrase]
// items. Text goes in through textContent only: excerpts and phrases are the page's words.
import { STANCES, type Stance } from '../parser/types';
import type { Gist } from '../summary/gist';
import { authorName, formatCount } from './format';
import { t } from './i18n';

/** What the view needs of a comment the gist cites. */
export interface GistComment {
  author: string;
  text: string;
}

/** Below this viewport width or height the section starts closed: the panel must not cover a phone's screen. */
export const SMALL_SCREEN = { width: 700, height: 600 };
const EXCERPT_CHARS = 90;

export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

type Make = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Record<string, string>, text?: string) => HTMLElementTagNameMap[K];

export class GistView {
  readonly root: HTMLElement;
  /** the disclosure button (aria-expanded): shows or hides the body */
  readonly toggle: HTMLButtonElement;
  private body: HTMLElement;
  /** per phrase button, the next of its comments to go to (a phrase cycles through them) */
  private turn = new WeakMap<Element, number>();

  constructor(
    private doc: Document,
    private make: Make,
    /** takes the reader to comment `id`; false when it is no longer on the page */
    private open: (id: string) => boolean,
  ) {
    const win = doc.defaultView;
    const small = !win || win.innerWidth < SMALL_SCREEN.width || win.innerHeight < SMALL_SCREEN.height;
    // A button and a body, not <details>: in Chromium, showing, opening or closing a <details>
    // anywhere relays out the whole document (~120 ms on a 10,000-comment page, measured), even
    // inside our fixed, shadowed panel. Hiding a plain element costs ~2 ms there.
    this.root = make('section', { class: 'gist', 'data-role': 'gist', hidden: '' });
    this.body = make('div', { class: 'gist-body', id: 'lens-gist-body' });
    this.toggle = make('button', { type: 'button', class: 'gist-toggle', 'aria-controls': 'lens-gist-body' }, t('gistTitle'));
    this.toggle.addEventListener('click', () => (this.expanded = !this.expanded));
    const heading = make('h3', { class: 'gist-title' });
    heading.append(this.toggle);
    this.root.append(heading, this.body);
    this.expanded = !small;
  }

  /** whether the body shows (the toggle's aria-expanded; data-open on the section for tests) */
  get expanded(): boolean {
    return this.toggle.getAttribute('aria-expanded') === 'true';
  }

  set expanded(on: boolean) {
    this.toggle.setAttribute('aria-expanded', String(on));
    this.root.toggleAttribute('data-open', on);
    this.body.hidden = !on;
  }

  /** Shows the gist (null: none yet, or nothing to show: the section stays out of sight). */
  render(gist: Gist | null, comment: (id: string) => GistComment | undefined): void {
    const m = this.make;
    this.body.replaceChildren();
    const any = gist && STANCES.some((s) => gist.byStance[s].comments.length || gist.byStance[s].phrases.length);
    this.root.hidden = !any;
    if (!gist || !any) return;
    for (const s of STANCES) {
      const g = gist.byStance[s];
      if (!g.comments.length && !g.phrases.length) continue;
      const part = m('section', { class: 'gist-stance', 'data-gist-stance': s, 'aria-label': t('gistStanceLabel', t(`stance_${s}`)) });
      const h = m('h4');
      h.append(m('span', { class: `dot ${s}`, 'aria-hidden': 'true' }), t(`stance_${s}`));
      part.append(h);
      if (g.phrases.length) {
        const phrases = m('div', { class: 'phrases', role: 'group', 'aria-label': t('gistPhrases') });
        for (const p of g.phrases) {
          const b = m('button', { type: 'button', class: 'phrase', 'data-phrase': p.text, title: t('gistPhraseTitle', formatCount(p.count)) }, `“${p.text}” ${formatCount(p.count)}`);
          b.addEventListener('click', () => this.cycle(b, p.commentIds));
          phrases.append(b);
        }
        part.append(phrases);
      }
      if (g.comments.length) {
        const ul = m('ul', { class: 'reps' });
        for (const id of g.comments) {
          const c = comment(id);
          if (!c) continue;
          const li = m('li');
          li.append(this.ref(id, c, s));
          ul.append(li);
        }
        part.append(ul);
      }
      this.body.append(part);
    }
    const md = gist.mostDiscussed;
    const root = md && comment(md.rootId);
    if (md && root) {
      const p = m('div', { class: 'most', 'data-role': 'most-discussed' });
      const split = STANCES.filter((s) => md.byStance[s] > 0).map((s) => `${t(`stance_${s}`)} ${formatCount(md.byStance[s])}`).join(' · ');
      p.append(m('h4', {}, t('gistMostDiscussed', formatCount(md.size))));
      p.append(this.ref(md.rootId, root, null));
      if (split) p.append(m('p', { class: 'muted' }, split));
      this.body.append(p);
    }
  }

  /** A button that takes the reader to comment id: "author: excerpt…". */
  private ref(id: string, c: GistComment, stance: Stance | null): HTMLButtonElement {
    const b = this.make('button', { type: 'button', class: 'ref', 'data-comment-ref': id });
    b.append(this.make('strong', {}, authorName(c.author)), ` ${excerpt(c.text)}`);
    // The visible text is the accessible name (WCAG 2.5.3); the title says where the button goes.
    b.title = t(stance ? 'gistRefTitle' : 'gistRootTitle');
    b.addEventListener('click', () => this.open(id));
    return b;
  }

  /** A phrase goes to each of its comments in turn. */
  private cycle(button: Element, ids: readonly string[]): void {
    if (!ids.length) return;
    const k = this.turn.get(button) ?? 0;
    this.turn.set(button, (k + 1) % ids.length);
    this.open(ids[k % ids.length]!);
  }
}
