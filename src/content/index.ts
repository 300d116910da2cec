// Content script entry, on every http(s) page at document_end: the DOM is complete, and a page
// still loading images or ads gets its panel without waiting for idle. Only the cheap detector
// runs here; the parser, the stance model and the UI load (dynamic import) on comment pages only.
import { detectStage } from '../sites/detect';
import { runStage } from './slices';
import { LABEL_PORT, SETTINGS_KEY } from '../shared/names';
import type { EarlyPort } from './early-port';

/**
 * Opens the labelling port at once on a comment page: a background that was asleep starts (and
 * decodes its model) while the rest of the content script loads, not after. Plain `chrome`, not
 * the polyfill, which would weigh on every page; Firefox has `chrome` too.
 */
function wakeLabeller(): EarlyPort | null {
  try {
    const rt = (globalThis as { chrome?: { runtime?: { connect?: (o: { name: string }) => EarlyPort['port'] } } }).chrome?.runtime;
    // Connecting is enough: the background decodes its model when a port opens. The one warm-up
    // message is RemoteLabeller.warm()'s, sent on this port when run.ts takes it over.
    const port = rt?.connect?.({ name: LABEL_PORT });
    if (!port) return null;
    const early: EarlyPort = { port, alive: true };
    port.onDisconnect.addListener(() => (early.alive = false));
    return early;
  } catch {
    return null; // no extension context (reloaded): run.ts connects, or labels in the page
  }
}

/**
 * Starts reading the settings while run.ts loads (they were read one after the other: ~20-50 ms
 * of the first panel). Callback form: Firefox and Chromium both have it on `chrome`.
 */
function readSettings(): Promise<unknown> | undefined {
  try {
    const local = (globalThis as { chrome?: { storage?: { local?: { get(k: string, cb: (got: Record<string, unknown>) => void): void } } } }).chrome?.storage?.local;
    if (!local) return undefined;
    return new Promise((resolve) => local.get(SETTINGS_KEY, (got) => resolve(got?.[SETTINGS_KEY])));
  } catch {
    return undefined; // run.ts reads them itself
  }
}

/**
 * Our true start: when the loader crxjs writes was injected (it then imports this module), given
 * to onExecute. Marked as comment-lens:start on comment pages only, whichever of the two comes
 * first: on other pages the timeline gets no entry of ours.
 */
const start: { injected?: number; detected: boolean; marked: boolean } = { detected: false, marked: false };
function markStart(): void {
  if (start.marked || !start.detected || start.injected === undefined) return;
  start.marked = true;
  try {
    performance.mark('comment-lens:start', { startTime: start.injected });
  } catch {
    // a browser without User Timing L3's startTime: the detected mark stands for the start
  }
}

/** Called by crxjs's content-script loader once this module is loaded. */
export function onExecute(info?: { perf?: { injectTime?: unknown } }): void {
  const t = info?.perf?.injectTime;
  if (typeof t === 'number' && Number.isFinite(t)) start.injected = t;
  markStart();
}

// Synchronous to the end on most pages; where the structural finder has to look, in slices.
void runStage(detectStage(document, location.href), { signal: new AbortController().signal }).then((found) => {
  const adapter = found?.value;
  if (!adapter) return;
  performance.mark('comment-lens:detected');
  start.detected = true;
  markStart();
  const early = wakeLabeller();
  const stored = readSettings();
  import('./run')
    .then((m) => m.start(adapter, early, stored))
    .catch((err: unknown) => console.warn('[Comment Lens]', err));
});
