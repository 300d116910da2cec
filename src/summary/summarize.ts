// Counts and groupings over a labelled thread. Pure: the panel and the CLI show the same numbers.
import { STANCES, type Stance, type StanceLabel, type Summary, type Thread } from '../parser/types';
import { drain, type Stage } from '../pipeline/stage';
import { notLabelled as noStance } from '../stance/language';

/** Below this confidence the panel and the CLI say "unsure" next to the label. */
export const UNSURE_BELOW = 0.45;

export function emptyStanceCounts(): Record<Stance, number> {
  return { support: 0, oppose: 0, neutral: 0, question: 0 };
}

export function summarize(thread: Thread, labels: readonly StanceLabel[]): Summary {
  return drain(summaryStage(thread, labels));
}

/** The summary stage: each comment counted (a unit each), then the authors ranked. */
export function* summaryStage(thread: Thread, labels: readonly StanceLabel[]): Stage<Summary> {
  const n = thread.comments.length;
  if (labels.length !== n) throw new Error(`summarize: ${labels.length} labels for ${n} comments`);
  const byStance = emptyStanceCounts();
  const authorCounts = new Map<string, number>();
  let repliesInferred = 0;
  let repliesMarked = 0;
  let unsure = 0;
  let notLabelled = 0;
  for (let i = 0; i < n; i++) {
    const comment = thread.comments[i]!;
    const label = labels[i]!;
    // A comment the engine did not read has no stance to count (nor to be unsure of).
    if (noStance(label)) notLabelled++;
    else {
      byStance[label.label]++;
      if (label.confidence < UNSURE_BELOW) unsure++;
    }
    // A deleted or private slot has no author to rank; it still counts in the totals.
    if (!comment.placeholder) {
      const author = comment.author || '(anonymous)';
      authorCounts.set(author, (authorCounts.get(author) ?? 0) + 1);
    }
    if (comment.parentId !== undefined) {
      if (comment.parentInferred) repliesInferred++;
      else repliesMarked++;
    }
    yield { done: i + 1, total: n };
  }
  return { total: n, byStance, byAuthor: rankAuthors(authorCounts), repliesInferred, repliesMarked, unsure, notLabelled };
}

/** Most active first; ties keep first-appearance order (Map order, stable sort). */
export function rankAuthors(counts: ReadonlyMap<string, number>): Array<[string, number]> {
  return [...counts].sort((a, b) => b[1] - a[1]);
}

/** The n most active authors, as [name, count] pairs. */
export function topAuthors(summary: Summary, n: number): Array<[string, number]> {
  return summary.byAuthor.slice(0, n);
}

/** Share of each stance in [0,1], for bars; all zero on an empty thread. */
export function stanceShares(summary: Summary): Record<Stance, number> {
  const shares = emptyStanceCounts();
  if (summary.total === 0) return shares;
  for (const s of STANCES) shares[s] = summary.byStance[s] / summary.total;
  return shares;
}
