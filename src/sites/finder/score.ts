// The scorer, top to bottom like Readability's: each candidate group gets one line per signal
// (name, points, what was seen), the best group over the threshold is the comment section.
import { lineText } from '../dom';
import { commentNamed, groupsStage, hasShape, ownTokens, type Group } from './candidates';
import { drain, type Stage } from '../../pipeline/stage';
import { findName, findTime, type Skip } from './roles';
import { DATE_TEXT } from './words';
import { COMMENT_WORD, FURNITURE_TAGS, FURNITURE_TOKENS, REPLY_LABEL, namesComments, tokens } from './words';
import {
  LINK_DENSITY, MAX_BLOCK_CHARS, MIN_BYLINE_SHARE, MIN_PROSE_SHARE, PROSE_CHARS, PROSE_WORDS, SAMPLE, THRESHOLD, WEIGHTS,
} from './weights';

export interface Signal {
  name: keyof typeof WEIGHTS;
  points: number;
  why: string;
}

export interface Scored {
  group: Group;
  score: number;
  signals: Signal[];
  /** why it cannot win whatever its score (too little prose, no bylines) */
  veto?: string;
}

/** The skip for a block of `group`: nested blocks of the same shape are replies, not its content. */
export function nestedSkip(group: Group, item: Element): Skip {
  if (!group.cls) return () => false;
  return (e) => e !== item && e.tagName === item.tagName && hasShape(e, group.cls);
}

/**
 * The length of an element's text, counted only up to `limit`: a candidate that is a whole
 * comment section (10,000 comments) is ruled out without building its megabyte of textContent.
 */
export function textLengthUpTo(el: Element, limit: number): number {
  let n = 0;
  let node: Node | null = el.firstChild;
  while (node && n < limit) {
    if (node.nodeType === 3 || node.nodeType === 4) n += node.nodeValue?.length ?? 0;
    else if (node.nodeType === 1 && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== el && !node.nextSibling) node = node.parentNode;
    node = node && node !== el ? node.nextSibling : null;
  }
  return n;
}

const words = (s: string): number => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

interface BlockFacts {
  prose: boolean;
  name: boolean;
  time: boolean;
  linky: boolean;
  heading: boolean;
  avatar: boolean;
  reply: boolean;
  nested: boolean;
  chars: number;
  /** holds a text area: the reply form, not a comment */
  form: boolean;
  /** (a lone block) holds a heading: a wrapper of the section, not one comment */
  wraps: boolean;
}

/** The block's own text (nested replies left out): all of it, and the part outside links with dates taken out. */
function ownText(item: Element, skip: Skip): { text: string; linkChars: number; plain: string } {
  let text = '';
  let plain = '';
  let linkChars = 0;
  const walk = (n: Node, inLink: boolean): void => {
    if (n.nodeType === 3) {
      const v = n.nodeValue ?? '';
      text += v;
      if (inLink) linkChars += v.replace(/\s+/g, ' ').trim().length;
      else plain += v;
      return;
    }
    if (n.nodeType !== 1) return;
    const e = n as Element;
    if (e !== item && (skip(e) || e.tagName === 'SCRIPT' || e.tagName === 'STYLE')) return;
    const link = inLink || e.tagName === 'A';
    for (let c = e.firstChild; c; c = c.nextSibling) walk(c, link);
  };
  walk(item, false);
  return { text: text.replace(/\s+/g, ' ').trim(), linkChars, plain: plain.replace(DATE_ALL, ' ').replace(/\s+/g, ' ').trim() };
}

const DATE_ALL = new RegExp(DATE_TEXT.source, 'gi');

/** The cheap half of a block's facts: its own text, and whether it reads as prose. */
function proseOf(group: Group, item: Element): { prose: boolean; chars: number } {
  const { text, linkChars, plain } = ownText(item, nestedSkip(group, item));
  const linky = text.length > 0 && linkChars / text.length > LINK_DENSITY;
  return { prose: plain.length >= PROSE_CHARS && words(plain) >= PROSE_WORDS && !linky, chars: text.length };
}

