// The small element of ours attached to one page comment: its stance badge (confidence and cues
// on hover/focus) and its collapse toggle; when the comment is collapsed it is the one-line stub.
import type { StanceLabel } from '../parser/types';
import { notLabelled } from '../stance/language';
import { UNSURE_BELOW } from '../summary/summarize';
import { cueLines, percent, stubText, toggleLabel } from './format';
import { OWN_ATTR } from '../shared/names';
import { t } from './i18n';
import { adopt } from './sheets';
import { TAG_CSS } from './styles';

export type Placement = 'inside' | 'before';

export interface Tag {
  /** the outermost node we inserted (host, or an li/tr wrapper holding it) */
  outer: HTMLElement;
  host: HTMLElement;
  toggle: HTMLButtonElement;
  setCollapsed(collapsed: boolean): void;
  setBadges(on: boolean): void;
}

/** Where the tag goes: inside the comment at the top, unless the comment cannot hold it. */
const NO_CHILD_TAG = new Set(['TR', 'TBODY', 'THEAD', 'TFOOT', 'TABLE', 'UL', 'OL', 'DL', 'SELECT', 'IMG', 'INPUT', 'BR', 'HR']);
const NOT_BLANK = /\S/;

export function placementFor(el: Element): Placement {
  if (NO_CHILD_TAG.has(el.tagName.toUpperCase())) return 'before';
  // Bare text directly in the comment could not be hidden by a child rule. (A sibling walk and a
  // regex test, not childNodes + trim(): this runs for each of 10,000 comments while labelling.)
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3 && NOT_BLANK.test((n as Text).data)) return 'before';
  return 'inside';
}

/**
 * placementFor(el) and, in the same walk over the comment's children, removal of copies of our
 * tag that the page cloned along with a comment (one pass: this runs for each of 10,000 comments).
 * `before` forces that placement (the page refused our stylesheet).
 */
export function claimComment(el: Element, before: boolean): Placement {
  let place: Placement = before || NO_CHILD_TAG.has(el.tagName.toUpperCase()) ? 'before' : 'inside';
  for (let n = el.firstChild; n; ) {
    const next = n.nextSibling;
    const type = n.nodeType;
    if (type === 1) {
      if ((n as Element).hasAttribute(OWN_ATTR)) n.remove();
    } else if (type === 3 && place === 'inside' && NOT_BLANK.test((n as Text).data)) place = 'before';
    n = next;
  }
  return place;
}

const NO_BOX = 'margin: 0 !important; padding: 0 !important; border: 0 !important; min-height: 0 !important';

