// The gist in a real browser, after the checks of comment-checks.ts on the same tab: the section
// is under the counts and cites real comments; each [data-comment-ref] takes the reader to the
// comment it quotes (scrolled into view, expanded when collapsed, marked current); the panel with
// the gist open passes axe in light and dark; and after all that, turning the site off still
// leaves the page exactly as it was. A page in a language the engine does not read shows its
// comments as "not labelled (language)" instead, and the counts say how many.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { STANCES } from '../../../src/parser/types';
import { lensTraces, serializeWithoutLens } from './dom';
import { optionsPath } from '../../../scripts/lib/launch';
import { clickAction, commentStates, readCounts, waitForPanel } from '../../../scripts/lib/panel';
import type { E2eSession } from './session';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface RefInfo {
  id: string;
  stance: string | null;
  /** the excerpt the button shows, without the author and the ellipsis */
  excerpt: string;
}

async function gistRefs(page: Page): Promise<{ open: boolean; hidden: boolean; stances: string[]; refs: RefInfo[]; phrases: number }> {
  return page.evaluate(() => {
    const root = document.querySelector('#comment-lens')?.shadowRoot;
    const gist = root?.querySelector<HTMLElement>('[data-role="gist"]');
    const refs = [...(root?.querySelectorAll<HTMLElement>('[data-comment-ref]') ?? [])].map((b) => {
      const author = b.querySelector('strong')?.textContent ?? '';
      const text = (b.textContent ?? '').slice(author.length).replace(/…$/, '').trim();
      return { id: b.getAttribute('data-comment-ref')!, stance: b.closest('[data-gist-stance]')?.getAttribute('data-gist-stance') ?? null, excerpt: text };
    });
    return {
      open: gist?.hasAttribute('data-open') ?? false,
      hidden: gist?.hidden ?? true,
      stances: [...(root?.querySelectorAll('[data-gist-stance]') ?? [])].map((e) => e.getAttribute('data-gist-stance')!),
      refs,
      phrases: root?.querySelectorAll('[data-gist-stance] [data-phrase]').length ?? 0,
    };
  });
}

/** After a click on a gist link: the current comment, its state, and whether it is on screen. */
async function currentComment(page: Page): Promise<{ count: number; text: string; stance: string | null; collapsed: string | null; onScreen: boolean } | null> {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll<HTMLElement>('[data-lens-current="true"]')];
    const el = all[0];
    if (!el) return null;
    // The comment's own words, not our tag's (its stub repeats the author).
    const clone = el.cloneNode(true) as HTMLElement;
    for (const own of clone.querySelectorAll('comment-lens-tag, [data-lens-own]')) own.remove();
    const r = el.getBoundingClientRect();
    return {
      count: all.length,
      text: (clone.textContent ?? '').replace(/\s+/g, ' '),
      stance: el.getAttribute('data-lens-stance'),
      collapsed: el.getAttribute('data-lens-collapsed'),
      onScreen: r.bottom > 0 && r.top < innerHeight && r.height > 0,
    };
  });
}

const frames = (page: Page): Promise<unknown> => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));

/** Words of an excerpt as they must appear in the comment (spaces and quotes the parser may have tidied aside). */
const wordsOf = (s: string): string[] => s.replace(/\s+/g, ' ').split(' ').filter((w) => /\p{L}{3,}/u.test(w)).slice(0, 4);

