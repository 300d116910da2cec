// The summary panel: an open shadow root on <comment-lens id="comment-lens">, so page CSS cannot
// reach it and it cannot restyle the page. Test hooks: [data-count], [data-action], data-lens-state.
import { STANCES, type Stance, type Summary } from '../parser/types';
import { topAuthors } from '../summary/summarize';
import type { PanelPosition } from '../options/schema';
import { barDescription, barSegments, formatCount, progressText, summaryExtras } from './format';
import { GistView } from './gist-view';
import { t } from './i18n';
import { SHORTCUTS } from './keys';
import { adopt, makeSheet } from './sheets';
import { PANEL_CSS } from './styles';
import type { Theme } from './theme';

export const HOST_ID = 'comment-lens';
export type PanelState = 'labelling' | 'ready' | 'waiting' | 'error';

export interface PanelActions {
  collapseAll(): void;
  expandAll(): void;
  filter(stance: Stance): void;
  minimize(minimized: boolean): void;
  move(): void;
  /** takes the reader to the comment with this id (the gist's links); false when it is gone */
  openComment(id: string): boolean;
}

/** waiting: a pass of the fast engine is on its way (the refined pass comes after it) */
export type RefineState = 'waiting' | 'running' | 'done' | 'failed' | 'skipped';

export class Panel {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  /** the gist section (gist-view.ts), under the counts */
  gist!: GistView;
  private q: <T extends Element = HTMLElement>(sel: string) => T;
  private make: <K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Record<string, string>, text?: string) => HTMLElementTagNameMap[K];

  constructor(
    private doc: Document,
    opts: { position: PanelPosition; minimized: boolean; theme: Theme; actions: PanelActions; deferMount?: boolean },
  ) {
    this.make = (tag, attrs = {}, text) => {
      const e = doc.createElement(tag);
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
      if (text !== undefined) e.textContent = text;
      return e;
    };
    this.host = doc.createElement('comment-lens');
    this.host.id = HOST_ID;
    this.host.setAttribute('data-lens-own', '');
    pinHost(this.host);
    this.root = this.host.attachShadow({ mode: 'open' });
    adopt(this.root, makeSheet(PANEL_CSS, doc), PANEL_CSS);
    this.q = (sel) => this.root.querySelector(sel)!;
    this.build(opts.actions);
    this.setTheme(opts.theme);
    this.setPosition(opts.position);
    this.setMinimized(opts.minimized);
    this.setState('labelling');
    if (!opts.deferMount) this.mount();
  }

  /** Puts the panel in the page (once; a no-op when it is there). */
  mount(): void {
    if (!this.host.isConnected) (this.doc.body ?? this.doc.documentElement).append(this.host);
  }

  private button(label: string, attrs: Record<string, string>, onClick: () => void): HTMLButtonElement {
    const b = this.make('button', { type: 'button', ...attrs }, label);
    b.addEventListener('click', onClick);
    return b;
  }

  private build(a: PanelActions): void {
    const m = this.make;
    const name = t('extName');
    const panel = m('section', { class: 'panel', 'aria-label': name });
    const header = m('header');
    header.append(
      m('h2', {}, name),
      this.button('?', { class: 'icon', 'data-action': 'help', 'aria-label': t('helpButtonLabel'), 'aria-expanded': 'false' }, () => this.toggleHelp()),
      this.button('⇲', { class: 'icon', 'data-action': 'move', 'aria-label': t('moveButtonLabel') }, a.move),
      this.button('–', { class: 'icon', 'data-action': 'minimize', 'aria-label': t('minimizeButtonLabel') }, () => a.minimize(true)),
    );
    const status = m('p', { class: 'status', role: 'status', 'data-role': 'status' });
    const totals = m('p', { 'data-role': 'totals' });
    totals.append(m('strong', { 'data-count': 'total' }, '0'), m('span', { 'data-role': 'noun' }, ` ${t('commentNounMany')}`), m('span', { class: 'muted', 'data-role': 'extra' }));
    const bar = m('div', { class: 'bar', role: 'img', 'aria-label': t('barNone'), 'data-role': 'bar' });
    const chips = m('div', { class: 'chips', role: 'group', 'aria-label': t('chipsGroupLabel') });
    for (const s of STANCES) {
      const chip = this.button('', { class: 'chip', 'data-action': 'filter', 'data-stance': s, 'aria-pressed': 'false' }, () => a.filter(s));
      chip.append(m('span', { class: `dot ${s}`, 'aria-hidden': 'true' }), `${t(`stance_${s}`)} `, m('span', { 'data-count': s }, '0'));
      chip.title = t('chipTitle', t(`stance_${s}`));
      chips.append(chip);
    }
    const actions = m('div', { class: 'actions' });
    actions.append(
      this.button(t('collapseAll'), { 'data-action': 'collapse-all' }, a.collapseAll),
      this.button(t('expandAll'), { 'data-action': 'expand-all' }, a.expandAll),
    );
    this.gist = new GistView(this.doc, m, a.openComment);
    // How many comments got no stance (their language): a count of its own, outside the stance totals.
    const unlabelled = m('p', { class: 'muted', 'data-role': 'not-labelled', hidden: '' });
    const authors = m('div', { 'data-role': 'authors' });
    const help = m('div', { class: 'help', 'data-role': 'help', hidden: '' });
    const dl = m('dl');
    for (const [k, v] of SHORTCUTS) dl.append(m('dt', {}, k), m('dd', {}, v));
    help.append(m('h3', {}, t('keyboardHeading')), dl);
    panel.append(header, status, totals, unlabelled, bar, chips, actions, this.gist.root, authors, help);
    const pill = this.button(name, { class: 'pill', 'data-action': 'restore' }, () => a.minimize(false));
    this.root.append(panel, pill);
  }

  setState(state: PanelState): void {
    this.host.setAttribute('data-lens-state', state);
    if (state === 'waiting') this.setStatus(t('stateWaiting'));
    if (state === 'ready') this.setStatus('');
    if (state === 'error') this.setStatus(t('stateError'));
  }

  setStatus(text: string): void {
    this.q('[data-role="status"]').textContent = text;
  }

  /** what the refined pass last wrote as the status (cleared when it ends, if still shown) */
  private refineText = '';

  /**
   * The refined pass: its state on the host (data-lens-refine) and its progress as the status
   * (`text`); at its end the status is cleared if it still shows the progress; undefined: as it is.
   */
  setRefine(state: RefineState, text?: string): void {
    this.host.setAttribute('data-lens-refine', state);
    if (text === undefined) return;
    const status = this.q('[data-role="status"]');
    if (text) this.setStatus(text);
    else if (this.refineText && status.textContent === this.refineText) this.setStatus('');
    this.refineText = text;
  }

  setProgress(done: number, total: number): void {
    this.setStatus(progressText(done, total));
  }

  setSummary(summary: Summary): void {
    // [data-count] holds the bare number (the hook's contract: "2002", never "2,002").
    this.q('[data-count="total"]').textContent = String(summary.total);
    for (const s of STANCES) this.q(`[data-count="${s}"]`).textContent = String(summary.byStance[s]);
    this.q('[data-role="noun"]').textContent = ` ${t(summary.total === 1 ? 'commentNounOne' : 'commentNounMany')}`;
    this.q('[data-role="extra"]').textContent = summaryExtras(summary);
    const unlabelled = this.q('[data-role="not-labelled"]');
    const nl = summary.notLabelled ?? 0;
    unlabelled.hidden = nl === 0;
    // [data-count] holds the bare number, like the stance counts; the words around it are translated.
    // (U+2063 marks where the number goes: Chromium cuts a substitution at a NUL character.)
    const [before, after = ''] = t('notLabelledCount', '\u2063').split('\u2063');
    unlabelled.replaceChildren(before ?? '', this.make('span', { 'data-count': 'not-labelled' }, String(nl)), after);
    const bar = this.q('[data-role="bar"]');
    bar.setAttribute('aria-label', t('barLabel', barDescription(summary)));
    bar.replaceChildren(
      ...barSegments(summary).map((seg) => {
        const d = this.make('div', { class: `seg ${seg.stance}` });
        d.style.width = `${(seg.share * 100).toFixed(2)}%`; // CSSOM, not a style attribute: CSP-safe
        return d;
      }),
    );
    const top = topAuthors(summary, 5).filter(([, n]) => n > 1);
    const authors = this.q('[data-role="authors"]');
    authors.replaceChildren();
    if (summary.total > 0) authors.append(this.make('h3', {}, t('mostActive')));
    if (top.length) {
      const ol = this.make('ol');
      for (const [name, n] of top) ol.append(this.make('li', {}, `${name} (${formatCount(n)})`));
      authors.append(ol);
    } else if (summary.total > 0) authors.append(this.make('p', { class: 'muted' }, t('nobodyTwice')));
    const pill = this.q('.pill');
    pill.textContent = t('pillText', formatCount(summary.total));
    pill.setAttribute('aria-label', t('pillLabel', formatCount(summary.total)));
  }

  setFilter(stance: Stance | null): void {
    for (const chip of this.root.querySelectorAll('[data-action="filter"]')) {
      chip.setAttribute('aria-pressed', String(chip.getAttribute('data-stance') === stance));
    }
  }

  toggleHelp(): void {
    const help = this.q('[data-role="help"]');
    help.hidden = !help.hidden;
    this.q('[data-action="help"]').setAttribute('aria-expanded', String(!help.hidden));
  }

  setMinimized(min: boolean): void {
    const hadFocus = this.root.activeElement !== null;
    this.q('.panel').hidden = min;
    this.q('.pill').hidden = !min;
    // Keep keyboard focus inside the panel when the button that had it disappears.
    if (hadFocus) this.q<HTMLElement>(min ? '.pill' : '[data-action="minimize"]').focus();
  }

  setPosition(p: PanelPosition): void {
    this.host.setAttribute('data-position', p);
    // Inline like the rest of the host's box (see pinHost): a :host rule would lose to `all`.
    const [v, h] = p.split('-') as ['top' | 'bottom', 'left' | 'right'];
    for (const side of ['top', 'bottom', 'left', 'right']) {
      this.host.style.setProperty(side, side === v || side === h ? '16px' : 'auto', 'important');
    }
  }

  setTheme(t: Theme): void {
    this.host.setAttribute('data-theme', t);
  }

  destroy(): void {
    this.host.remove();
  }
}

/**
 * The host's own box, inline with !important: page rules such as `* { background: yellow
 * !important; letter-spacing: 4px !important }` beat a `:host` rule of the shadow sheet, but not
 * an inline declaration (the host is our element). Set through CSSOM, which a page's CSP allows.
 */
function pinHost(host: HTMLElement): void {
  const set = (prop: string, value: string): void => host.style.setProperty(prop, value, 'important');
  set('all', 'initial'); // first: it resets every longhand, the lines below then win
  set('display', 'block');
  set('position', 'fixed');
  set('z-index', '2147483646');
  set('font', '13px/1.4 system-ui, sans-serif');
}