function factsOf(group: Group, item: Element): BlockFacts {
  const skip = nestedSkip(group, item);
  const { text, linkChars, plain } = ownText(item, skip);
  const linky = text.length > 0 && linkChars / text.length > LINK_DENSITY;
  const nested = !!group.cls && Array.from(item.querySelectorAll(group.tag)).some((e) => hasShape(e, group.cls));
  const reply = Array.from(item.querySelectorAll('a, button')).some((a) => REPLY_LABEL.test(lineText(a)) || tokens(a.getAttribute('class')).some((t) => t.startsWith('reply')));
  const time = findTime(item, skip) !== null || !!item.querySelector('a[href*="#comment"], a[href*="comment-"], a[href*="#c"]');
  return {
    // prose: enough words outside links and dates (a byline alone is not a comment)
    prose: plain.length >= PROSE_CHARS && words(plain) >= PROSE_WORDS && !linky,
    name: findName(item, skip) !== null,
    time,
    linky,
    heading: !!item.querySelector('h1, h2, h3'),
    avatar: !!item.querySelector('img'),
    reply,
    nested,
    chars: text.length,
    form: !!item.querySelector('textarea'),
    // a lone block with a heading inside is a section ("Reader Comments (1)" over its comment), not the comment
    wraps: group.members.length === 1 && !!item.querySelector('h1, h2, h3, h4, h5, h6'),
  };
}

/** Whether the group's blocks sit inside a block of their own shape: the replies of one thread, not the section. */
function insideOwnShape(group: Group): boolean {
  if (!group.cls) return false;
  for (let e = group.parent as Element | null; e && e.tagName !== 'BODY'; e = e.parentElement) {
    if (e.tagName.toLowerCase() === group.tag && hasShape(e, group.cls)) return true;
  }
  return false;
}

/** Whether the group sits in page furniture: a nav/aside/footer, or a box named for a widget. */
function furnitureOf(el: Element): string | null {
  for (let e: Element | null = el; e && e.tagName !== 'BODY'; e = e.parentElement) {
    if (FURNITURE_TAGS.has(e.tagName)) return `<${e.tagName.toLowerCase()}>`;
    const hit = ownTokens(e).find((t) => FURNITURE_TOKENS.has(t));
    if (hit) return `${e.tagName.toLowerCase()} "${hit}"`;
    // a box named for comments (and for nothing else) is the section itself: a "widget" above it
    // is the CMS's word for any block (Blogger wraps the whole blog in div.widget.Blog)
    if (namesComments(e.getAttribute('class')) || namesComments(e.id)) return null;
  }
  return null;
}

/** Whether the group sits in something the reader does not see (hidden, display: none, a "hidden" class). */
function hiddenOf(el: Element): boolean {
  for (let e: Element | null = el; e && e.tagName !== 'BODY'; e = e.parentElement) {
    if (e.getAttribute('hidden') !== null || e.getAttribute('aria-hidden') === 'true') return true;
    if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(e.getAttribute('style') ?? '')) return true;
    if (tokens(e.getAttribute('class')).some((t) => t === 'hidden' || t === 'hide')) return true;
  }
  return false;
}

/** A heading (or short labelled line) just before the group or one of its near ancestors. */
function headingBefore(el: Element): string | null {
  let e: Element | null = el;
  for (let up = 0; e && up < 3; up++, e = e.parentElement) {
    let s = e.previousElementSibling;
    for (let k = 0; s && k < 3; k++, s = s.previousElementSibling) {
      const t = lineText(s);
      if (t && t.length <= 120 && COMMENT_WORD.test(t)) return t;
    }
  }
  return null;
}

/** The count a heading states near the group ("38 Responses", "Kommentare (12)"), when there is one. */
function statedNear(el: Element): number | undefined {
  const t = headingBefore(el);
  const m = t?.match(/(\d+)/);
  return m ? Number(m[1]) : undefined;
}