async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated, not added as a <script>: the page's DOM stays as it was (checked at the end).
  // With define/module hidden, so a page that loads an AMD or CommonJS loader still gets window.axe.
  await page.evaluate(`(function (define, module, exports) {\n${AXE_SOURCE}\n}).call(window)`);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe;
    // The panel inside the shadow root. The host element itself is left out: its inline
    // `font: … !important` (panel.ts pinHost, so page rules cannot restyle it) is what axe's
    // avoid-inline-spacing rule flags, by design and since before the gist.
    const r = await axe.run({ include: [['#comment-lens', '.panel']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

async function setSite(session: E2eSession, host: string, on: boolean): Promise<void> {
  const options = await session.openExtensionPage(optionsPath(session.kind));
  try {
    if (!on) {
      await options.type('[data-setting="newSite"]', host);
      await options.click('[data-action="site-off"]');
    } else {
      const backOn = `button[aria-label="Turn Comment Lens back on for ${host}"]`;
      await options.waitForSelector(backOn, { timeout: 10_000 });
      await options.click(backOn);
    }
    // The change is stored before the page is looked at.
    await new Promise((ok) => setTimeout(ok, 300));
  } finally {
    await options.close();
  }
}

export function gistChecks(getSession: () => E2eSession, getPage: () => Page, target: { name: string; lang: string }): void {
  if (target.lang !== 'en') {
    it(`comments in ${target.lang} are "not labelled (language)", and the counts say so`, async () => {
      const page = getPage();
      const states = await commentStates(page);
      const none = states.filter((c) => c.stance === 'none');
      // Nearly all: a one-line comment may be too short to tell, and is then labelled.
      expect(none.length / states.length).toBeGreaterThanOrEqual(0.9);
      const counts = await readCounts(page);
      expect(counts['not-labelled']).toBe(none.length);
      expect(STANCES.reduce((n, s) => n + (counts[s] ?? 0), 0)).toBe(states.length - none.length);
      // Every badge of ours on the page: as many say "not labelled (language)" as comments have no stance.
      const badges = await page.evaluate(() => [...document.querySelectorAll('comment-lens-tag')].map((tag) => tag.shadowRoot?.querySelector('.badge')?.textContent ?? ''));
      expect(badges.filter((b) => b === 'not labelled (language)').length).toBe(none.length);
      expect(await page.evaluate(() => document.querySelector('#comment-lens')?.shadowRoot?.querySelector('[data-role="not-labelled"]')?.textContent)).toBe(`${none.length} not labelled (language)`);
    });
    return;
  }

  it('the gist is under the counts, each stance citing its own comments', async () => {
    const page = getPage();
    await page.waitForFunction(() => document.querySelector('#comment-lens')?.shadowRoot?.querySelector('[data-role="gist"]:not([hidden])'), { timeout: 10_000, polling: 100 });
    const g = await gistRefs(page);
    expect(g.hidden).toBe(false);
    expect(g.refs.length).toBeGreaterThan(0);
    expect(g.stances.every((s) => (STANCES as readonly string[]).includes(s))).toBe(true);
    await getSession().screenshot(page, `gist-${target.name}`);
  });

  it('each [data-comment-ref] scrolls to its comment, expands it when collapsed, and marks it', async () => {
    const page = getPage();
    const g = await gistRefs(page);
    expect(g.refs.length).toBeGreaterThan(0);
    await clickAction(page, 'collapse-all');
    for (const r of g.refs) {
      await page.evaluate(() => window.scrollTo(0, 0));
      const clicked = await page.evaluate((id) => {
        const b = document.querySelector('#comment-lens')?.shadowRoot?.querySelector<HTMLElement>(`[data-comment-ref="${CSS.escape(id)}"]`);
        b?.click();
        return !!b;
      }, r.id);
      expect(clicked).toBe(true);
      await frames(page);
      const cur = await currentComment(page);
      expect(cur, `comment ${r.id} marked current`).not.toBeNull();
      expect(cur!.count).toBe(1);
      expect(cur!.collapsed, `comment ${r.id} expanded`).toBe('false');
      expect(cur!.onScreen, `comment ${r.id} scrolled into view`).toBe(true);
      for (const w of wordsOf(r.excerpt)) expect(cur!.text, `comment ${r.id} is the one quoted`).toContain(w);
      if (r.stance) expect(cur!.stance).toBe(r.stance);
    }
    // Keyboard: Enter on a focused link does the same (a <button>: focusable, Enter clicks it).
    const last = g.refs[0]!;
    await clickAction(page, 'collapse-all');
    await page.evaluate((id) => document.querySelector('#comment-lens')?.shadowRoot?.querySelector<HTMLElement>(`[data-comment-ref="${CSS.escape(id)}"]`)?.focus(), last.id);
    await page.keyboard.press('Enter');
    await frames(page);
    expect((await currentComment(page))?.collapsed).toBe('false');
    await clickAction(page, 'expand-all');
  });

  it('the panel with the gist open passes axe, light and dark', async () => {
    const page = getPage();
    const was = await page.evaluate(() => document.querySelector('#comment-lens')?.getAttribute('data-theme') ?? 'light');
    try {
      for (const theme of ['light', 'dark']) {
        await page.evaluate((theme) => document.querySelector('#comment-lens')?.setAttribute('data-theme', theme), theme);
        expect(await axeViolations(page), `axe, ${theme}`).toEqual([]);
      }
    } finally {
      await page.evaluate((was) => document.querySelector('#comment-lens')?.setAttribute('data-theme', was), was);
    }
  });

  it('after the gist was used, turning the site off leaves the page exactly as it was', async () => {
    const session = getSession();
    const page = getPage();
    const before = await serializeWithoutLens(page, 'body');
    const host = new URL(page.url()).hostname;
    await setSite(session, host, false);
    try {
      await page.bringToFront();
      await page.waitForFunction(() => !document.querySelector('#comment-lens'), { timeout: 10_000, polling: 100 });
      expect(await lensTraces(page)).toEqual([]);
      expect(await page.evaluate(() => document.body.outerHTML)).toBe(before);
    } finally {
      await setSite(session, host, true);
      await page.bringToFront();
      await waitForPanel(page);
    }
  }, 60_000);
}
