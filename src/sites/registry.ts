// The ordered registry: host match first, then one combined markup probe, then the generic
// heuristic. detectPage is cheap enough to run on every page: a host suffix scan and one walk over
// the elements against precomputed keys (probe.ts); real queries only for the selectors it leaves.
import type { CommentsExtraction, Extraction, SiteAdapter } from './types';
import { hostOf, query } from './dom';
import { buildKeys, candidates, splitList, type ProbeKeys } from './probe';
import { extractWith } from './extract';
import { firstIn, readComments } from './comments';
import { generic } from './generic';
import { ADAPTERS } from './adapters';

export type { CommentsExtraction, Extraction, SiteAdapter } from './types';
export { ADAPTERS, generic };

let keys: ProbeKeys | null = null;

/** Probe keys from every adapter's detect and widget selectors and generic's containers, built once. */
function probeKeys(): ProbeKeys {
  keys ??= buildKeys([...ADAPTERS, generic].flatMap((a) => [a.detect ?? '', ...(a.widget ?? [])]).concat(generic.container ?? []).filter(Boolean));
  return keys;
}

function hostAdapters(host: string): SiteAdapter[] {
  if (!host) return [];
  return ADAPTERS.filter((a) => a.hosts?.some((h) => host === h || host.endsWith(`.${h}`)));
}

/** A real query, only for the selectors of the list the probe left possible (all without a probe). */
type Present = (list: string) => boolean;

function presentIn(doc: Document, maybe: Set<string> | null): Present {
  return (list) => splitList(list).some((s) => (!maybe || maybe.has(s)) && query(doc, s) !== null);
}

/** The adapter's comments are here (its detect selector matched and, for generic, verified). */
function hasComments(doc: Document, a: SiteAdapter, present: Present, maybe: Set<string> | null): boolean {
  return !!a.detect && present(a.detect) && (!a.verify || a.verify(doc, maybe ? (s) => maybe.has(s) : undefined));
}

/**
 * Only the adapter's widget (a target, a count) is here. Containers like #comments say nothing
 * about the platform, so only generic counts them (an empty comment section).
 */
function hasWidget(a: SiteAdapter, present: Present): boolean {
  const sels = a === generic ? [...(a.widget ?? []), ...(a.container ?? [])] : (a.widget ?? []);
  return sels.some(present);
}

function pageUrl(doc: Document, url?: string): string | undefined {
  if (url) return url;
  const href = doc.location?.href;
  return href && href !== 'about:blank' ? href : undefined;
}

/**
 * The adapter for this page, or null when it has no comment section. Comments win over widgets:
 * a page with WordPress comments and a stray Disqus target is a WordPress page.
 */
export function detectPage(doc: Document, url?: string): SiteAdapter | null {
  const byHost = hostAdapters(hostOf(pageUrl(doc, url)));
  const any = presentIn(doc, null);
  for (const a of byHost) if (hasComments(doc, a, any, null)) return a;
  const maybe = candidates(doc, probeKeys());
  if (maybe.size === 0) return null; // the common case: nothing comment-like at all
  const present = presentIn(doc, maybe);
  for (const a of ADAPTERS) if (hasComments(doc, a, present, maybe)) return a;
  if (hasComments(doc, generic, present, maybe)) return generic;
  for (const a of [...byHost, ...ADAPTERS]) if (hasWidget(a, present)) return a;
  return hasWidget(generic, present) ? generic : null;
}

/** Everything on the page: the comments, the article beside them (Readability on a clone), the widget flag. */
export function extractPage(doc: Document, url?: string, adapter?: SiteAdapter): Extraction {
  const u = pageUrl(doc, url);
  const a = adapter ?? detectPage(doc, u) ?? generic;
  return extractWith(doc, a, u, a === generic ? undefined : generic);
}

/**
 * The comments alone, for re-reading after live changes: no Readability, no article, no stated
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
  const scope = container && container.isConnected !== false ? container : undefined;
  const r = readComments(doc, adapter, adapter === generic ? undefined : generic, scope);
  const fallback = r.elements.length === 0 ? firstIn(r.roots, adapter.widget ?? []) : null;
  return { comments: r.comments, elements: r.elements, container: scope ?? r.section ?? fallback };
}
