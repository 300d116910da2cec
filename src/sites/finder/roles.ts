// Fields of a comment block by role, not by class name: the author is the short signed name of the
// byline, the time is the date-like text or <time> near it, the body is the prose that is left
// once the byline, buttons, vote counts and nested replies are set aside. Read only.
import { blockText, lineText } from '../dom';
import { ACTION_LINE, CHROME_TOKENS, DATE_TEXT, NAME_TOKENS, SAYS, TIME_TOKENS, tokens } from './words';
import { NAME_CHARS, NAME_WORDS } from './weights';

/** True for elements that are not this block's own content (nested replies, stripped chrome). */
export type Skip = (e: Element) => boolean;

export interface Roles {
  author?: string;
  time?: string;
  text?: string;
}

/** The block's own elements in document order, nested replies (and what `skip` names) left out. */
function* own(item: Element, skip: Skip): Generator<Element> {
  let e: Element | null = item.firstElementChild;
  while (e) {
    if (!skip(e)) {
      yield e;
      if (e.firstElementChild) {
        e = e.firstElementChild;
        continue;
      }
    }
    while (e && e !== item && !e.nextElementSibling) e = e.parentElement;
    e = e && e !== item ? e.nextElementSibling : null;
  }
}

/**
 * A definition-list comment (old Blogger, many forums): the <dd> holds the words, the <dt> before
 * it the byline, a <dd> of another class after it the date. Those are read with the item.
 */
function companions(item: Element): Element[] {
  if (item.tagName !== 'DD') return [];
  const out: Element[] = [];
  for (let s = item.previousElementSibling; s; s = s.previousElementSibling) {
    if (s.tagName === 'DT') {
      out.push(s);
      break;
    }
  }
  const next = item.nextElementSibling;
  if (next && next.tagName === 'DD' && next.className !== item.className) out.push(next);
  return out;
}

/** The block's own elements, then its companions' (definition lists). */
function* withCompanions(item: Element, skip: Skip): Generator<Element> {
  yield* own(item, skip);
  for (const c of companions(item)) {
    yield c;
    yield* own(c, skip);
  }
}

const words = (s: string): number => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/** A short text that can be a name: a few words, not a date, not a button's label. */
export function nameLike(s: string): boolean {
  return s.length >= 2 && s.length <= NAME_CHARS && words(s) >= 1 && words(s) <= NAME_WORDS && !DATE_TEXT.test(s) && !ACTION_LINE.test(s) && !/^\d+$/.test(s) && !/[.!?]\s\S/.test(s);
}

/** Separators between the parts of a one-line byline: "Name | date", "Name on date", "Name · 3h". */
const BYLINE_PARTS = /\s*[|·•—–]\s*|\s+(?:on|at|um|am|le|el|il)\s+/;

/** "by Name," / "von Name |" / "par Name le…": a byline's name after its preposition. */
const BY_NAME = /(?:^|[|·•—–]\s*|(?:posted|written|comment(?:ed)?)\s+)(?:by|von|par|por|door|di|av|af)\s+([^,|·•\n]{2,48}?)\s*(?:,|\||·|•|\s+(?:on|at|am|um|le|el|il)\s|\s+\d|$)/i;

const cleanName = (s: string): string => s.replace(SAYS, '$1').replace(/^(?:by|von|par|por|posted by|written by)\s+/i, '').replace(/[,:;|.…\s]+$/, '').trim();

/** The author's element and name: a byline part named for it, a <cite>, or a short leading link or bold text. */
export function findName(item: Element, skip: Skip): { el: Element; name: string } | null {
  let early: { el: Element; name: string } | null = null;
  let late: { el: Element; name: string } | null = null;
  let seenProse = false;
  for (const e of withCompanions(item, skip)) {
    const tag = e.tagName;
    if (tag === 'BLOCKQUOTE' || tag === 'Q') continue;
    const named = e.getAttribute('itemprop') === 'author' || tokens(e.getAttribute('class')).some((t) => NAME_TOKENS.test(t)) || tag === 'CITE';
    if (named) {
      const t = cleanName(lineText(e));
      if (nameLike(t)) return { el: e, name: t };
      // a byline holding name and date ("October 19, 2012 | Fazal Majid"): its part that is a name
      const part = t.split(BYLINE_PARTS).map(cleanName).find((x) => nameLike(x));
      if (part && t.length <= 120) return { el: e, name: part };
    }
    // a small heading before the words is a byline's name too ("<h4>Fabio</h4>"), never after them
    if (!early && !seenProse && (tag === 'H4' || tag === 'H5' || tag === 'H6')) {
      const t = cleanName(lineText(e));
      if (nameLike(t)) early = { el: e, name: t };
    }
    if (tag === 'A' || tag === 'STRONG' || tag === 'B') {
      const t = cleanName(lineText(e));
      if (nameLike(t)) {
        if (!early && !seenProse) early = { el: e, name: t };
        // after the body: a signature link ("— Fazal Majid"), the profile link of a footer byline
        else if (!late && seenProse && tag === 'A') late = { el: e, name: t };
      }
    }
    if ((tag === 'P' || tag === 'DIV') && words(lineText(e)) > 12 && !e.querySelector('a, cite, strong, b')) seenProse = true;
  }
  if (early ?? late) return early ?? late;
  // "written by Tony Hamilton, October 24, 2012": the name after "by" in a short line
  for (const e of withCompanions(item, skip)) {
    const t = lineText(e);
    const by = t.length <= 120 ? BY_NAME.exec(t) : null;
    if (by && nameLike(by[1]!.trim())) return { el: e, name: by[1]!.trim() };
  }
  for (const e of [item, ...companions(item)]) {
    const says = SAYS.exec(lineText(e).slice(0, 120));
    if (says && nameLike(says[1]!.trim())) return { el: e, name: says[1]!.trim() };
  }
  return null;
}

