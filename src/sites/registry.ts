// The ordered registry: host match first, then one combined markup probe, then the generic
// heuristic (detect.ts, re-exported here), and the read stages with their one-go forms.
import type { RawPage } from '../parser/types';
import { drain, type Stage } from '../pipeline/stage';
import type { CommentsExtraction, Extraction, SiteAdapter } from './types';
import { detectPage, pageUrl } from './detect';
import { pageStage } from './extract';
import { firstIn, readItems, type FoundItems } from './comments';
import { generic } from './generic';
import { ADAPTERS } from './adapters';

export type { CommentsExtraction, Extraction, SiteAdapter } from './types';
export type { FoundItems } from './comments';
export { ADAPTERS, detectPage, generic };

/** Everything on the page: the comments, the article beside them, the widget flag, the stated count. */
export function extractPage(doc: Document, url?: string, adapter?: SiteAdapter): Extraction {
  return drain(readPage(doc, url, adapter));
}

/**
 * extractPage as a stage (see pipeline/stage.ts); `found` hears about the items once they are
 * known, `onArticle` about the article before the comments are read (pageStage).
 */
export function readPage(doc: Document, url?: string, adapter?: SiteAdapter, found?: (f: FoundItems) => void, onArticle?: (article: RawPage['article'], url?: string) => void): Stage<Extraction> {
  const u = pageUrl(doc, url);
  const a = adapter ?? detectPage(doc, u) ?? generic;
  return pageStage(doc, a, u, a === generic ? undefined : generic, found, onArticle);
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
  return drain(readComments(doc, adapter, container));
}

/** extractComments as a stage. */
export function* readComments(doc: Document, adapter: SiteAdapter, container?: Element | null, found?: (f: FoundItems) => void): Stage<CommentsExtraction> {
  const scope = container && container.isConnected !== false ? container : undefined;
  const r = yield* readItems(doc, adapter, adapter === generic ? undefined : generic, scope, found);
  const fallback = r.elements.length === 0 ? firstIn(r.roots, adapter.widget ?? []) : null;
  return { comments: r.comments, elements: r.elements, container: scope ?? r.section ?? fallback, skipped: r.skipped };
}

/** A re-read of the comments alone as a page, given the first read's page (its article, url, stated count). */
export function* rereadPage(doc: Document, adapter: SiteAdapter, base: RawPage, container?: Element | null, found?: (f: FoundItems) => void): Stage<Extraction> {
  const live = yield* readComments(doc, adapter, container, found);
  const page: RawPage = { ...base, comments: live.comments, widgetOnly: live.comments.length === 0 };
  return { page, elements: live.elements, container: live.container, skipped: live.skipped };
}
