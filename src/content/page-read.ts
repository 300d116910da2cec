// One read of the page for a session: the whole page the first time (the article by our
// Readability-style scoring: costly), then the comment section alone after live changes, keeping
// the first read's article. Page-wide warm-ups and the items go in ~8 ms slices (one task for all
// of them took ~300 ms at 10,000 comments).
import type { RawPage } from '../parser/types';
import { planComments, planPage, type CommentsExtraction, type Extraction, type ExtractionPlan, type SiteAdapter } from '../sites/registry';
import { readingText } from '../ui/format';
import { runSliced, runSteps, yieldToBrowser } from './slices';

export interface ReadOptions {
  doc: Document;
  adapter: SiteAdapter;
  /** the first read's page: given, only the comments are read again */
  base: RawPage | null;
  /** the comment section a live re-read is limited to */
  section: Element | null;
  signal: AbortSignal;
  /** observe `target` from now on: the page may change between slices, and a change reruns the read */
  watch(target: Node): void;
  /** "Reading comments… k of n" as the slices go */
  status?(text: string): void;
}

/** The extraction, or null when stopped meanwhile. */
export async function readPage(o: ReadOptions): Promise<Extraction | null> {
  const { doc, signal } = o;
  const plan: ExtractionPlan<Extraction> = o.base
    ? livePlan(planComments(doc, o.adapter, o.section), o.base)
    : planPage(doc, doc.location?.href, o.adapter);
  const n = plan.items.length;
  if (n > 0) {
    o.watch(plan.section ?? doc.body);
    // Finding the items is a task of its own, apart from the first slice of reading.
    await yieldToBrowser();
    if (signal.aborted) return null;
  }
  // the warm-ups (page-wide queries, in parts) first, then the items, all in budgeted slices
  if (n > 0 && !(await runSteps(plan.prepare, { signal }))) return null;
  const status = o.status;
  const done = await runSliced(0, n, (i) => void plan.read(i), {
    signal,
    ...(status ? { onSlice: (k: number) => status(readingText(k, n)) } : {}),
  });
  if (!done) return null;
  if (n > 0) {
    // the article (finish: Readability-style scoring of the page) makes a task of its own too
    await yieldToBrowser();
    if (signal.aborted) return null;
  }
  return plan.finish();
}

/** A re-read of the comments alone, given the first read's page (its article, url, stated count). */
function livePlan(plan: ExtractionPlan<CommentsExtraction>, base: RawPage): ExtractionPlan<Extraction> {
  return {
    ...plan,
    finish: () => {
      const live = plan.finish();
      const page: RawPage = { ...base, comments: live.comments, widgetOnly: live.comments.length === 0 };
      return { page, elements: live.elements, container: live.container };
    },
  };
}