const share = (n: number, of: number): number => (of === 0 ? 0 : n / of);
const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** One group's score, signal by signal. */
export function scoreGroup(doc: Document, group: Group): Scored {
  const sample = group.members.slice(0, SAMPLE);
  // cheap vetoes first: a block longer than a comment, or too little prose, ends it before the
  // bylines are looked for (most groups of a page end here)
  const size = sample.map((m) => textLengthUpTo(m, 3 * MAX_BLOCK_CHARS + 1));
  if (size.some((n) => n > 3 * MAX_BLOCK_CHARS)) return { group, score: 0, signals: [], veto: 'a block too long to be one comment' };
  const quick = sample.map((m) => proseOf(group, m));
  const proseShare = share(quick.filter((q) => q.prose).length, sample.length);
  if (proseShare < MIN_PROSE_SHARE) return { group, score: 0, signals: [], veto: `only ${pct(proseShare)} prose` };
  if (quick.some((q) => q.chars > MAX_BLOCK_CHARS)) return { group, score: 0, signals: [], veto: 'a block too long to be one comment' };
  const facts = sample.map((m) => factsOf(group, m));
  const n = sample.length;
  const count = (f: (b: BlockFacts) => boolean): number => facts.filter(f).length;
  const signals: Signal[] = [];
  const add = (name: Signal['name'], fraction: number, why: string): void => {
    if (fraction > 0) signals.push({ name, points: Math.round(WEIGHTS[name] * fraction * 10) / 10, why });
  };
  const prose = share(count((b) => b.prose), n);
  const named = share(count((b) => b.name), n);
  const timed = share(count((b) => b.time), n);
  add('prose', prose, `${pct(prose)} of ${n} blocks are prose`);
  add('name', named, `${pct(named)} carry a name`);
  add('time', timed, `${pct(timed)} carry a time or permalink`);
  const first = group.members[0]!;
  const itemNamed = commentNamed(first, 0);
  if (itemNamed) add('itemWord', 1, `the blocks' class/id says comment (${group.key})`);
  const heading = headingBefore(group.parent);
  if (commentNamed(group.parent, 3)) add('commentWord', 1, 'the container or an ancestor is named for comments');
  else if (heading) add('commentWord', 1, `heading before it: "${heading.slice(0, 40)}"`);
  if (group.proseBefore >= 400) add('afterArticle', 1, 'after 400+ characters of paragraphs');
  add('replyLinks', share(count((b) => b.reply), n), 'reply links');
  if (facts.some((b) => b.nested)) add('nesting', 1, 'same-shape blocks nested inside blocks');
  const avatars = share(count((b) => b.avatar), n);
  if (avatars >= 0.5) add('avatars', avatars, `${pct(avatars)} with an image`);
  if (group.formAfter) add('replyForm', 1, 'a text area follows');
  const stated = statedNear(group.parent);
  if (stated !== undefined && Math.abs(stated - group.members.length) <= Math.max(1, stated * 0.1)) add('statedCount', 1, `stated ${stated}, found ${group.members.length} top-level`);
  add('manyBlocks', Math.min(1, (group.members.length - 1) / WEIGHTS.manyBlocks), `${group.members.length} blocks`);
  if (group.members.length === 1) add('loneBlock', 1, 'one block, nothing repeats');
  const furniture = FURNITURE_TAGS.has(first.tagName) ? `<${group.tag}> blocks` : furnitureOf(group.parent);
  if (furniture) add('furniture', 1, `inside ${furniture}`);
  const headings = share(count((b) => b.heading), n);
  if (headings >= 0.3) add('headings', headings, `${pct(headings)} hold an h1/h2`);
  const linky = share(count((b) => b.linky), n);
  if (linky >= 0.3) add('linkList', linky, `${pct(linky)} are mostly links`);
  if (group.tag === 'p' || group.parent.querySelector('h1')) add('articleItself', 1, group.tag === 'p' ? 'the blocks are paragraphs' : 'the container holds the h1');
  const score = Math.round(signals.reduce((s, x) => s + x.points, 0) * 10) / 10;
  let veto: string | undefined;
  if (hiddenOf(group.parent)) veto = 'hidden from the reader';
  else if (insideOwnShape(group)) veto = 'replies inside a block of the same shape (the thread is the candidate)';
  else if (prose < MIN_PROSE_SHARE) veto = `only ${pct(prose)} prose`;
  else if (Math.max(named, timed) < MIN_BYLINE_SHARE) veto = `only ${pct(Math.max(named, timed))} signed or dated`;
  else if (group.members.length === 1 && !itemNamed) veto = 'a lone block not named for comments';
  else if (group.members.length === 1 && timed < 1) veto = 'a lone block without a date';
  else if (group.members.length === 1 && !signals.some((x) => x.name === 'commentWord')) veto = 'a lone block outside a section named for comments';
  else if (facts.some((b) => b.chars > MAX_BLOCK_CHARS)) veto = 'a block too long to be one comment';
  else if (facts.some((b) => b.form)) veto = 'a block holds the reply form';
  else if (group.members.length === 1 && facts[0]!.wraps) veto = 'a lone block holding a heading (the section, not a comment)';
  return { group, score, signals, ...(veto ? { veto } : {}) };
}

