// Candidates: groups of sibling elements of one shape (same tag, same first meaningful class),
// found in one walk over the page. A comment list is such a group: each reader's block is built
// by the same template. A lone block is a candidate only when its own class or id says "comment"
// (a thread with one comment has nothing to repeat).
import { isOwn } from '../dom';
import { namesComments, tokens } from './words';

export interface Group {
  parent: Element;
  /** tag and shape class ("li.comment"; "div." when the blocks carry no usable class) */
  key: string;
  tag: string;
  /** the class every block carries, for the item selector ('' when none) */
  cls: string;
  members: Element[];
}

// First class tokens that say nothing about the template: zebra striping, state, layout helpers.
const NOISE_CLASS = /^(?:odd|even|alt|first|last|clearfix|clear|cf|group|active|selected|hidden|visible|show|new|byuser|bypostauthor|parent|child|row|col|item|thread-(?:odd|even|alt)|depth-\d+)$/i;

// Never looked into: no visible prose of the page below these.
const NO_DESCEND = new Set(['HEAD', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'svg', 'SELECT', 'TEXTAREA', 'IFRAME', 'BUTTON', 'OBJECT']);
// Never a comment block itself: inline formatting, media, table cells, controls (a form is walked
// into: ASP.NET pages wrap the whole page in one).
const NOT_BLOCK = new Set([...NO_DESCEND, 'META', 'LINK', 'BR', 'HR', 'IMG', 'A', 'SPAN', 'B', 'I', 'EM', 'STRONG', 'OPTION', 'INPUT', 'TD', 'TH', 'COL', 'FORM', 'LABEL', 'SOURCE', 'PATH', 'path']);

/**
 * The shape class of an element: its first class that is not zebra or state, without a trailing
 * number ("jomentry1"/"jomentry2" are one template; a class that is all id, "c4812", is none).
 */
export function shapeClass(el: Element): string {
  const cls = el.getAttribute('class');
  if (!cls) return '';
  for (const c of cls.split(/\s+/)) {
    const stem = c.replace(/[-_]?\d+$/, '');
    if (stem.length >= 3 && !/\d/.test(stem) && !NOISE_CLASS.test(c) && /^[A-Za-z_][\w-]*$/.test(stem)) return stem;
  }
  return '';
}

/** Whether `el` has the group's shape class (as a whole class, or as the stem of a numbered one). */
export function hasShape(el: Element, cls: string): boolean {
  if (!cls) return false;
  const v = el.getAttribute('class');
  return !!v && v.split(/\s+/).some((c) => c === cls || (c.startsWith(cls) && /^[-_]?\d+$/.test(c.slice(cls.length))));
}

function keyOf(el: Element): string {
  return `${el.tagName}.${shapeClass(el)}`;
}

/** Every group of two or more same-shape siblings, and lone comment-named blocks, in document order. */
export function findGroups(doc: Document): Group[] {
  const out: Group[] = [];
  // from the root, not doc.body: a malformed page parsed by linkedom can hold an empty first <body>
  const body = doc.documentElement;
  if (!body) return out;
  const visit = (parent: Element): void => {
    if (parent.childElementCount < 1 || NO_DESCEND.has(parent.tagName)) return;
    const byKey = new Map<string, Element[]>();
    for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
      if (NOT_BLOCK.has(c.tagName)) continue;
      const k = keyOf(c);
      const list = byKey.get(k);
      if (list) list.push(c);
      else byKey.set(k, [c]);
    }
    for (const [key, members] of byKey) {
      const first = members[0]!;
      if (members.length < 2 && !(namesComments(first.getAttribute('class')) || namesComments(first.id))) continue;
      if (isOwn(first)) continue;
      out.push({ parent, key, tag: first.tagName.toLowerCase(), cls: shapeClass(first), members });
    }
  };
  // pre-order walk over elements (getElementsByTagName('*') is empty in linkedom)
  let el: Element | null = body;
  while (el) {
    visit(el);
    if (el.firstElementChild && !NO_DESCEND.has(el.tagName)) {
      el = el.firstElementChild;
      continue;
    }
    while (el && el !== body && !el.nextElementSibling) el = el.parentElement;
    el = el && el !== body ? el.nextElementSibling : null;
  }
  return out;
}

/** Whether an element or one of its ancestors (up to `levels`) has a class/id naming comments. */
export function commentNamed(el: Element, levels: number): boolean {
  let e: Element | null = el;
  for (let i = 0; e && i <= levels; i++, e = e.parentElement) {
    if (namesComments(e.getAttribute('class')) || namesComments(e.id)) return true;
  }
  return false;
}

/** The class/id tokens of an element. */
export function ownTokens(el: Element): string[] {
  return [...tokens(el.getAttribute('class')), ...tokens(el.id)];
}
