// The checks every page with comments goes through, in one browser: counts and badges,
// collapse all / expand all restoring the DOM exactly, and a stance filter.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { STANCES } from '../../../src/parser/types';
import { LOCAL_UP_TO } from '../../../src/content/session';
import { serializeAsServed, serializeWithoutLens } from './dom';
import { gistChecks } from './gist-checks';
import { clickAction, commentStates, panelState, readCounts, waitForPanel, waitForRefined } from '../../../scripts/lib/panel';
import type { E2eSession } from './session';
import { installReadyTimer, readTiming, type PageTiming } from '../../../scripts/lib/timing';

export interface CommentPage {
  name: string;
  /** known once the server runs */
  url: () => string;
  /** reader comments on the page, known independently of the extension */
  expected: number;
  /** selector of the comment section, for the exact-restore check */
  section: string;
  /** page has no scripts: the section must equal the HTML as served */
  static: boolean;
  /** the language of its comments (from the fixture's header; the demo pages are English) */
  lang?: string;
}

export function commentPageChecks(getSession: () => E2eSession, target: CommentPage,
  timings: Record<string, PageTiming>): void {
  let page: Page;

  beforeAll(async () => {
    const session = getSession();
    page = await session.open(target.url(), installReadyTimer);
    await waitForPanel(page).catch(async (err: unknown) => {
      throw new Error(`panel not ready on ${target.url()} (state: ${await panelState(page)}): ${String(err)}`);
    });
    // The refined pass (sentence encoder) runs after the first panel: the checks below are of the end state.
    await waitForRefined(page).catch(async (err: unknown) => {
      throw new Error(`refined pass did not end on ${target.url()} (state: ${await panelState(page)}): ${String(err)}`);
    });
    timings[target.name] = await readTiming(page);
    // Show the comments with their badges next to the panel, then back to the top.
    await page.evaluate(() => document.querySelector('[data-lens-stance]')?.scrollIntoView({ block: 'start' }));
    await session.screenshot(page, target.name);
    await page.evaluate(() => window.scrollTo(0, 0));
  }, 120_000);

  afterAll(async () => {
    await page?.close().catch(() => undefined);
  });

  it('counts every comment and badges each one', async () => {
    const counts = await readCounts(page);
    const states = await commentStates(page);
    expect(counts.total).toBe(target.expected);
    expect(states).toHaveLength(target.expected);
    // Comments in a language the engine does not read are counted apart ("none"), not in a stance.
    const perStance = STANCES.reduce((sum, s) => sum + (counts[s] ?? NaN), 0);
    expect(perStance + (counts['not-labelled'] ?? NaN)).toBe(target.expected);
    for (const s of STANCES) {
      expect(counts[s], `count of ${s}`).toBe(states.filter((c) => c.stance === s).length);
    }
    expect(counts['not-labelled'], 'count not labelled').toBe(states.filter((c) => c.stance === 'none').length);
    expect(states.filter((c) => !STANCES.includes(c.stance as never) && c.stance !== 'none'), 'comments without a stance').toEqual([]);
    expect(states.filter((c) => !c.hasBadge).length, 'comments without a badge').toBe(0);
    expect(states.every((c) => c.collapsed === 'false' && c.visible), 'all shown before collapsing').toBe(true);
  });

  it('the badges show the quick pass first, then the refined pass (comments in English)', async () => {
    const t = timings[target.name]!;
    const states = await commentStates(page);
    const english = states.filter((c) => STANCES.includes(c.stance as never) && !c.placeholder);
    expect(t.passesAtReady.length, 'badges at the first panel').toBeGreaterThan(0);
    expect(t.passesAtReady.filter((p) => p !== 'fast'), 'badges of another pass than the quick one at the first panel').toEqual([]);
    if (english.length === 0) {
      // Nothing the engine reads: nothing to refine.
      expect(t.refine).toEqual(['waiting', 'skipped']);
      return;
    }
    expect(t.refine).toEqual(['waiting', 'running', 'done']);
    expect(t.marks['refined-first'], 'first refined badge after the first panel').toBeGreaterThanOrEqual(t.marks.ready ?? Infinity);
    expect(english.filter((c) => c.pass !== 'refined').map((c) => `${c.stance}: ${c.pass}`), 'labelled comments whose badge is not refined').toEqual([]);
    expect(states.filter((c) => c.stance === 'none' && c.pass !== 'fast'), 'not-labelled comments keep the quick pass').toEqual([]);
  });

  it('marks its true start (when the loader was injected) before its detection', () => {
    const m = timings[target.name]?.marks ?? {};
    expect(m.start, 'comment-lens:start').toBeTypeOf('number');
    expect(m.start!).toBeLessThanOrEqual(m.detected!);
  });

  it('labelled by the background; in the page only a small thread while the background woke (never a fallback)', () => {
    const marks = Object.keys(timings[target.name]?.marks ?? {});
    expect(marks).not.toContain('labels-fallback');
    // label-pass.ts: a thread of at most LOCAL_UP_TO comments races the page's engine against a
    // background not known to be ready; whichever answers first labels (the same labels).
    if (target.expected > LOCAL_UP_TO) {
      expect(marks).toContain('labels-remote');
      expect(marks).not.toContain('labels-local');
    } else {
      expect(marks.filter((m) => m === 'labels-remote' || m === 'labels-local').length).toBeGreaterThan(0);
    }
  });

  it('the host only ever reports labelling, waiting or ready', () => {
    const seen = timings[target.name]?.states ?? [];
    expect(seen.at(-1)).toBe('ready');
    expect(seen.filter((s) => !['labelling', 'waiting', 'ready'].includes(s ?? ''))).toEqual([]);
  });

  it('collapse all hides every comment; expand all restores the section exactly', async () => {
    const before = await serializeWithoutLens(page, target.section);
    if (target.static) expect(before).toBe(await serializeAsServed(page, target.section));
    await clickAction(page, 'collapse-all');
    const collapsed = await commentStates(page);
    expect(collapsed.filter((c) => c.collapsed !== 'true').length, 'not marked collapsed').toBe(0);
    expect(collapsed.filter((c) => c.visible).length, 'still visible after collapse all').toBe(0);
    await clickAction(page, 'expand-all');
    const expanded = await commentStates(page);
    expect(expanded.every((c) => c.collapsed === 'false' && c.visible)).toBe(true);
    expect(await serializeWithoutLens(page, target.section)).toBe(before);
  });

  it('a stance filter hides exactly that stance', async () => {
    const states = await commentStates(page);
    const present = STANCES.filter((s) => states.some((c) => c.stance === s));
    // Prefer a stance that splits the list, so "hides exactly" can fail both ways.
    const stance = present.find((s) => states.some((c) => c.stance !== s)) ?? present[0];
    if (!stance) {
      // A page whose every comment is in a language the engine does not read: no stance to filter.
      expect(states.length).toBeGreaterThan(0);
      expect(states.filter((c) => c.stance !== 'none')).toEqual([]);
      return;
    }
    await clickAction(page, 'filter', stance);
    const filtered = await commentStates(page);
    const wrong = filtered.filter((c) => c.visible === (c.stance === stance));
    expect(wrong.map((c) => `${c.stance} visible=${c.visible}${c.parentStance ? ` (reply to a ${c.parentStance} comment)` : ''}`),
      `filter ${stance}`).toEqual([]);
    // The same chip again expands everything.
    await clickAction(page, 'filter', stance);
    expect((await commentStates(page)).filter((c) => !c.visible || c.collapsed !== 'false')).toEqual([]);
  });

  gistChecks(getSession, () => page, { name: target.name, lang: target.lang ?? 'en' });
}
