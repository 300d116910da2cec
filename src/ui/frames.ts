// Comment frames (the Disqus embed) label their own comments and report counts to the top
// frame's panel, which shows the sum of its own comments and every frame's. Pure helpers.
import { STANCES, type Summary } from '../parser/types';
import { emptyStanceCounts, rankAuthors, topAuthors } from '../summary/summarize';
import { MAX_REPORTED_AUTHORS, type FrameReport, type FrameState } from '../shared/messages';

/** A frame's summary cut down to what the top panel shows (a few authors, not all). */
export function reportOf(summary: Summary, state: FrameState, authors = MAX_REPORTED_AUTHORS): FrameReport {
  return {
    state,
    total: summary.total,
    byStance: { ...summary.byStance },
    byAuthor: topAuthors(summary, authors),
    repliesInferred: summary.repliesInferred,
    repliesMarked: summary.repliesMarked,
    unsure: summary.unsure,
    // the top panel's "not labelled" line counts the frames' too: total = stances + not labelled
    ...(summary.notLabelled ? { notLabelled: summary.notLabelled } : {}),
  };
}

export function emptySummary(): Summary {
  return { total: 0, byStance: emptyStanceCounts(), byAuthor: [], repliesInferred: 0, repliesMarked: 0, unsure: 0 };
}

/** Sum of summaries; an author in several parts is counted once, with the sum of the counts. */
export function sumSummaries(parts: ReadonlyArray<Summary | FrameReport>): Summary {
  const out = emptySummary();
  const authors = new Map<string, number>();
  let notLabelled = 0;
  for (const p of parts) {
    out.total += p.total;
    notLabelled += p.notLabelled ?? 0;
    for (const s of STANCES) out.byStance[s] += p.byStance[s];
    out.repliesInferred += p.repliesInferred;
    out.repliesMarked += p.repliesMarked;
    out.unsure += p.unsure;
    for (const [name, n] of p.byAuthor) authors.set(name, (authors.get(name) ?? 0) + n);
  }
  out.byAuthor = rankAuthors(authors);
  if (notLabelled > 0) out.notLabelled = notLabelled;
  return out;
}

/** The panel's state over all frames: any still labelling -> labelling; else any error -> error. */
export function framesState(reports: Iterable<FrameReport>): 'labelling' | 'ready' | 'error' {
  let state: 'labelling' | 'ready' | 'error' = 'ready';
  for (const r of reports) {
    if (r.state === 'labelling') return 'labelling';
    if (r.state === 'error') state = 'error';
  }
  return state;
}

/**
 * The reports the top frame keeps, by frame id: a new report replaces that frame's last one, an
 * 'off' report forgets the frame (it tore down: its comments are no longer labelled).
 */
export function withReport(reports: ReadonlyMap<number, FrameReport>, frameId: number, report: FrameReport): Map<number, FrameReport> {
  const next = new Map(reports);
  if (report.state === 'off') next.delete(frameId);
  else next.set(frameId, report);
  return next;
}
