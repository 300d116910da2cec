// Live comments in Chromium: pages that add comments in bursts, replace their whole comment set,
// render the section late, or add 2,000 comments. Every wait is on the product's own state
// (data-lens-state, the panel's counts, data-lens-* on the comments), never on a fixed delay.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { STANCES } from '../../src/parser/types';
import { clickAction, commentStates, waitForPanel, waitForRefined } from '../../scripts/lib/panel';
import { startSession, type E2eSession } from './helpers/session';
import { installReadyTimer } from '../../scripts/lib/timing';

let session: E2eSession;
const pages: Page[] = [];

async function open(name: string, query = '', before?: (page: Page) => Promise<void>): Promise<Page> {
  const page = await session.open(session.server.testPageUrl(name) + query, before);
  pages.push(page);
  return page;
}

interface Progress {
  state: string | null;
  comments: number;
  labelled: number;
  counts: Record<string, number>;
  tags: number;
}

/** What the product has done so far on this page ("2,000" parses as 2000). */
async function progress(page: Page): Promise<Progress> {
  return page.evaluate((keys) => {
    const host = document.querySelector('#comment-lens');
    const counts: Record<string, number> = {};
    for (const k of keys) {
      const t = host?.shadowRoot?.querySelector(`[data-count="${k}"]`)?.textContent?.trim().replace(/,/g, '') ?? '';
      if (/^\d+$/.test(t)) counts[k] = Number(t);
    }
    const items = [...document.querySelectorAll('li.comment')];
    return {
      state: host?.getAttribute('data-lens-state') ?? null,
      comments: items.length,
      labelled: items.filter((e) => e.hasAttribute('data-lens-stance')).length,
      counts,
      tags: document.querySelectorAll('comment-lens-tag').length,
    };
  }, ['total', ...STANCES]);
}

/** Waits until the panel is ready, counts every comment on the page and each one is labelled. */
async function waitAllProcessed(page: Page, timeout = 30_000, expected?: number): Promise<void> {
  try {
    await page.waitForFunction((expected) => {
      const host = document.querySelector('#comment-lens');
      const items = [...document.querySelectorAll('li.comment')];
      const total = host?.shadowRoot?.querySelector('[data-count="total"]')?.textContent?.trim().replace(/,/g, '');
      return host?.getAttribute('data-lens-state') === 'ready' && items.length > 0
        && (expected === null || items.length === expected)
        && items.every((e) => e.hasAttribute('data-lens-stance')) && Number(total) === items.length;
    }, { timeout, polling: 100 }, expected ?? null);
  } catch (err) {
    throw new Error(`not every comment processed: ${JSON.stringify(await progress(page))} (${String(err)})`);
  }
}

/** Panel counts match the page: total = comment elements, stances add up and match the badges. */
async function expectCountsMatchPage(page: Page, expected: number): Promise<string> {
  // after the refined pass of this update (it relabels badges and counts together, batch by batch)
  const refined = await waitForRefined(page);
  const p = await progress(page);
  expect(p.comments).toBe(expected);
  expect(p.counts.total).toBe(expected);
  expect(STANCES.reduce((sum, s) => sum + (p.counts[s] ?? NaN), 0)).toBe(expected);
  const states = await commentStates(page);
  expect(states).toHaveLength(expected);
  for (const s of STANCES) expect(p.counts[s], `count of ${s}`).toBe(states.filter((c) => c.stance === s).length);
  return refined;
}

/** Every tag of ours sits in or right before a comment that is in the page now. */
async function strayTags(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('comment-lens-tag')]
    .filter((t) => {
      const outer = t.parentElement?.closest('[data-lens-own]') ?? t;
      const li = outer.closest('li.comment') ?? outer.nextElementSibling;
      return !li?.matches('li.comment') || !li.isConnected;
    })
    .map((t) => t.shadowRoot?.textContent?.slice(0, 80) ?? '?'));
}