/** A wrapper that keeps the parent's content model valid (li in lists, tr in tables). */
function wrapFor(doc: Document, parent: Element | null, host: HTMLElement): HTMLElement {
  const ptag = parent?.tagName.toUpperCase() ?? '';
  // No box of their own either (page rules for li or td would give them margins, padding, borders):
  // an expanded tag must take no room in the page's flow.
  if (ptag === 'UL' || ptag === 'OL' || ptag === 'MENU') {
    const li = doc.createElement('li');
    li.style.cssText = `list-style: none !important; ${NO_BOX}`;
    li.append(host);
    return li;
  }
  if (ptag === 'TBODY' || ptag === 'THEAD' || ptag === 'TFOOT' || ptag === 'TABLE') {
    const tr = doc.createElement('tr');
    const td = doc.createElement('td');
    td.colSpan = 99;
    td.style.cssText = NO_BOX;
    td.append(host);
    tr.append(td);
    return tr;
  }
  return host;
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

let tagIds = 0;

export function createTag(opts: {
  doc: Document;
  comment: Element;
  placement: Placement;
  author: string;
  label: StanceLabel;
  placeholder?: 'deleted' | 'private' | undefined;
  sheet: CSSStyleSheet | null;
  theme: 'light' | 'dark';
  onToggle: () => void;
}): Tag {
  const { doc, comment, placement, author, label } = opts;
  const host = doc.createElement('comment-lens-tag');
  host.setAttribute(OWN_ATTR, '');
  host.setAttribute('data-theme', opts.theme);
  // Page rules that match our host ("article > *", "li { color }") must not reach it: inline
  // !important beats them; the font is set here too because `all` resets it.
  // (CSSOM cssText, which a page CSP does not block, unlike a style attribute in markup.)
  // Expanded, the host is a zero-height anchor and the badge row floats over the comment's top
  // corner (see TAG_CSS): inserting or removing it moves nothing, so a page of 10,000 comments is
  // not laid out and re-walked again as badges appear. (`all` spares `direction`: RTL is inherited.)
  host.style.cssText = 'all: initial !important; position: relative !important; font: 12px/1.5 system-ui, sans-serif !important';
  const root = host.attachShadow({ mode: 'open' });
  adopt(root, opts.sheet, TAG_CSS);

  const row = el(doc, 'div', 'row');
  // A deleted or private slot has no words to label: its tag names that, never a stance.
  const ph = opts.placeholder;
  // A comment in a language the engine does not read: its tag says so, never a stance (language.ts).
  const lang = ph ? undefined : notLabelled(label)?.language;
  const langName = lang ? t(`lang_${lang}`) : '';
  const word = ph ? t(`placeholder_${ph}`) : lang ? t('notLabelledBadge') : t(`stance_${label.label}`);
  const unsure = !ph && !lang && label.confidence < UNSURE_BELOW;
  // Which pass made the label: the fast engine's first, then the sentence encoder's (refine/).
  const pass = label.pass === 'refined' ? 'refined' : 'fast';
  host.setAttribute('data-lens-pass', pass);
  const passWord = t(pass === 'refined' ? 'passRefined' : 'passFast');
  const badge = el(doc, 'button', 'badge');
  badge.setAttribute('data-lens-pass', pass);
  badge.type = 'button';
  badge.append(el(doc, 'span', `dot ${ph ? 'neutral' : label.label}`), el(doc, 'span', '', word));
  if (unsure) badge.append(' ', el(doc, 'span', 'unsure', t('unsure'))); // the space keeps the words apart for AT
  const detailsId = `lens-d${++tagIds}`;
  badge.setAttribute('aria-expanded', 'false');
  badge.setAttribute('aria-controls', detailsId);
  // The accessible name starts with the visible text (WCAG 2.5.3, axe label-content-name-mismatch).
  badge.setAttribute(
    'aria-label',
    ph
      ? t('placeholderAria', word)
      : lang
        ? t('notLabelledAria', langName)
        : t(unsure ? 'badgeAriaUnsure' : 'badgeAria', word, percent(label.confidence), passWord),
  );
  const details = el(doc, 'div', 'details');
  details.id = detailsId;
  // Filled on first hover, focus or click: most badges are never opened, and on a page with
  // 10,000 comments the cue lists would be most of the tags' cost.
  let filled = false;
  const fill = (): void => {
    if (filled) return;
    filled = true;
    if (ph) return void details.append(el(doc, 'div', '', t('placeholderDetails', word)));
    if (lang) return void details.append(el(doc, 'div', '', t('notLabelledDetails', langName)));
    details.append(el(doc, 'div', '', `${t('confidence', percent(label.confidence))}${label.via ? t('fromReply') : ''} · ${passWord}`));
    const cues = cueLines(label);
    if (cues.length) {
      const ul = el(doc, 'ul');
      for (const c of cues) ul.append(el(doc, 'li', '', c));
      details.append(ul);
    } else details.append(el(doc, 'div', '', t('noStrongCue')));
  };
  // Hover or keyboard focus peeks at the details; a click pins them open.
  // Shown details lift their row above the next comments' badges (each row is a stacking context).
  const lift = (): void => void row.classList.toggle('up', details.classList.contains('peek') || details.classList.contains('open'));
  const peek = (on: boolean) => (): void => {
    if (on) fill();
    details.classList.toggle('peek', on);
    lift();
  };
  badge.addEventListener('pointerenter', peek(true));
  badge.addEventListener('pointerleave', peek(false));
  badge.addEventListener('focus', peek(true));
  badge.addEventListener('blur', peek(false));
  badge.addEventListener('click', () => {
    fill();
    const open = details.classList.toggle('open');
    badge.setAttribute('aria-expanded', String(open));
    lift();
  });

  const stub = el(doc, 'span', 'stub', `▸ ${stubText(author, word)} —`);
  const toggle = el(doc, 'button', 'toggle');
  toggle.type = 'button';
  toggle.addEventListener('click', opts.onToggle);
  // The details float below the row, which is their containing block while it floats.
  row.append(badge, stub, toggle, details);
  root.append(row);

  let isCollapsed = false;
  let badgesOn = true;
  // Inline (ours, CSP-safe through CSSOM) so that page rules matching our host cannot win.
  const applyDisplay = (): void => {
    const show = isCollapsed || badgesOn;
    host.style.setProperty('display', show ? 'block' : 'none', 'important');
    // The collapsed stub is a line of its own (the reader asked for it); the badge takes no room.
    host.style.setProperty('height', isCollapsed ? 'auto' : '0', 'important');
    host.style.setProperty('margin', isCollapsed ? '2px 0 4px' : '0', 'important');
    if (outer === host) return;
    if (show) outer.style.removeProperty('display');
    else outer.style.setProperty('display', 'none', 'important');
  };
  const setCollapsed = (collapsed: boolean): void => {
    isCollapsed = collapsed;
    host.setAttribute('data-collapsed', String(collapsed));
    badge.hidden = collapsed;
    stub.hidden = !collapsed;
    if (collapsed) details.classList.remove('open', 'peek');
    row.classList.toggle('float', !collapsed);
    lift();
    toggle.textContent = collapsed ? t('toggleShowText') : '–';
    toggle.setAttribute('aria-expanded', String(!collapsed));
    toggle.setAttribute('aria-label', toggleLabel(author, collapsed));
    applyDisplay();
  };

  const outer = placement === 'inside' ? host : wrapFor(doc, comment.parentElement, host);
  setCollapsed(false);
  outer.setAttribute(OWN_ATTR, '');
  if (placement === 'inside') comment.prepend(outer);
  else comment.before(outer);
  return {
    outer,
    host,
    toggle,
    setCollapsed,
    setBadges: (on) => {
      badgesOn = on;
      applyDisplay();
    },
  };
}
