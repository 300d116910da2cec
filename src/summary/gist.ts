// The gist: what each side says. Per stance, the comments that best stand for it and the phrases
// that set it apart from the other stances, each cited to real comments; and the most discussed
// thread. Pure and deterministic (no DOM, no clock, no randomness): the CLI, --json and the panel
// show the same. gistStage() does the work in small units (a pipeline stage), so the content script can spread it over
// time slices after the first panel; gist() drains it in one go.
import { drain, type Stage } from '../pipeline/stage';
import { STANCES, type Stance, type StanceLabel, type Thread } from '../parser/types';
import { notLabelled } from '../stance/language';
import { emptyStanceCounts, UNSURE_BELOW } from './summarize';
import { eachTerm } from './gist-words';

export interface GistPhrase {
  /** the word or two-word phrase, lower-cased */
  text: string;
  /** how many comments of this stance contain it */
  count: number;
  /** comments of this stance that contain it, in page order (the first MAX_PHRASE_IDS) */
  commentIds: string[];
}

export interface StanceGist {
  /** up to REPRESENTATIVES ids of comments labelled with this stance, best first */
  comments: string[];
  phrases: GistPhrase[];
}

export interface MostDiscussed {
  /** the top-level comment whose reply tree is largest */
  rootId: string;
  /** comments in that tree, the root included */
  size: number;
  /** their stances (comments not labelled, and deleted ones, left out) */
  byStance: Record<Stance, number>;
}

export interface Gist {
  byStance: Record<Stance, StanceGist>;
  mostDiscussed: MostDiscussed | null;
}

/** Representative comments per stance: enough to show the range of a side, few enough to read. */
export const REPRESENTATIVES = 3;
/** Distinctive phrases per stance. */
export const PHRASES = 5;
/** A phrase must occur in at least this many comments of its stance: one comment cannot make one. */
export const MIN_PHRASE_COMMENTS = 2;
/** Ids listed per phrase (the count says how many there are in all). */
export const MAX_PHRASE_IDS = 10;
/**
 * z-score a phrase's log-odds must reach (Monroe, Colaresi & Quinn 2008, "Fightin' Words"): ~1.64 is
 * one-sided 95 %. Below it, the phrase is about as common in the other stances.
 */
export const MIN_PHRASE_Z = 1.64;
/**
 * Strength of the informative Dirichlet prior, in pseudo-comments spread as the whole thread's
 * frequencies; a thread of fewer comments gets as many as it has, so the prior never outweighs it.
 */
export const PRIOR_STRENGTH = 500;
/** Representatives with fewer content words than this are scaled down: "Yes." stands for nobody. */
export const FULL_LENGTH_WORDS = 6;
/** Two picks that share more than this share of their words say the same thing: the second is skipped. */
export const MAX_OVERLAP = 0.6;

interface Doc {
  i: number;
  stance: Stance | null; // null: no stance (placeholder or not labelled)
  /** ids of its distinct terms (words and two-word phrases), see Vocabulary */
  terms: number[];
  /** how many of those are single words */
  words: number;
}

/**
 * Every term of the thread once, as a number: a comment keeps an array of numbers rather than a
 * set of strings (at 10,000 comments, sets of strings made the collector pause for tens of ms).
 */
class Vocabulary {
  readonly ids = new Map<string, number>();
  readonly text: string[] = [];
  readonly bigram: boolean[] = [];
  /** per stance, how many comments hold each term; and in all */
  readonly df: Record<Stance, number[]> = { support: [], oppose: [], neutral: [], question: [] };
  readonly dfAll: number[] = [];
  /** seen[id] = the last doc that held the term, so a doc counts each term once */
  private seen: number[] = [];

  read(doc: Doc, text: string): void {
    const df = this.df[doc.stance!];
    eachTerm(text, (t, bigram) => {
      let id = this.ids.get(t);
      if (id === undefined) {
        id = this.text.length;
        this.ids.set(t, id);
        this.text.push(t);
        this.bigram.push(bigram);
        this.seen.push(-1);
        this.dfAll.push(0);
        for (const s of STANCES) this.df[s].push(0);
      }
      if (this.seen[id] === doc.i) return;
      this.seen[id] = doc.i;
      doc.terms.push(id);
      if (!bigram) doc.words++;
      df[id]!++;
      this.dfAll[id]!++;
    });
  }
}