describe('live comments in chromium', () => {
  beforeAll(async () => {
    session = await startSession('chromium');
  }, 120_000);

  // One tab at a time: a background tab gets no animation frames, and the product works in slices.
  afterEach(async () => {
    for (const p of pages.splice(0)) await p.close().catch(() => undefined);
  });

  afterAll(async () => {
    await session?.close();
  }, 60_000);

  it('comments appended in bursts (with nested replies) are all counted and labelled', async () => {
    const page = await open('live-bursts.html');
    await page.waitForFunction(() => window.__burstsDone === true, { timeout: 20_000, polling: 50 });
    const expected = 3 + 7 + 12 + 5 + 20 + 9;
    await waitAllProcessed(page, 30_000, expected);
    // each burst's comments got fast labels, then the refined pass took up whatever was not refined yet
    expect(await expectCountsMatchPage(page, expected)).toBe('done');
    const states = await commentStates(page);
    expect(states.filter((c) => STANCES.includes(c.stance as never) && !c.placeholder && c.pass !== 'refined').map((c) => `${c.stance}: ${c.pass}`),
      'labelled comments whose badge is not refined').toEqual([]);
    expect(states.filter((c) => !c.hasBadge).length, 'comments without a badge').toBe(0);
    expect(states.filter((c) => c.parentStance !== null).length, 'nested replies seen').toBeGreaterThan(0);
    // One tag per comment: a re-read must not tag a comment twice.
    expect((await progress(page)).tags).toBe(expected);
  });

  it('comments added while "collapse all" is in force arrive collapsed', async () => {
    const page = await open('live-bursts.html', '?hold');
    await waitForPanel(page);
    await clickAction(page, 'collapse-all');
    await page.evaluate(() => window.__startBursts?.());
    await page.waitForFunction(() => window.__burstsDone === true, { timeout: 20_000, polling: 50 });
    await waitAllProcessed(page, 30_000, 56);
    const states = await commentStates(page);
    const shown = states.filter((c) => c.collapsed !== 'true' || c.visible);
    expect(shown.length, `${shown.length} of ${states.length} comments shown although "collapse all" is in force`).toBe(0);
    await clickAction(page, 'expand-all');
    expect((await commentStates(page)).filter((c) => c.collapsed !== 'false' || !c.visible)).toEqual([]);
  });

  for (const how of ['children', 'section'] as const) {
    it(`a page that replaces its comment ${how === 'children' ? "list's children" : 'section'} is counted anew`, async () => {
      const page = await open('live-replace.html', '?hold');
      await waitForPanel(page);
      await waitAllProcessed(page, 10_000, 6);
      await page.evaluate((how) => window.__replace?.(how), how);
      await waitAllProcessed(page, 30_000, 9);
      await expectCountsMatchPage(page, 9);
      expect((await progress(page)).tags, 'tags in the document').toBe(9);
      expect(await strayTags(page)).toEqual([]);
      expect(await page.evaluate(() => document.body.textContent?.includes('Old reader'))).toBe(false);
    });
  }

  it('a section replaced by the page itself right after load is counted anew', async () => {
    const page = await open('live-replace.html');
    await page.waitForFunction(() => window.__replaced === true, { timeout: 20_000, polling: 50 });
    await waitAllProcessed(page, 30_000, 9);
    await expectCountsMatchPage(page, 9);
    expect((await progress(page)).tags).toBe(9);
    expect(await strayTags(page)).toEqual([]);
  });

  it('a comment section that renders late goes from waiting to ready', async () => {
    const page = await open('live-late.html', '?hold', installReadyTimer);
    await page.waitForFunction(() => document.querySelector('#comment-lens')?.getAttribute('data-lens-state') === 'waiting',
      { timeout: 20_000, polling: 50 });
    await page.evaluate(() => window.__inject?.());
    await waitAllProcessed(page, 30_000, 12);
    await expectCountsMatchPage(page, 12);
    const seen = await page.evaluate(() => window.__lensStates ?? []);
    expect(seen.at(-1)).toBe('ready');
    expect(seen.indexOf('waiting')).toBeGreaterThanOrEqual(0);
    expect(seen.indexOf('waiting')).toBeLessThan(seen.lastIndexOf('ready'));
  });

  it('comments injected 1 s after load, on the page\'s own timer, end up counted', async () => {
    const page = await open('live-late.html');
    await page.waitForFunction(() => window.__injected === true, { timeout: 20_000, polling: 50 });
    await waitAllProcessed(page, 30_000, 12);
    await expectCountsMatchPage(page, 12);
  });

  it('2,000 comments appended in 20 bursts are all processed', async () => {
    const page = await open('live-2000.html');
    await page.waitForFunction(() => window.__burstsDone === true, { timeout: 60_000, polling: 100 });
    await waitAllProcessed(page, 90_000, 2002);
    // the counts and the badges are read in two steps: after the refined pass, which changes both
    expect(await waitForRefined(page, 150_000)).toBe('done');
    const p = await progress(page);
    expect(p.counts.total).toBe(2002);
    expect(STANCES.reduce((sum, s) => sum + (p.counts[s] ?? NaN), 0)).toBe(2002);
    const byAttr = await page.evaluate((stances) => stances.map((s) => document.querySelectorAll(`li.comment[data-lens-stance="${s}"]`).length), [...STANCES]);
    expect(Object.fromEntries(STANCES.map((s, i) => [s, byAttr[i]]))).toEqual(Object.fromEntries(STANCES.map((s) => [s, p.counts[s]])));
  }, 300_000);
});

declare global {
  interface Window {
    __burstsDone?: boolean;
    __startBursts?: () => void;
    __replace?: (how: 'children' | 'section') => void;
    __replaced?: boolean;
    __inject?: () => void;
    __injected?: boolean;
  }
}
