// Measures navigation -> panel ready inside the page: a preload script notes performance.now()
// (milliseconds since the navigation started) the moment #comment-lens reports "ready".
import type { Page } from 'puppeteer-core';

declare global {
  interface Window {
    __lensReadyAt?: number;
    /** every value data-lens-state took, in order, until "ready" */
    __lensStates?: (string | null)[];
  }
}

// Kept as source text: a function would be re-serialized by whatever compiled this file, and
// tsx (esbuild keepNames) adds a __name() helper that does not exist in the page.
const READY_TIMER = `(() => {
  window.__lensStates = [];
  const check = () => {
    const state = document.querySelector('#comment-lens')?.getAttribute('data-lens-state');
    if (state !== undefined && window.__lensStates.at(-1) !== state) window.__lensStates.push(state);
    if (document.querySelector('#comment-lens')?.getAttribute('data-lens-state') !== 'ready') return false;
    window.__lensReadyAt ??= performance.now();
    return true;
  };
  const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
  // Watch from the very start; the host may be added already in the "ready" state.
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-lens-state'] });
})();`;

export async function installReadyTimer(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(READY_TIMER);
}

export interface PageTiming {
  domContentLoaded: number;
  load: number;
  panelReady: number | null;
  states: (string | null)[];
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
      marks: Object.fromEntries(performance.getEntriesByType('mark')
        .filter((m) => m.name.startsWith('comment-lens:'))
        .map((m) => [m.name.slice('comment-lens:'.length), Math.round(m.startTime)])),
    };
  });
}
