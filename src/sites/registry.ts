// The ordered registry: host match first, then one combined markup probe, then the generic
// heuristic. detectPage is cheap enough to run on every page: a host suffix scan and one walk over
// the elements against precomputed keys (probe.ts) when nothing matches.
import type { Extraction, SiteAdapter } from './types';
import { hostOf, query } from './dom';
import { buildKeys, probe, type ProbeKeys } from './probe';
import { extractWith } from './extract';
import { generic } from './generic';
import { ADAPTERS } from './adapters';

export type { Extraction, SiteAdapter } from './types';
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

/** The adapter's comments are here (its detect selector matched and, for generic, verified). */
function hasComments(doc: Document, a: SiteAdapter): boolean {
  return !!a.detect && query(doc, a.detect) !== null && (!a.verify || a.verify(doc));
}

/**
 * Only the adapter's widget (a target, a count) is here. Containers like #comments say nothing
 * about the platform, so only generic counts them (an empty comment section).
 */
function hasWidget(doc: Document, a: SiteAdapter): boolean {
  const sels = a === generic ? [...(a.widget ?? []), ...(a.container ?? [])] : (a.widget ?? []);
  return sels.some((w) => query(doc, w) !== null);
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
  for (const a of byHost) if (hasComments(doc, a)) return a;
  if (!probe(doc, probeKeys())) return null; // the common case: nothing comment-like at all
  for (const a of ADAPTERS) if (hasComments(doc, a)) return a;
  if (hasComments(doc, generic)) return generic;
  for (const a of [...byHost, ...ADAPTERS]) if (hasWidget(doc, a)) return a;
  return hasWidget(doc, generic) ? generic : null;
}

export function extractPage(doc: Document, url?: string, adapter?: SiteAdapter): Extraction {
  const u = pageUrl(doc, url);
  const a = adapter ?? detectPage(doc, u) ?? generic;
  if (a.extract) return a.extract(doc, u);
  return extractWith(doc, a, u, generic);
}