/**
 * One template repeated one block per wrapper (each comment in a wrapper of its own) is repetition
 * too: each such lone block counts the blocks of its shape, and is no longer lone.
 */
function shareRepetition(ranked: Scored[]): void {
  const byKey = new Map<string, Scored[]>();
  for (const s of ranked) {
    if (s.veto || !s.group.cls || s.group.members.length > 1) continue;
    const list = byKey.get(s.group.key);
    if (list) list.push(s);
    else byKey.set(s.group.key, [s]);
  }
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    const total = list.reduce((n, s) => n + s.group.members.length, 0);
    for (const s of list) {
      s.signals = s.signals.filter((x) => x.name !== 'loneBlock' && x.name !== 'manyBlocks');
      s.signals.push({ name: 'manyBlocks', points: WEIGHTS.manyBlocks * Math.min(1, (total - 1) / WEIGHTS.manyBlocks), why: `${total} blocks of this shape in ${list.length} lists` });
      s.score = Math.round(s.signals.reduce((n, x) => n + x.points, 0) * 10) / 10;
    }
  }
}

export interface Ranking {
  best: Scored | null;
  /**
   * other lists of the winner's shape that pass too (comments under each answer of a Q&A page,
   * a thread split in pages on one page): read with it, from their common ancestor
   */
  alike: Scored[];
  /** every scored candidate, best first (for --explain) */
  ranked: Scored[];
}

/** Scores every group with some text; the best unvetoed one over THRESHOLD wins. */
export function rankGroups(doc: Document): Ranking {
  return drain(rankStage(doc));
}

/** rankGroups as a pipeline stage: the walk's slices, then one unit per group scored. */
export function* rankStage(doc: Document): Stage<Ranking> {
  const ranked: Scored[] = [];
  const groups = yield* groupsStage(doc);
  for (const g of groups) {
    // a cheap pre-filter: blocks with hardly any text cannot be comments
    const probe = g.members.slice(0, 4).reduce((n, m) => n + textLengthUpTo(m, 80), 0);
    if (probe < 20 * Math.min(4, g.members.length)) continue;
    ranked.push(scoreGroup(doc, g));
    yield undefined;
  }
  shareRepetition(ranked);
  ranked.sort((a, b) => b.score - a.score);
  // replies (or an owner's answers) inside the blocks of another passing list are part of it:
  // the outermost passing list is the section
  // (a lone block holding another passing list is that list's wrapper, not a comment; a list
  // without a class is read as direct children only, so it cannot take in what is nested deeper)
  let passing = ranked.filter((s) => !s.veto && s.score >= THRESHOLD);
  const holds = (o: Scored, s: Scored): boolean => o !== s && o.group.members.some((m) => m.contains(s.group.parent));
  passing = passing.filter((o) => !(o.group.members.length === 1 && passing.some((x) => holds(o, x))));
  const nested = (s: Scored): boolean => passing.some((o) => !!o.group.cls && holds(o, s));
  const best = passing.find((s) => !nested(s)) ?? null;
  const alike = best && best.group.cls
    ? ranked.filter((s) => s !== best && !s.veto && s.group.key === best.group.key && s.score >= THRESHOLD)
    : [];
  return { best, alike, ranked };
}