/** The gist in one go (the CLI, the tests). */
export function gist(thread: Thread, labels: readonly StanceLabel[]): Gist {
  return drain(gistStage(thread, labels));
}

/**
 * The gist stage (pipeline/stage.ts): each unit is a small piece of work (one comment, or one
 * stance's ranking), so the content script's runner can stop between any two; the result is the
 * Gist. The same result as gist().
 */
export function* gistStage(thread: Thread, labels: readonly StanceLabel[]): Stage<Gist> {
  const n = thread.comments.length;
  if (labels.length !== n) throw new Error(`gist: ${labels.length} labels for ${n} comments`);
  // 1. Read every comment once: its terms, its stance, its place in the reply trees.
  const docs: Doc[] = [];
  const vocab = new Vocabulary();
  const size = emptyStanceCounts();
  const index = new Map<string, number>();
  const replies = new Array<number>(n).fill(0); // direct replies received
  const root = new Array<number>(n); // the top-level comment of each one's tree
  const treeSize = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    const c = thread.comments[i]!;
    const label = labels[i]!;
    index.set(c.id, i);
    const p = c.parentId === undefined ? undefined : index.get(c.parentId);
    // Parents come earlier (buildThread's guarantee); an unknown parent makes a root.
    root[i] = p === undefined ? i : root[p]!;
    treeSize[root[i]!]!++;
    if (p !== undefined) replies[p]!++;
    const stance = c.placeholder || notLabelled(label) ? null : label.label;
    const doc: Doc = { i, stance, terms: [], words: 0 };
    if (stance) {
      size[stance]++;
      vocab.read(doc, c.text);
    }
    docs.push(doc);
    yield;
  }
  // 3. Per stance: representatives, then phrases.
  const byStance = {} as Record<Stance, StanceGist>;
  for (const s of STANCES) {
    const members = docs.filter((d) => d.stance === s);
    byStance[s] = { comments: representatives(members, vocab, labels, replies, thread), phrases: [] };
    yield;
    byStance[s].phrases = phrases(s, members, vocab, size, thread);
    yield;
  }
  return { byStance, mostDiscussed: mostDiscussed(thread, labels, docs, root, treeSize) };
}

/**
 * The comments that best stand for their stance: central (their words are the words many others
 * of the stance use: cosine of the comment's words to the stance's word counts, the comment itself
 * left out), weighted by the replies it drew (log-scaled) and by the label's confidence. Unsure
 * labels are never picked, and a pick that repeats an earlier one is skipped.
 */
function representatives(members: Doc[], vocab: Vocabulary, labels: readonly StanceLabel[], replies: number[], thread: Thread): string[] {
  const scored: Array<{ d: Doc; score: number }> = [];
  const df = members.length ? vocab.df[members[0]!.stance!] : [];
  for (const d of members) {
    const label = labels[d.i]!;
    if (label.confidence < UNSURE_BELOW || d.words === 0) continue;
    let shared = 0;
    for (const id of d.terms) if (!vocab.bigram[id]) shared += df[id]! - 1;
    const centrality = shared / Math.sqrt(d.words);
    const length = Math.min(1, d.words / FULL_LENGTH_WORDS);
    const score = (centrality + 1) * length * label.confidence * (1 + Math.log1p(replies[d.i]!));
    scored.push({ d, score });
  }
  // Highest score first; a tie goes to the earlier comment, so the result never depends on sort internals.
  scored.sort((a, b) => b.score - a.score || a.d.i - b.d.i);
  const picked: Doc[] = [];
  for (const { d } of scored) {
    if (picked.length === REPRESENTATIVES) break;
    if (picked.some((p) => overlap(p, d, vocab) > MAX_OVERLAP)) continue;
    picked.push(d);
  }
  return picked.map((d) => thread.comments[d.i]!.id);
}