/** The time's element and value: <time datetime>, a part named for dates, or a short date-like text. */
export function findTime(item: Element, skip: Skip): { el: Element; value: string } | null {
  let textual: { el: Element; value: string } | null = null;
  for (const e of withCompanions(item, skip)) {
    if (e.tagName === 'TIME') return { el: e, value: e.getAttribute('datetime')?.trim() || lineText(e) };
    // the innermost match: pre-order visits an outer line before the date part inside it
    if (textual && !textual.el.contains(e)) continue;
    const t = lineText(e);
    if (t.length > 0 && t.length <= 80 && DATE_TEXT.test(t)) {
      const named = tokens(e.getAttribute('class')).some((k) => TIME_TOKENS.test(k)) || e.tagName === 'ABBR' || e.tagName === 'A' || e.tagName === 'SMALL' || e.tagName === 'SPAN';
      // a byline line that is mostly its date ("October 19, 2012 | Fazal Majid") counts as well
      if (named || e.childElementCount === 0 || t.length <= 60) textual = { el: e, value: dateIn(t) };
    }
  }
  return textual;
}

/** The date part of a byline line: all of a short one, else from the first date-like word on. */
function dateIn(t: string): string {
  if (t.length <= 40) return t;
  const m = DATE_TEXT.exec(t);
  return m ? t.slice(m.index, m.index + 36).replace(/\s+\S*$/, '').trim() : t;
}

/** Byline and control parts of a block: short, and either named for it or holding the name or time. */
export function chromeOf(item: Element, skip: Skip, marks: readonly (Element | undefined)[]): Set<Element> {
  const out = new Set<Element>();
  for (const e of own(item, skip)) {
    const tag = e.tagName;
    if (tag === 'FORM' || tag === 'BUTTON' || tag === 'NAV' || tag === 'FOOTER' || tag === 'HEADER' || tag === 'IMG') {
      out.add(e);
      continue;
    }
    const text = lineText(e);
    const short = text.length <= 160;
    if (!short) continue;
    const named = tokens(e.getAttribute('class')).some((t) => CHROME_TOKENS.test(t));
    const holds = marks.some((m) => m && m !== item && e.contains(m));
    const action = ACTION_LINE.test(text) || (tag === 'A' && /^(?:#|javascript:)/.test(e.getAttribute('href') ?? '') && words(text) <= 3);
    if (named || holds || action) out.add(e);
  }
  return out;
}

/** The body: the block's text without its byline, controls and nested replies; lines of buttons dropped. */
export function readBody(item: Element, skip: Skip, name?: { el: Element; name: string } | null, time?: { el: Element; value: string } | null): string {
  const chrome = chromeOf(item, skip, [name?.el, time?.el]);
  let text = blockText(item, (e) => skip(e) || chrome.has(e));
  // every part was byline-like (a comment printed inside its byline paragraph): read it all, then trim
  if (!text) text = blockText(item, skip);
  const lines = text.split('\n').filter((l) => !ACTION_LINE.test(l.trim()));
  if (name && lines[0]) lines[0] = lines[0].replace(SAYS, '').trim() || lines[0];
  while (lines.length > 1 && name && (lines[0] === name.name || cleanName(lines[0]!) === name.name)) lines.shift();
  return lines.filter(Boolean).join('\n');
}

/** Every field of a block by role. */
export function readRoles(item: Element, skip: Skip): Roles {
  const name = findName(item, skip);
  const time = findTime(item, skip);
  const out: Roles = {};
  if (name) out.author = name.name;
  if (time) out.time = time.value;
  const text = readBody(item, skip, name, time);
  if (text) out.text = text;
  return out;
}
