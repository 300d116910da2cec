// The structural comment finder, for markup no adapter knows: the best-scoring group of sibling
// blocks (score.ts) becomes a page-specific SiteAdapter — the container and item selectors of
// this page, and a field reader by role — so the shared extractor, the thread builder, the
// content script and the CLI read it like any adapter. Reads the DOM only.
import type { SiteAdapter } from '../types';
import { query } from '../dom';
import { rankGroups, rankStage, nestedSkip, type Ranking, type Scored } from './score';
import { drain, type Stage } from '../../pipeline/stage';
import { readRoles } from './roles';
import { hasShape, shapeClass, type Group } from './candidates';
import { THRESHOLD } from './weights';

export const FINDER_ID = 'finder';

/**
 * The cheap signal: the finder's walk only runs on a page where some id or class carries a
 * comment word, or a text area invites a reply. A few native scans, no JS walk: on a page
 * without any, the detector pays those and stops.
 */
const SIGNAL = [
  '[id*="omment"]', // comment, Comment, kommentar, commentaires, commenti
  '[class*="omment"]', // the same as a class
  '[class*="coment"]', // comentarios, comentários, komentar
];

export function finderSignal(doc: Document): boolean {
  // a text area first (a live collection, no selector matching), then each key alone: Chromium
  // matches a selector list selector by selector at every element, a single one in one scan
  return doc.getElementsByTagName('textarea').length > 0 || SIGNAL.some((s) => query(doc, s) !== null);
}

/** A CSS identifier as written in a selector ("-" and letters are fine; the rest escaped). */
function ident(s: string): string {
  return s.replace(/[^\w-]/g, (c) => `\\${c}`).replace(/^(-?)(\d)/, (_, dash: string, d: string) => `${dash}\\3${d} `);
}

/** A selector for this one element: its id when unique, else a child-index path from the nearest unique id. */
export function pathOf(doc: Document, el: Element): string {
  const parts: string[] = [];
  for (let e: Element | null = el; e; e = e.parentElement) {
    const tag = e.tagName.toLowerCase();
    if (tag === 'body' || tag === 'html') {
      parts.unshift(tag);
      break;
    }
    const id = e.getAttribute('id');
    if (id && /^[A-Za-z][\w-]*$/.test(id) && doc.querySelectorAll(`[id="${id}"]`).length === 1) {
      parts.unshift(`#${id}`);
      break;
    }
    let k = 1;
    for (let s = e.previousElementSibling; s; s = s.previousElementSibling) k++;
    parts.unshift(`${tag}:nth-child(${k})`);
  }
  return parts.join(' > ');
}

/** The shape class as a selector: the class itself, or a prefix test when it is numbered ("jomentry1"). */
function shapeSelector(group: Group): string {
  const whole = group.members.every((m) => m.classList.contains(group.cls));
  return whole ? `.${ident(group.cls)}` : `[class*="${group.cls}"]`;
}

/** The list that holds replies when a theme puts it after its parent block, not inside it. */
function replyListOf(group: Group): string | undefined {
  if (!group.cls) return undefined;
  const members = new Set(group.members);
  for (let c = group.parent.firstElementChild; c; c = c.nextElementSibling) {
    if (members.has(c)) continue;
    const cls = shapeClass(c);
    if (cls && c.classList.contains(cls) && Array.from(c.querySelectorAll(group.tag)).some((e) => hasShape(e, group.cls))) return `${c.tagName.toLowerCase()}.${ident(cls)}`;
  }
  return undefined;
}

/** The page-specific adapter for a winning group. */
export function adapterFor(doc: Document, won: Scored, alike: readonly Scored[] = []): SiteAdapter {
  const { group } = won;
  // several lists of one shape: the section is their nearest common ancestor
  let section = group.parent;
  for (const a of alike) while (!section.contains(a.group.parent) && section.parentElement) section = section.parentElement;
  const container = pathOf(doc, section);
  // same-class blocks anywhere below (threaded replies too); without a class, the direct children only
  const comment = group.cls ? `${container} ${group.tag}${shapeSelector(group)}` : `${container} > ${group.tag}`;
  const childList = replyListOf(group);
  return {
    id: FINDER_ID,
    container: [container],
    comment,
    ...(childList ? { childList } : {}),
    exclude: [
      '.pingback', // WordPress pingback items share the comment template
      '.trackback', // and trackbacks
      '[class*="trackback"]', // theme variants ("trackback-item")
      '[class*="pingback"]', // and theirs
      'form', // a reply form inside the list
    ],
    fields: {
      id: [['', 'id'], ['', 'data-comment-id'], ['', 'data-id']], // the block's own id, for reply links
      level: [['', 'class', /\bdepth-(\d+)\b/]], // WordPress-like depth classes: 1 = top level
    },
    roles: (item, skip) => readRoles(item, (e) => skip(e) || nestedSkip(group, item)(e)),
  };
}

/** The finder's adapter for this page, or null when no group scores as a comment section. */
export function findComments(doc: Document): SiteAdapter | null {
  return drain(findStage(doc));
}

/** findComments as a pipeline stage (the content script runs it in slices: 0.4 s at 10,000 comments). */
export function* findStage(doc: Document): Stage<SiteAdapter | null> {
  const { best, alike } = yield* rankStage(doc);
  return best ? adapterFor(doc, best, alike) : null;
}

/** Why a section won (or nothing did): the top candidates with every signal's points. */
export function explainFinder(doc: Document, top = 5): string {
  const r: Ranking = rankGroups(doc);
  const lines = [`threshold ${THRESHOLD}; ${r.ranked.length} candidate groups; winner: ${r.best ? describe(doc, r.best) : 'none'}`];
  if (r.alike.length) lines.push(`read with it: ${r.alike.length} more list(s) of its shape (${r.alike.map((a) => describe(doc, a)).join('; ')})`);
  for (const s of r.ranked.slice(0, top)) {
    lines.push(`\n${s === r.best ? '*' : ' '} ${s.score.toFixed(1).padStart(6)}  ${describe(doc, s)}${s.veto ? `  (vetoed: ${s.veto})` : ''}`);
    for (const x of s.signals) lines.push(`      ${(x.points >= 0 ? '+' : '') + x.points.toFixed(1)}  ${x.name}: ${x.why}`);
  }
  return lines.join('\n');
}

function describe(doc: Document, s: Scored): string {
  return `${s.group.members.length} × ${s.group.key} in ${pathOf(doc, s.group.parent)}`;
}
