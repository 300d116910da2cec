// The refined pass (sentence encoder in the extension's worker) on a long generated page: the
// panel says "Refining n of N" while the badges turn from the quick pass to the refined one, the
// counts always follow the badges, and a tab closed mid-refine leaves no job behind: the host
// takes one job at a time, so a page opened next is refined right away only if the closed
// page's job was dropped (its remaining comments would take longer than the wait allows). In
// Chromium the offscreen document that runs the worker is closed too, once idle.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { STANCES } from '../../../src/parser/types';
import { startBenchServer, type BenchServer } from '../../../scripts/bench/server';
import { ROOT } from '../../../scripts/lib/launch';
import { commentStates, readCounts, refineState, waitForPanel, waitForRefined } from '../../../scripts/lib/panel';
import type { E2eSession } from './session';

/** comments on the long page: at ~90 a second, a minute's refining or more */
const LONG = 8_000;

interface Progress {
  status: string;
  refined: number;
  fast: number;
  /** the panel's counts and the marked comments' stances, read in one task */
  counts: Record<string, string>;
  marked: Record<string, number>;
}

async function progress(page: Page): Promise<Progress> {
  return page.evaluate((stances) => {
    const root = document.querySelector('#comment-lens')?.shadowRoot;
    const tags = [...document.querySelectorAll('comment-lens-tag')];
    const marked = [...document.querySelectorAll('[data-lens-stance]')].map((e) => e.getAttribute('data-lens-stance'));
    return {
      status: root?.querySelector('[data-role="status"]')?.textContent ?? '',
      refined: tags.filter((t) => t.getAttribute('data-lens-pass') === 'refined').length,
      fast: tags.filter((t) => t.getAttribute('data-lens-pass') === 'fast').length,
      counts: Object.fromEntries(stances.map((s) => [s, root?.querySelector(`[data-count="${s}"]`)?.textContent ?? ''])),
      marked: Object.fromEntries(stances.map((s) => [s, marked.filter((m) => m === s).length])),
    };
  }, [...STANCES]);
}

export function refineChecks(getSession: () => E2eSession, smallUrl: () => string): void {
  let bench: BenchServer;
  beforeAll(async () => {
    bench = await startBenchServer(ROOT, 0);
  });
  afterAll(async () => {
    await bench?.close();
  });

  it(`a long page (${LONG} comments): "Refining n of N", badges turn refined with the counts in step; closing the tab drops its job`, async () => {
    const session = getSession();
    const long = await session.open(`${bench.origin}/comments/${LONG}.html`);
    await waitForPanel(long, 60_000);
    // the first refined badges (the comments on screen come first)
    await long.waitForFunction(() => [...document.querySelectorAll('comment-lens-tag')].some((t) => t.getAttribute('data-lens-pass') === 'refined'), { timeout: 60_000, polling: 100 });
    // The last comments (tagged as they come into view) are refined last: still the quick pass's.
    await long.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await long.waitForFunction(() => [...document.querySelectorAll('comment-lens-tag')].some((t) => t.getAttribute('data-lens-pass') === 'fast'), { timeout: 10_000, polling: 100 });
    const p = await progress(long);
    expect(await refineState(long)).toBe('running');
    const m = /^Refining (\d+) of (\d+)$/.exec(p.status);
    expect(m, `status: ${p.status}`).not.toBeNull();
    expect(Number(m![2])).toBe(LONG);
    expect(Number(m![1])).toBeLessThan(LONG);
    expect(p.refined).toBeGreaterThan(0);
    expect(p.fast, 'badges still of the quick pass').toBeGreaterThan(0);
    // counts and badges change in the same task: a snapshot always agrees
    expect(p.counts).toEqual(Object.fromEntries(STANCES.map((s) => [s, String(p.marked[s])])));
    const jobs = session.kind === 'chromium' ? await workerJobs(session) : null;
    if (jobs) expect(await jobs(), 'jobs in the worker while the page refines').toBe(1);
    await long.close();
    if (jobs) {
      // Chromium: the worker itself says it has no job left once the tab is gone.
      for (let i = 0; i < 100 && (await jobs()) !== 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await jobs(), 'jobs in the worker after the tab closed').toBe(0);
    }

    // The host runs one job at a time: this page's refining finishes in the time allowed only if
    // the long page's job (thousands of comments to go, a minute or more) was dropped.
    const next = await session.open(smallUrl());
    await waitForPanel(next);
    expect(await waitForRefined(next, 20_000)).toBe('done');
    const counts = await readCounts(next);
    const states = await commentStates(next);
    for (const s of STANCES) expect(counts[s], `count of ${s}`).toBe(states.filter((c) => c.stance === s).length);
    await next.close();

    if (session.kind === 'chromium') {
      // No job left: the offscreen document (and its worker) closes after the idle time.
      const offscreen = (): boolean => session.lens.browser.targets().some((t) => t.url().endsWith('/src/refine/offscreen.html'));
      await waitUntil(() => !offscreen(), 40_000);
      expect(offscreen(), 'the offscreen document is closed once idle').toBe(false);
    }
  }, 180_000);
}

/** Chromium: asks the encoder's worker (through the DevTools protocol) how many jobs it holds. */
async function workerJobs(session: E2eSession): Promise<() => Promise<number>> {
  const target = session.lens.browser.targets().find((t) => /\/assets\/worker-[^/]*\.js$/.test(t.url()));
  if (!target) throw new Error('no refine worker target');
  const cdp = await target.createCDPSession();
  return async () => {
    const r = (await cdp.send('Runtime.evaluate', { expression: 'self.lensPendingJobs()', returnByValue: true })) as { result: { value?: unknown } };
    return Number(r.result.value);
  };
}

async function waitUntil(cond: () => boolean, ms: number): Promise<void> {
  for (let waited = 0; waited < ms && !cond(); waited += 250) await new Promise((r) => setTimeout(r, 250));
}
