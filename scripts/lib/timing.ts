// Measures navigation -> panel ready inside the page: a preload script notes performance.now()
// (milliseconds since the navigation started) the moment #comment-lens reports "ready".
import type { Page } from 'puppeteer-core';

declare global {
  interface Window {
    __lensReadyAt?: number;
    /** every value data-lens-state took, in order, until "ready" */
    __lensStates?: (string | null)[];
    /** the badges' passes (data-lens-pass) at the moment the panel said "ready" */
    __lensPassesAtReady?: (string | null)[];
    /** every value data-lens-refine took (the refined pass), in order */
    __lensRefine?: (string | null)[];
  }
}

// Kept as source text: a function would be re-serialized by whatever compiled this file, and
// tsx (esbuild keepNames) adds a __name() helper that does not exist in the page.
const READY_TIMER = `(() => {
  window.__lensStates = [];
  window.__lensRefine = [];
  const check = () => {
    const host = document.querySelector('#comment-lens');
    const refine = host?.getAttribute('data-lens-refine');
    if (refine && window.__lensRefine.at(-1) !== refine) window.__lensRefine.push(refine);
    if (window.__lensReadyAt !== undefined) return /^(done|failed|skipped)$/.test(refine ?? '');
    const state = host?.getAttribute('data-lens-state');
    if (state !== undefined && window.__lensStates.at(-1) !== state) window.__lensStates.push(state);
    if (state !== 'ready') return false;
    window.__lensReadyAt = performance.now();
    // In the task that made the panel ready (observers run before the next task): the first pass's badges.
    window.__lensPassesAtReady = [...document.querySelectorAll('comment-lens-tag')].map((t) => t.getAttribute('data-lens-pass'));
    return false;
  };
  // After "ready", on until the refined pass ends.
  const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
  // Watch from the very start; the host may be added already in the "ready" state.
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-lens-state', 'data-lens-refine'] });
})();`;

export async function installReadyTimer(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(READY_TIMER);
}

export interface PageTiming {
  domContentLoaded: number;
  load: number;
  panelReady: number | null;
  states: (string | null)[];
  /** the badges' passes when the panel said "ready" */
  passesAtReady: (string | null)[];
  /** the refined pass's states, in order */
  refine: (string | null)[];
  /** the extension's own performance marks (comment-lens:<step>), ms since navigation start */
  marks: Record<string, number>;
}

export async function readTiming(page: Page): Promise<PageTiming> {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      domContentLoaded: Math.round(nav?.domContentLoadedEventEnd ?? -1),
      load: Math.round(nav?.loadEventEnd ?? -1),
      panelReady: window.__lensReadyAt === undefined ? null : Math.round(window.__lensReadyAt),
      states: window.__lensStates ?? [],
      passesAtReady: window.__lensPassesAtReady ?? [],
      refine: window.__lensRefine ?? [],
      marks: Object.fromEntries(performance.getEntriesByType('mark')
        .filter((m) => m.name.startsWith('comment-lens:'))
        .map((m) => [m.name.slice('comment-lens:'.length), Math.round(m.startTime)])),
    };
  });
}
