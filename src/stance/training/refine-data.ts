// The labelled rows the refined head learns from and is scored on, with their groups (what the
// hidden sets vary): VAST's comment (one comment comes with several topics, and topics and comments
// link all of VAST dev into one cluster, so a fold cannot hold out both; the strict score in
// train-refine counts only rows whose topic is unseen too), MaskMandate's quote, and RumourEval's
// news event for a Twitter thread (its test brings new events; grouped by thread, every event sat
// in every fold) or the thread itself on Reddit, which has none. Also the fixed held-out folds
// shared with the fast pass's eval. Reading files and embedding are the scripts' job; nothing here ships.
import type { Stance } from '../../parser/types';
import { isHeldOut, parseMaskMandate, parseRumourEval, parseVast, type ReplyRow } from './corpus';

export type SetName = 'vast' | 'mask' | 'rumour';
export interface RefineRow {
  set: SetName;
  group: string;
  topic?: string; // VAST: the topic, for the strict score (rows whose comment AND topic are unseen)
  article: string; // topic, quote or source post (embedded as the "article")
  text: string;
  parentText?: string;
  label: Stance;
  heldOut: boolean;
  /** RumourEval: the reply's id and its parent's (a thread is labelled parents first, as on a page) */
  id?: string;
  parentId?: string;
}
const AGREE_AS: Record<string, Stance> = { agree: 'support', disagree: 'oppose', neutral: 'neutral' };
const AS_AGREEMENT: Record<string, string> = { support: 'agree', oppose: 'disagree', neutral: 'neutral', question: 'neutral', agree: 'agree', disagree: 'disagree' };
/** A stance read as agreement with the text answered (MaskMandate's scoring; a question counts as neutral); agreement labels pass through. */
export const asAgreement = (label: string): string => AS_AGREEMENT[label]!;

export function refineRows(read: (p: string) => string): { train: RefineRow[]; vastHeld: RefineRow[]; maskHeld: RefineRow[]; rumourDev: ReplyRow[] } {
  const vast: RefineRow[] = parseVast(read('vast/vast_dev.csv')).map((r) => ({ set: 'vast', group: `text:${r.text}`, topic: r.topic.toLowerCase().trim(), article: r.topic, text: r.text, label: r.label, heldOut: isHeldOut(r.text) }));
  const mask: RefineRow[] = parseMaskMandate(read('subreddit-agreement/SubReddit-MaskMandate.csv')).map((r) => ({ set: 'mask', group: `quote:${r.quote}`, article: r.quote, text: r.response, label: AGREE_AS[r.label]!, heldOut: isHeldOut(r.response) }));
  const rumour: RefineRow[] = parseRumourEval(read('rumoureval2019/rumoureval2019_subtaskA_train.jsonl')).map((r) => ({
    set: 'rumour', group: r.event ? `event:${r.event}` : `thread:${r.thread}`, article: r.sourceText, text: r.text, ...(r.parentIsSource ? {} : { parentText: r.parentText }), label: r.label, heldOut: false,
    id: r.id, ...(r.parentIsSource || r.parentId === null ? {} : { parentId: r.parentId }),
  }));
  return {
    train: [...vast, ...mask, ...rumour].filter((r) => !r.heldOut),
    vastHeld: vast.filter((r) => r.heldOut),
    maskHeld: mask.filter((r) => r.heldOut),
    rumourDev: parseRumourEval(read('rumoureval2019/rumoureval2019_subtaskA_dev.jsonl')),
  };
}
