// Detection alone: a host suffix scan and one walk over the elements against precomputed keys
// (probe.ts), real queries only for the selectors it leaves. Kept apart from the extraction code
// (extract.ts, article.ts, comments.ts) so the script loaded on every page stays small.
import type { SiteAdapter } from './types';
import { hostOf, query } from './dom';
import { buildKeys, candidates, splitList, type ProbeKeys } from './probe';
import { generic } from './generic';
import { ADAPTERS } from './adapters';

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

export function pageUrl(doc: Document, url?: string): string | undefined {
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
