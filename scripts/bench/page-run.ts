// One measured load of one bench page: heap before (a same-origin blank page, after GC), a
// renderer-initiated navigation (stays in the same renderer, so the heap figures compare), the
// wait for "painted" (ours or the floor), heap after (after GC), and the in-page figures.
import type { Browser, CDPSession, Page } from 'puppeteer-core';
import { PRELOAD, READ_RESULT } from './in-page';
import { traced, type TaskBreakdown } from './trace';

export interface LoadResult {
  timedOut: boolean;
  /** ms from domContentLoadedEventEnd */
  ready: number | null;
  painted: number | null;
  floorPainted: number | null;
  /** the page's own first paint after DCL (rAF + a task) */
  pagePainted: number | null;
  longestAfterDcl: number;
  longestAny: number;
  /** [start ms after DCL end, duration ms] of each long task after DCL, to place it among the marks */
  tasksAfterDcl: Array<[number, number]>;
  /** V8 heap (CDP Runtime.getHeapUsage usedSize) after GC: ready minus blank page, bytes */
  heapGrowth: number | null;
  comments: number;
  labelled: number;
  marks: Record<string, number>;
  longtaskError: string | null;
  /** with `trace`: the long tasks split into script (ours) and rendering */
  tasks?: TaskBreakdown;
}

export async function heapUsed(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

export async function withPage<T>(browser: Browser, fn: (page: Page, cdp: CDPSession) => Promise<T>): Promise<T> {
  const page = await browser.newPage();
  const cdp = await page.createCDPSession();
  try {
    return await fn(page, cdp);
  } finally {
    // A page still busy in a long task must not hold the bench: close without unload handlers.
    await Promise.race([page.close({ runBeforeUnload: false }).catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
  }
}

export type WaitFor = 'ours' | 'floor' | 'page';
const KEY: Record<WaitFor, string> = { ours: 'paintedAt', floor: 'floorPaintedAt', page: 'pagePaintedAt' };

/**
 * `wait`: which marker ends the run ('ours' = panel ready + all labelled, 'floor' = floor done,
 * 'page' = the page's own first paint, for the run without extension). `trace`: a traced run
 * (slower: its times are not used, only its task breakdown).
 */
export async function measureLoad(browser: Browser, origin: string, url: string, wait: WaitFor, timeoutMs: number,
  trace = false): Promise<LoadResult> {
  return withPage(browser, async (page, cdp) => {
    await page.evaluateOnNewDocument(PRELOAD);
    await page.goto(`${origin}/blank.html`);
    const before = await heapUsed(cdp);
    const load = async (): Promise<void> => {
      const nav = page.waitForNavigation({ waitUntil: 'domcontentloaded', timeout: timeoutMs });
      await page.evaluate(`location.href = ${JSON.stringify(url)}`);
      await nav;
      await page.waitForFunction(`window.__bench && window.__bench.${KEY[wait]} !== null`, { timeout: timeoutMs, polling: 200 });
    };
    let tasks: TaskBreakdown | undefined;
    try {
      if (trace) tasks = await traced(page, new URL(url).pathname, load);
      else await load();
    } catch {
      // Still busy (e.g. a quadratic pass at 50k): crash the tab's renderer so it stops burning the
      // CPU the next measurements need; closing alone would leave the long task running.
      void cdp.send('Page.crash').catch(() => {});
      await new Promise((r) => setTimeout(r, 1000));
      return { timedOut: true, ready: null, painted: null, floorPainted: null, pagePainted: null, longestAfterDcl: 0, longestAny: 0, tasksAfterDcl: [], heapGrowth: null, comments: 0, labelled: 0, marks: {}, longtaskError: null };
    }
    const r = (await page.evaluate(READ_RESULT)) as Omit<LoadResult, 'timedOut' | 'heapGrowth'>;
    const heapGrowth = (await heapUsed(cdp)) - before;
    return { ...r, timedOut: false, heapGrowth, ...(tasks ? { tasks } : {}) };
  });
}