/** Share of the shorter comment's words that the other holds too. */
function overlap(a: Doc, b: Doc, vocab: Vocabulary): number {
  const [small, big] = a.words <= b.words ? [a, b] : [b, a];
  if (small.words === 0) return 0;
  const other = new Set(big.terms);
  let k = 0;
  for (const id of small.terms) if (!vocab.bigram[id] && other.has(id)) k++;
  return k / small.words;
}

/**
 * The words and two-word phrases over-represented in stance s against the other stances: weighted
 * log-odds with an informative Dirichlet prior (Monroe et al. 2008), counting comments, not
 * occurrences, so one comment that repeats a word does not make it distinctive; at least
 * MIN_PHRASE_COMMENTS comments must hold it. A word already inside a chosen phrase, in as many
 * comments, adds nothing and is skipped.
 */
function phrases(s: Stance, members: Doc[], vocab: Vocabulary, size: Record<Stance, number>, thread: Thread): GistPhrase[] {
  const total = STANCES.reduce((a, t) => a + size[t], 0);
  const n1 = size[s];
  const n2 = total - n1;
  if (n1 === 0 || total === 0) return [];
  const scored: Array<{ id: number; t: string; z: number; y1: number }> = [];
  const df = vocab.df[s];
  const a0 = Math.min(PRIOR_STRENGTH, total);
  for (let id = 0; id < df.length; id++) {
    const y1 = df[id]!;
    if (y1 < MIN_PHRASE_COMMENTS) continue;
    const all = vocab.dfAll[id]!;
    const y2 = all - y1;
    // The prior: the term's share of all comments, as a0 pseudo-comments.
    const a = (a0 * all) / total;
    const l1 = Math.log((y1 + a) / (n1 + a0 - y1 - a));
    const l2 = Math.log((y2 + a) / (n2 + a0 - y2 - a));
    const z = (l1 - l2) / Math.sqrt(1 / (y1 + a) + 1 / (y2 + a));
    if (z >= MIN_PHRASE_Z) scored.push({ id, t: vocab.text[id]!, z, y1 });
  }
  // Strongest first; ties by count, then the two-word phrase before its words (it says more), then
  // alphabetically: deterministic.
  const two = (id: number): number => (vocab.bigram[id] ? 0 : 1);
  scored.sort((x, y) => y.z - x.z || y.y1 - x.y1 || two(x.id) - two(y.id) || (x.t < y.t ? -1 : x.t > y.t ? 1 : 0));
  const chosen: Array<{ id: number; t: string; y1: number }> = [];
  for (const c of scored) {
    if (chosen.length === PHRASES) break;
    const parts = c.t.split(' ');
    // "climate" in as many comments as the chosen "climate change" says nothing more (and the reverse).
    if (chosen.some((p) => p.y1 === c.y1 && (p.t.split(' ').some((w) => parts.includes(w))))) continue;
    chosen.push(c);
  }
  return chosen.map(({ id, t, y1 }) => {
    const ids: string[] = [];
    for (const d of members) {
      if (ids.length === MAX_PHRASE_IDS) break;
      if (d.terms.includes(id)) ids.push(thread.comments[d.i]!.id);
    }
    return { text: t, count: y1, commentIds: ids };
  });
}

/** The top-level comment with the largest reply tree (at least one reply), and that tree's stances. */
function mostDiscussed(thread: Thread, labels: readonly StanceLabel[], docs: Doc[], root: number[], treeSize: number[]): MostDiscussed | null {
  let best = -1;
  for (let i = 0; i < treeSize.length; i++) if (root[i] === i && treeSize[i]! >= 2 && (best < 0 || treeSize[i]! > treeSize[best]!)) best = i;
  if (best < 0) return null;
  const byStance = emptyStanceCounts();
  for (let i = best; i < root.length; i++) if (root[i] === best && docs[i]!.stance) byStance[labels[i]!.label]++;
  return { rootId: thread.comments[best]!.id, size: treeSize[best]!, byStance };
}
