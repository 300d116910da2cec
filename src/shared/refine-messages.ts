// The refining port (content script <-> background, port name REFINE_PORT) and the background's
// link to the encoder's host (worker). A job is the whole thread at once: the article (the
// refiner embeds its title and lead; the fast engine's context reads it as the page's labels
// did), each comment's text, parent index and current label, and the order to refine in (the
// comments on screen first). The refined labels come back in batches with the progress. Both
// ends check every message and bound its size: a thread beyond the bounds keeps its fast labels.
import { STANCES, type Article, type Stance, type StanceLabel } from '../parser/types';
import { isObject, isUpTo, isNum, isText } from './guards';
import { isArticle, isStanceLabel } from './label-messages';

export { REFINE_PORT } from './names';

export const MAX_REFINE_COMMENTS = 20_000;
export const MAX_REFINE_TEXT = 20_000;
export const MAX_REFINE_CHARS = 8_000_000;
/** the most labels in one answer */
export const MAX_REFINED_BATCH = 256;

/** A comment's current label as its replies read it (label and confidence are all they use). */
export type WireLabel = [stance: number, confidence: number];

export interface RefineComment {
  text: string;
  /** index of the comment it answers, or -1 */
  parent: number;
  label: WireLabel;
}

/** content -> background -> host */
export type RefineRequest =
  | { type: 'lens:refine'; job: number; article: Article; comments: RefineComment[]; order: number[] }
  | { type: 'lens:refine-cancel'; job: number };

/** host -> background -> content: refined labels of comments `items[k][0]`, progress `done` of `total`. */
export type RefineReply =
  | { type: 'lens:refined'; job: number; done: number; total: number; items: Array<[index: number, label: StanceLabel]> }
  | { type: 'lens:refine-done'; job: number }
  | { type: 'lens:refine-error'; job: number };

const JOB_MAX = Number.MAX_SAFE_INTEGER;

export function toWireLabel(l: StanceLabel): WireLabel {
  return [STANCES.indexOf(l.label), l.confidence];
}

export function fromWireLabel(w: WireLabel): StanceLabel {
  return { label: STANCES[w[0]] as Stance, confidence: w[1], cues: [] };
}

function isWireLabel(v: unknown): v is WireLabel {
  return Array.isArray(v) && v.length === 2 && isUpTo(v[0], STANCES.length - 1) && isNum(v[1]) && v[1] >= 0 && v[1] <= 1;
}

export function isRefineRequest(m: unknown): m is RefineRequest {
  if (!isObject(m) || !isUpTo(m.job, JOB_MAX)) return false;
  if (m.type === 'lens:refine-cancel') return true;
  if (m.type !== 'lens:refine' || !isArticle(m.article)) return false;
  const { comments, order } = m;
  if (!Array.isArray(comments) || comments.length > MAX_REFINE_COMMENTS) return false;
  const n = comments.length;
  let chars = 0;
  for (const c of comments) {
    if (!isObject(c) || !isText(c.text, MAX_REFINE_TEXT) || !isWireLabel(c.label)) return false;
    // a parent is another comment of the job, or none
    if (!(c.parent === -1 || isUpTo(c.parent, n - 1))) return false;
    chars += c.text.length;
  }
  if (chars > MAX_REFINE_CHARS) return false;
  if (!Array.isArray(order) || order.length > n) return false;
  const seen = new Set<number>();
  for (const i of order) {
    if (!isUpTo(i, n - 1) || seen.has(i)) return false;
    seen.add(i);
  }
  return true;
}

export function isRefineReply(m: unknown): m is RefineReply {
  if (!isObject(m) || !isUpTo(m.job, JOB_MAX)) return false;
  if (m.type === 'lens:refine-done' || m.type === 'lens:refine-error') return true;
  if (m.type !== 'lens:refined' || !isUpTo(m.total, MAX_REFINE_COMMENTS) || !isUpTo(m.done, m.total)) return false;
  const items = m.items;
  if (!Array.isArray(items) || items.length > MAX_REFINED_BATCH) return false;
  return items.every((it) => Array.isArray(it) && it.length === 2 && isUpTo(it[0], MAX_REFINE_COMMENTS - 1) && isStanceLabel(it[1]) && it[1].pass === 'refined');
}

/** background <-> host: a page's message tagged with its port's number (one host serves every page). */
export type HostInbound = { port: number; msg: RefineRequest } | { port: number; closed: true };
export interface HostOutbound {
  port: number;
  msg: RefineReply;
}

export function isHostInbound(m: unknown): m is HostInbound {
  if (!isObject(m) || !isUpTo(m.port, JOB_MAX)) return false;
  return m.closed === true || isRefineRequest(m.msg);
}

export function isHostOutbound(m: unknown): m is HostOutbound {
  return isObject(m) && isUpTo(m.port, JOB_MAX) && isRefineReply(m.msg);
}
