// The ordered registry: host match first, then one combined markup probe, then the generic
// heuristic (detect.ts, re-exported here), and the extraction entry points.
import type { CommentsExtraction, Extraction, ExtractionPlan, SiteAdapter } from './types';
import { detectPage, pageUrl } from './detect';
import { planWith, runPlan } from './extract';
import { firstIn, planComments as planItems } from './comments';
import { generic } from './generic';
import { ADAPTERS } from './adapters';

export type { CommentsExtraction, Extraction, ExtractionPlan, SiteAdapter } from './types';
export { ADAPTERS, detectPage, generic };

/** Everything on the page: the comments, the article beside them, the widget flag, the stated count. */
export function extractPage(doc: Document, url?: string, adapter?: SiteAdapter): Extraction {
  return runPlan(planPage(doc, url, adapter));
}

/** extractPage in stages (see ExtractionPlan): the same reading, for a caller that slices it. */
export function planPage(doc: Document, url?: string, adapter?: SiteAdapter): ExtractionPlan<Extraction> {
  const u = pageUrl(doc, url);
  const a = adapter ?? detectPage(doc, u) ?? generic;
  return planWith(doc, a, u, a === generic ? undefined : generic);
}

/**
 * The comments alone, for re-reading after live changes: no article, no stated
 * count, so its cost is one query for the items plus each item's fields. Pure read.
 *
 * `container` (an earlier Extraction.container) limits the read to that section: comments outside
 * it are not seen, and ids a site does not give ("c1", ...) count from the section's first item.
 * The returned container is that same element while it is still in the page; when the page has
 * replaced it (detached), the whole page is read again and the new section is returned, so the
 * caller can move its observer there. Without `container`: the whole page, as extractPage reads it.
 * Comment i still pairs with elements[i]; the list is the whole section again, not a diff.
 */
export function extractComments(doc: Document, adapter: SiteAdapter, container?: Element | null): CommentsExtraction {
  return runPlan(planComments(doc, adapter, container));
}

/** extractComments in stages (see ExtractionPlan): the same reading, for a caller that slices it. */
export function planComments(doc: Document, adapter: SiteAdapter, container?: Element | null): ExtractionPlan<CommentsExtraction> {
  const scope = container && container.isConnected !== false ? container : undefined;
  const r = planItems(doc, adapter, adapter === generic ? undefined : generic, scope);
  const finish = (): CommentsExtraction => {
    const fallback = r.elements.length === 0 ? firstIn(r.roots, adapter.widget ?? []) : null;
    return { comments: r.comments, elements: r.elements, container: scope ?? r.section ?? fallback, skipped: r.skipped };
  };
  return { items: r.items, prepare: r.prepare, read: r.read, section: scope ?? r.section, finish };
}
