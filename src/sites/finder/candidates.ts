// Candidates: groups of sibling elements of one shape (same tag, same first meaningful class),
// found in one walk over the page. A comment list is such a group: each reader's block is built
// by the same template. A lone block is a candidate only when its own class or id says "comment"
// (a thread with one comment has nothing to repeat).
import { isOwn } from '../dom';
import { drain, type Stage } from '../../pipeline/stage';
import { namesComments, tokens } from './words';

export interface Group {
  parent: Element;
  /** tag and shape class ("li.comment"; "div." when the blocks carry no usable class) */
  key: string;
  tag: string;
  /** the class every block carries, for the item selector ('' when none) */
  cls: string;
  members: Element[];
  /** text length of the page's paragraphs before the first block (the article it follows) */
  proseBefore: number;
  /** a text area comes after the container's start (the reply form) */
  formAfter: boolean;
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
  return drain(groupsStage(doc));
}

/** Elements visited between two yields of the walk (a 10,000-comment page has ~150,000). */
const WALK_UNIT = 512;

/** findGroups as a pipeline stage: the walk yields every WALK_UNIT elements. */
export function* groupsStage(doc: Document): Stage<Group[]> {
  const out: Group[] = [];
  // from the root, not doc.body: a malformed page parsed by linkedom can hold an empty first <body>
  const body = doc.documentElement;
  if (!body) return out;
  // the blocks of repeating comment-named groups: a lone comment-named block inside one of them is
  // a part of that comment (its body, its replies' list), not a one-comment thread of its own; as
  // candidates, such parts made the ranking quadratic (thousands of them at 1,000 comments)
  const inComments = new WeakSet<Element>();
  const insideComment = (el: Element): boolean => {
    for (let e = el.parentElement; e; e = e.parentElement) if (inComments.has(e)) return true;
    return false;
  };
  // the children of one parent are grouped in units too: a list of 10,000 comments is one parent
  let seen = 0;
  function* visit(parent: Element): Stage<void> {
    if (parent.childElementCount < 1 || NO_DESCEND.has(parent.tagName)) return;
    const byKey = new Map<string, Element[]>();
    for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
      if (++seen % WALK_UNIT === 0) yield undefined;
      if (NOT_BLOCK.has(c.tagName)) continue;
      const k = keyOf(c);
      const list = byKey.get(k);
      if (list) list.push(c);
      else byKey.set(k, [c]);
    }
    for (const [key, members] of byKey) {
      const first = members[0]!;
      const named = namesComments(first.getAttribute('class')) || namesComments(first.id);
      if (members.length < 2 && !(named && !insideComment(first))) continue;
      if (isOwn(first)) continue;
      if (members.length >= 2 && named) for (const m of members) inComments.add(m);
      const g: Group = { parent, key, tag: first.tagName.toLowerCase(), cls: shapeClass(first), members, proseBefore: 0, formAfter: false };
      out.push(g);
      waiting.set(first, [...(waiting.get(first) ?? []), g]);
      openAt.push([at, g]);
    }
  }
  // Positions come from this one walk, not from compareDocumentPosition per candidate: in a list
  // of thousands of siblings each such call walks the siblings (2.6 s at 10,000 comments).
  // proseBefore: the paragraphs' text met before a group's first block; formAfter: a text area
  // met after its container.
  const waiting = new Map<Element, Group[]>();
  const openAt: Array<[number, Group]> = [];
  let at = 0;
  let prose = 0;
  let lastTextArea = -1;
  // pre-order walk over elements (getElementsByTagName('*') is empty in linkedom)
  let el: Element | null = body;
  while (el) {
    if (++at % WALK_UNIT === 0) yield undefined;
    const groups = waiting.get(el);
    if (groups) for (const g of groups) g.proseBefore = prose;
    if (el.tagName === 'P') prose += (el.textContent ?? '').length;
    else if (el.tagName === 'TEXTAREA') lastTextArea = at;
    yield* visit(el);
    if (el.firstElementChild && !NO_DESCEND.has(el.tagName)) {
      el = el.firstElementChild;
      continue;
    }
    while (el && el !== body && !el.nextElementSibling) el = el.parentElement;
    el = el && el !== body ? el.nextElementSibling : null;
  }
  for (const [start, g] of openAt) g.formAfter = lastTextArea > start;
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
