// Detection alone: a host suffix scan, then precomputed keys (probe.ts) checked before any real
// query: native lookups on demand in priority order (one walk over the elements on a quirks-mode
// page). Kept apart from the extraction code (extract.ts, article.ts, comments.ts) so the script
// loaded on every page stays small.
import type { SiteAdapter } from './types';
import { hostOf, query } from './dom';
import { buildKeys, candidates, nativeProbe, splitList, type Possible, type ProbeKeys } from './probe';
import { generic } from './generic';
import { ADAPTERS } from './adapters';
import { findStage, finderSignal } from './finder/index';
import { drain, PAUSE, type Stage } from '../pipeline/stage';

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

/**
 * The probe for this page: native lookups. Measured in Chromium (a micro-benchmark since retired; `npm run bench` times the detector in the page, the
 * first call on a page): a median 0.4 ms on the no-comments fixtures where the walk took 1.4 ms,
 * most of it making a JS object per element; ~8 ms instead of ~60 on the 10,000-comment bench page
 * (74,000 elements). Quirks-mode pages keep the walk: there class selectors ignore case and the
 * walk's keys do not, and detection must not change with the method.
 */
function possibleIn(doc: Document): Possible {
  const k = probeKeys();
  if (doc.compatMode !== 'BackCompat') return nativeProbe(doc, k);
  const maybe = candidates(doc, k);
  return maybe.size === 0 ? NOTHING : (s) => maybe.has(s);
}

/** The walk found no key at all: the common page, answered without a query. */
const NOTHING: Possible = () => false;

const lists = new Map<string, string[]>();
const split = (list: string): string[] => {
  let out = lists.get(list);
  if (!out) lists.set(list, (out = splitList(list)));
  return out;
};

/** A real query, only for the selectors of the list the probe left possible (all without a probe). */
type Present = (list: string) => boolean;

function presentIn(doc: Document, possible: Possible | null): Present {
  return (list) => split(list).some((s) => (!possible || possible(s)) && query(doc, s) !== null);
}

/** The adapter's comments are here (its detect selector matched and, for generic, verified). */
function hasComments(doc: Document, a: SiteAdapter, present: Present, possible: Possible | null): boolean {
  return !!a.detect && present(a.detect) && (!a.verify || a.verify(doc, possible ?? undefined));
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
  return drain(detectStage(doc, url));
}

/**
 * detectPage as a pipeline stage: synchronous to the end on a page an adapter knows or where the
 * finder's signal does not fire; the finder's walk and scoring yield (the content script runs
 * them in slices: no task of 0.4 s on a 10,000-comment page nobody has an adapter for).
 */
export function* detectStage(doc: Document, url?: string): Stage<SiteAdapter | null> {
  // <html data-comment-lens-adapters="off">: the page asks for the structural finder alone (the
  // e2e tests read saved real pages that way); it only changes how that page itself is read
  if (doc.documentElement?.getAttribute('data-comment-lens-adapters') === 'off') return yield* orFinder(doc, null);
  const byHost = hostAdapters(hostOf(pageUrl(doc, url)));
  const any = presentIn(doc, null);
  for (const a of byHost) if (hasComments(doc, a, any, null)) return yield* withItems(doc, a);
  const possible = possibleIn(doc);
  if (possible === NOTHING) return yield* orFinder(doc, null);
  const present = presentIn(doc, possible);
  for (const a of ADAPTERS) if (hasComments(doc, a, present, possible)) return yield* withItems(doc, a);
  if (hasComments(doc, generic, present, possible)) return yield* orFinder(doc, generic);
  for (const a of [...byHost, ...ADAPTERS]) if (hasWidget(a, present)) return yield* orFinder(doc, a);
  return yield* orFinder(doc, hasWidget(generic, present) ? generic : null);
}

/** An adapter whose markup is here but whose item selector finds none (a variant it does not know): the finder checks. */
function* withItems(doc: Document, a: SiteAdapter): Stage<SiteAdapter> {
  return a.comment && query(doc, a.comment) === null ? ((yield* orFinder(doc, null)) ?? a) : a;
}

/**
 * No platform adapter found comments: the structural finder (finder/) looks, where the cheap
 * signal fires, and wins over a widget, an empty section or generic's class-name guess when it
 * finds a comment section (generic's field selectors still read its items first).
 */
function* orFinder(doc: Document, a: SiteAdapter | null): Stage<SiteAdapter | null> {
  if (!finderSignal(doc)) return a;
  // the probes and the signal's scans end their task; the walk starts one of its own
  yield PAUSE;
  return (yield* findStage(doc)) ?? a;
}
