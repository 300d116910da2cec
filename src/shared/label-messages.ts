// The labelling port (content script <-> background, port name LABEL_PORT): a job is the thread's
// article, then its comments in order in batches; the labels come back per batch, in order.
// Both sides check every message (it is data from another context) and bound its size: a page
// too big for these bounds is labelled in the page instead.
import { STANCES, type Article, type StanceLabel } from '../parser/types';
import { isUpTo as isIndex, isNum, isObject, isOptText, isText } from './guards';
import { MAX_CUE_CHARS, MAX_CUES, MAX_PAIRS, type Packed } from './label-wire';

export { LABEL_PORT } from './names';

export const MAX_JOB_COMMENTS = 200_000;
export const MAX_BATCH_COMMENTS = 1_000;
export const MAX_BATCH_CHARS = 2_000_000;
export const MAX_TEXT = 200_000;
export const MAX_ID = 2_048;
const MAX_PARAGRAPHS = 20_000;
const MAX_ARTICLE_CHARS = 2_000_000;
/** the most values one packed label takes: head, confidence, via, and three per cue */
const MAX_PACKED_LABEL = 3 + 3 * MAX_CUES;

/**
 * One comment as labelling needs it. `kept`: labelled before (a live update keeps the label);
 * the label itself travels only when a new comment replies to this one (it is read as the
 * parent's), else null and the text is left out.
 */
export interface WireComment {
  id: string;
  text: string;
  parentId?: string;
  placeholder?: 'deleted' | 'private';
  kept?: StanceLabel | null;
}

/** content -> background */
export type LabelRequest =
  | { type: 'lens:warm' }
  | { type: 'lens:job'; job: number; total: number; article: Article }
  | { type: 'lens:comments'; job: number; from: number; comments: WireComment[] };

/**
 * background -> content: `count` labels for comments from, from+1, …, packed (label-wire.ts);
 * a label is null exactly where the comment was kept.
 */
export type LabelReply =
  | { type: 'lens:ready' }
  | { type: 'lens:labels'; job: number; from: number; count: number; pairs: string[]; texts: string[]; data: Packed[] }
  | { type: 'lens:label-error'; job: number };

/** A reply as isLabelReply vouches for it: the packed arrays' items are checked when unpacked. */
export type ReceivedReply =
  | Exclude<LabelReply, { type: 'lens:labels' }>
  | { type: 'lens:labels'; job: number; from: number; count: number; pairs: readonly unknown[]; texts: readonly unknown[]; data: readonly unknown[] };


export function isStanceLabel(l: unknown): l is StanceLabel {
  if (!isObject(l) || !(STANCES as readonly unknown[]).includes(l.label)) return false;
  if (!isNum(l.confidence) || l.confidence < 0 || l.confidence > 1 || !isOptText(l.via, MAX_ID)) return false;
  const cues = l.cues;
  return (
    Array.isArray(cues) &&
    cues.length <= MAX_CUES &&
    cues.every((c) => isObject(c) && isText(c.rule, MAX_CUE_CHARS) && isText(c.reason, MAX_CUE_CHARS) && isOptText(c.text, MAX_CUE_CHARS) && isNum(c.weight))
  );
}

export function isArticle(a: unknown): a is Article {
  if (!isObject(a) || ![a.title, a.date, a.source, a.url].every((v) => isOptText(v, MAX_TEXT))) return false;
  const p = a.paragraphs;
  if (!Array.isArray(p) || p.length > MAX_PARAGRAPHS) return false;
  let chars = 0;
  for (const s of p) {
    if (typeof s !== 'string') return false;
    chars += s.length;
  }
  return chars <= MAX_ARTICLE_CHARS;
}

function isWireComment(c: unknown): c is WireComment {
  if (!isObject(c) || !isText(c.id, MAX_ID) || !isText(c.text, MAX_TEXT) || !isOptText(c.parentId, MAX_ID)) return false;
  if (c.placeholder !== undefined && c.placeholder !== 'deleted' && c.placeholder !== 'private') return false;
  return c.kept === undefined || c.kept === null || isStanceLabel(c.kept);
}

export function isLabelRequest(m: unknown): m is LabelRequest {
  if (!isObject(m)) return false;
  if (m.type === 'lens:warm') return true;
  if (m.type === 'lens:job') return isIndex(m.job, Number.MAX_SAFE_INTEGER) && isIndex(m.total, MAX_JOB_COMMENTS) && isArticle(m.article);
  if (m.type !== 'lens:comments' || !isIndex(m.job, Number.MAX_SAFE_INTEGER) || !isIndex(m.from, MAX_JOB_COMMENTS)) return false;
  const cs = m.comments;
  if (!Array.isArray(cs) || cs.length === 0 || cs.length > MAX_BATCH_COMMENTS || !cs.every(isWireComment)) return false;
  return batchChars(cs) <= MAX_BATCH_CHARS;
}

/** The envelope and its bounds; the packed labels themselves are checked as LabelUnpacker reads them. */
export function isLabelReply(m: unknown): m is ReceivedReply {
  if (!isObject(m)) return false;
  if (m.type === 'lens:ready') return true;
  if (!isIndex(m.job, Number.MAX_SAFE_INTEGER)) return false;
  if (m.type === 'lens:label-error') return true;
  if (m.type !== 'lens:labels' || !isIndex(m.from, MAX_JOB_COMMENTS) || !isIndex(m.count, MAX_BATCH_COMMENTS) || m.count === 0) return false;
  const { pairs, texts, data } = m;
  if (!Array.isArray(pairs) || pairs.length > 2 * MAX_PAIRS || !Array.isArray(texts) || texts.length > m.count * MAX_CUES) return false;
  return Array.isArray(data) && data.length <= m.count * MAX_PACKED_LABEL;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Does `s` cross the port unchanged? Chromium carries extension messages as UTF-8, where a lone
 * surrogate (hostile or broken page text) arrives as U+FFFD: another text, maybe another label.
 */
export function crossesIntact(s: string): boolean {
  const native = (s as { isWellFormed?: () => boolean }).isWellFormed;
  return native ? native.call(s) : !LONE_SURROGATE.test(s);
}

/** The characters a batch carries (texts and ids), for the size bound. */
export function batchChars(cs: readonly WireComment[]): number {
  let n = 0;
  for (const c of cs) n += c.text.length + c.id.length + (c.parentId?.length ?? 0);
  return n;
}
