// Hostile pages in Chromium: script and markup in comment text and author names, a strict CSP,
// CSS aimed at everything, overridden built-ins, comments in shadow roots and frames, and the
// page's own view of its DOM with the extension on and after turning it off.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { STANCES } from '../../src/parser/types';
import { cleanAuthor } from '../../src/sites/comments';
import { clickAction, commentStates, readCounts, waitForPanel, waitForRefined } from '../../scripts/lib/panel';
import { startSession, type E2eSession } from './helpers/session';
import { optionsPath } from '../../scripts/lib/launch';
import { installReadyTimer } from '../../scripts/lib/timing';

let session: E2eSession;
const pages: Page[] = [];

async function open(name: string, query = '', before?: (page: Page) => Promise<void>): Promise<Page> {
  const page = await session.open(session.server.testPageUrl(name) + query, before);
  pages.push(page);
  return page;
}

/** Collapse all hides every comment, expand all shows every one again. */
async function expectCollapseWorks(page: Page, expected: number): Promise<void> {
  await clickAction(page, 'collapse-all');
  const collapsed = await commentStates(page);
  expect(collapsed).toHaveLength(expected);
  expect(collapsed.filter((c) => c.collapsed !== 'true' || c.visible), 'shown after collapse all').toEqual([]);
  await clickAction(page, 'expand-all');
  expect((await commentStates(page)).filter((c) => c.collapsed !== 'false' || !c.visible), 'hidden after expand all').toEqual([]);
}

const PROPS = ['display', 'position', 'visibility', 'opacity', 'color', 'background-color', 'font-size', 'font-family',
  'font-weight', 'line-height', 'letter-spacing', 'text-transform', 'width', 'height', 'padding-top', 'padding-left',
  'margin-top', 'margin-left', 'border-top-width', 'border-top-style', 'border-top-color', 'border-top-left-radius', 'box-sizing'];

/** Computed styles of the panel host, the panel, a button, a count, a chip and a comment badge. */
async function panelStyles(page: Page): Promise<Record<string, Record<string, string> | null>> {
  return page.evaluate((props) => {
    const root = document.querySelector('#comment-lens')?.shadowRoot;
    const badge = document.querySelector('comment-lens-tag')?.shadowRoot?.querySelector('.badge');
    const pick = (el: Element | null | undefined): Record<string, string> | null => {
      if (!el) return null;
      const cs = getComputedStyle(el);
      return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
    };
    return {
      host: pick(document.querySelector('#comment-lens')), panel: pick(root?.querySelector('.panel')),
      button: pick(root?.querySelector('[data-action="collapse-all"]')), count: pick(root?.querySelector('[data-count="total"]')),
      chip: pick(root?.querySelector('[data-action="filter"]')), badge: pick(badge),
    };
  }, PROPS);
}

/** Elements or attributes in our shadow roots that page text must never have produced. */
async function shadowInventory(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // (section, h4: the gist section, gist-view.ts.)
    const allowed = new Set(['div', 'span', 'button', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'p', 'strong', 'header', 'style', 'dl', 'dt', 'dd', 'kbd', 'table', 'tr', 'td', 'th', 'tbody', 'thead', 'section', 'em', 'small']);
    const roots = [document.querySelector('#comment-lens'), ...document.querySelectorAll('comment-lens-tag')]
      .map((h) => h?.shadowRoot).filter((r): r is ShadowRoot => !!r);
    const bad: string[] = [];
    for (const r of roots) {
      for (const el of r.querySelectorAll('*')) {
        if (!allowed.has(el.localName)) bad.push(`<${el.localName}>`);
        for (const a of el.getAttributeNames()) if (/^on|^(src|href|srcdoc|formaction|data)$/i.test(a)) bad.push(`<${el.localName} ${a}>`);
      }
    }
    return bad;
  });
}

/**
 * Evaluates source text in a fresh isolated world of the page's main frame, where the page's
 * overrides do not reach (`page` evaluates in the page's own world, over raw CDP).
 */
async function inIsolatedWorld(page: Page): Promise<{ value<T>(expr: string): Promise<T>; page<T>(expr: string): Promise<T>; waitFor(expr: string, timeout: number): Promise<void> }> {
  const client = await page.createCDPSession();
  const frameId = (await client.send('Page.getFrameTree')).frameTree.frame.id;
  const { executionContextId } = await client.send('Page.createIsolatedWorld', { frameId, worldName: 'e2e-probe' });
  const evaluate = async <T>(expr: string, contextId?: number): Promise<T> => {
    const r = await client.send('Runtime.evaluate', { expression: `(() => (${expr}))()`, ...(contextId ? { contextId } : {}), returnByValue: true, awaitPromise: true });
    if (r.exceptionDetails) throw new Error(`probe failed: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text} in ${expr}`);
    return r.result.value as T;
  };
  const value = <T>(expr: string): Promise<T> => evaluate<T>(expr, executionContextId);
  return {
    value,
    page: <T>(expr: string): Promise<T> => evaluate<T>(expr),
    // Polls the product's state; the deadline only bounds a failure.
    async waitFor(expr, timeout) {
      const end = Date.now() + timeout;
      while (!(await value<boolean>(expr))) {
        if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${expr}`);
        await new Promise((ok) => setTimeout(ok, 100));
      }
    },
  };
}

/** Turns the extension off (and back on) for the page's host through the real options page. */
async function siteSwitch(s: E2eSession, tab: Page): Promise<{ off(): Promise<void>; on(): Promise<void> }> {
  const host = new URL(tab.url()).hostname;
  const options = await s.openExtensionPage(optionsPath(s.kind));
  pages.push(options);
  return {
    async off() {
      await options.type('[data-setting="newSite"]', host);
      await options.click('[data-action="site-off"]');
      await tab.bringToFront();
      await tab.waitForFunction(() => !document.querySelector('#comment-lens') && !document.querySelector('[data-lens-own]')
        && !document.querySelector('[data-lens-stance]'), { timeout: 10_000, polling: 100 });
    },
    async on() {
      await options.bringToFront();
      await s.reloadExtensionPage(options);
      const backOn = `button[aria-label="Turn Comment Lens back on for ${host}"]`;
      await options.waitForSelector(backOn, { timeout: 10_000 });
      await options.click(backOn);
      await tab.bringToFront();
      await waitForPanel(tab);
    },
  };
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe('hostile pages in chromium', () => {
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

  it('HTML and script in comments and author names stay literal text and never run', async () => {
    const dialogs: string[] = [];
    const page = await open('xss.html', '', async (p) => {
      p.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
    });
    await waitForPanel(page);
    const vectors = await page.evaluate(() => window.XSS_VECTORS ?? []);
    expect(vectors.length).toBeGreaterThanOrEqual(50);
    const comments = await page.evaluate(() => [...document.querySelectorAll('li.comment')].map((li) => ({
      author: li.querySelector('.comment-author')?.textContent ?? '',
      text: li.querySelector('.comment-content')?.textContent ?? '',
      // the page put one <p> in each comment's content and one name span: no markup may appear
      elements: li.querySelectorAll('.comment-content *, .comment-author *').length,
    })));
    expect(comments).toHaveLength(20 + vectors.length);
    expect((await readCounts(page)).total).toBe(comments.length);
    expect(comments.filter((c) => c.elements !== 1), 'comment markup changed').toEqual([]);

    // Most active authors: exactly the five hostile names, as literal text.
    const regulars = await page.evaluate(() => window.__regulars ?? []);
    const authors = await page.evaluate(() => [...(document.querySelector('#comment-lens')?.shadowRoot
      ?.querySelectorAll('[data-role="authors"] li') ?? [])].map((li) => li.textContent ?? ''));
    expect([...authors].sort()).toEqual(regulars.map((r) => `${norm(r)} (4)`).sort());

    // Badge details: open every one; each quoted cue is a piece of that comment's own text.
    const details = await page.evaluate(() => [...document.querySelectorAll('li.comment')].map((li) => {
      const tag = li.querySelector(':scope > [data-lens-own]');
      const host = tag?.localName === 'comment-lens-tag' ? tag : tag?.querySelector('comment-lens-tag');
      host?.shadowRoot?.querySelector<HTMLElement>('.badge')?.click();
      return [...(host?.shadowRoot?.querySelectorAll('.details li') ?? [])].map((l) => l.textContent ?? '');
    }));
    expect(details.flat().length, 'no cue lines at all: nothing checked').toBeGreaterThan(0);
    // A cue quotes the comment's words (joined, punctuation dropped): each word must be one of them.
    const words = (t: string): string[] => t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const badQuotes = details.flatMap((lines, i) => lines
      .map((l) => /^“(.*)” — /s.exec(l)?.[1])
      .filter((q): q is string => q !== undefined && !words(q).every((w) => words(comments[i]!.text).includes(w))));
    expect(badQuotes, 'quoted cues that are not the comment\'s text').toEqual([]);

    // Collapsed stubs name each author literally.
    await clickAction(page, 'collapse-all');
    const stubs = await page.evaluate(() => [...document.querySelectorAll('li.comment')].map((li) => {
      const host = li.querySelector('comment-lens-tag');
      return { stub: host?.shadowRoot?.querySelector('.stub')?.textContent ?? '', stance: li.getAttribute('data-lens-stance') };
    }));
    // The name as the page wrote it, after the adapters' documented byline cleanup only
    // ("X says:", "by X", trailing ",;:"): no entity decoded, no tag dropped.
    const wrong = stubs.filter((s, i) => s.stub !== `▸ Comment by ${cleanAuthor(norm(comments[i]!.author)) || 'anonymous'} · ${s.stance} —`);
    expect(wrong.slice(0, 5), `${wrong.length} stubs do not name the author literally`).toEqual([]);

    // Nothing of ours holds markup the page text could have produced.
    expect(await shadowInventory(page)).toEqual([]);
    // Round trip to the server after everything, then: nothing ran, nothing was fetched by a payload.
    await page.evaluate(() => fetch('/favicon.ico').then(() => undefined));
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(session.server.requests.filter((r) => /\/(x|1|pwn\.js|%23|#)$/.test(r.url) || r.url.includes('javascript')).map((r) => r.url)).toEqual([]);

    // Control: the traps are live on this page. The same vectors parsed as markup do fire.
    await page.evaluate((a, b) => {
      const box = document.createElement('div');
      box.innerHTML = a + b;
      document.body.append(box);
    }, vectors[2]!, vectors[4]!);
    await page.waitForFunction(() => window.__pwned === 'img', { timeout: 10_000, polling: 50 });
    const until = Date.now() + 10_000;
    while (dialogs.length === 0 && Date.now() < until) await new Promise((ok) => setTimeout(ok, 50));
    expect(dialogs, 'the alert vector opened a dialog').toEqual(['XSS']);
  });

  it('a strict Content-Security-Policy page gets a styled panel and working collapse', async () => {
    const page = await open('csp-strict.html');
    await waitForPanel(page);
    expect((await readCounts(page)).total).toBe(8);
    const s = await panelStyles(page);
    expect(s.panel?.['background-color'], 'panel background').toBe('rgb(255, 255, 255)');
    expect(s.panel?.['border-top-style']).toBe('solid');
    expect(s.panel?.['border-top-width']).toBe('1px');
    expect(s.panel?.['border-top-left-radius']).toBe('8px');
    expect(s.panel?.['width']).toBe('300px');
    expect(s.host?.['position']).toBe('fixed');
    await expectCollapseWorks(page, 8);
    expect(await page.evaluate(() => window.__violations ?? ['page script did not run']), 'CSP violations').toEqual([]);
    // default-src 'none' covers connect-src: the page cannot even fetch itself, so the policy is in force.
    expect(await page.evaluate(() => fetch(location.href).then(() => 'fetched', () => 'fetch blocked'))).toBe('fetch blocked');
  });

  it('page CSS aimed at *, button and div with !important leaves the panel\'s styles unchanged', async () => {
    // Both after the refined pass: its progress line under the header changes the panel's height.
    const control = await panelStyles(await open('hostile-css.html').then(async (p) => (await waitForPanel(p), await waitForRefined(p), p)));
    const hostile = await open('hostile-css.html', '?hostile');
    await waitForPanel(hostile);
    await waitForRefined(hostile);
    expect(await hostile.evaluate(() => getComputedStyle(document.body).color), 'the hostile CSS is in force').toBe('rgb(255, 0, 0)');
    await session.screenshot(hostile, 'hostile-css');
    const styles = await panelStyles(hostile);
    expect(Object.keys(control.panel ?? {}).length).toBeGreaterThan(10);
    // One soft check per element: a failure lists every element that changed, not the first.
    for (const part of Object.keys(control)) expect.soft(styles[part], `computed style of the ${part}`).toEqual(control[part]);
  });

  it('collapse still works under page CSS aimed at everything', async () => {
    const page = await open('hostile-css.html', '?hostile');
    await waitForPanel(page);
    await expectCollapseWorks(page, 8);
  });

  for (const group of ['globals', 'array', 'json', 'dom', 'all']) {
    it(`still works when the page overrides built-ins (${group})`, async () => {
      const page = await open('overrides.html', `?group=${group}`);
      // Puppeteer's own helpers run in the page's world, which the page broke: probe from a clean world.
      const probe = await inIsolatedWorld(page);
      expect(await probe.page<string>('String(window.__overridden)'), 'overrides ran').toMatch(/\w/);
      await probe.waitFor(`document.querySelector('#comment-lens')?.getAttribute('data-lens-state') === 'ready'`, 20_000);
      const counts = await probe.value<Record<string, number>>(`Object.fromEntries(${JSON.stringify(['total', ...STANCES])}
        .map((k) => [k, Number(document.querySelector('#comment-lens').shadowRoot.querySelector('[data-count="' + k + '"]').textContent)]))`);
      expect(counts.total).toBe(9);
      expect(STANCES.reduce((sum, s) => sum + (counts[s] ?? NaN), 0)).toBe(9);
      expect(await probe.value<number>(`document.querySelectorAll('li.comment[data-lens-stance]').length`)).toBe(9);
      await probe.value(`document.querySelector('#comment-lens').shadowRoot.querySelector('[data-action="collapse-all"]').click()`);
      await probe.waitFor(`[...document.querySelectorAll('li.comment')].every((li) => li.getAttribute('data-lens-collapsed') === 'true'
        && !li.querySelector('.comment-content').checkVisibility())`, 5_000);
      await probe.value(`document.querySelector('#comment-lens').shadowRoot.querySelector('[data-action="expand-all"]').click()`);
      await probe.waitFor(`[...document.querySelectorAll('li.comment')].every((li) => li.getAttribute('data-lens-collapsed') === 'false'
        && li.querySelector('.comment-content').checkVisibility())`, 5_000);
    });
  }

  it('Coral comments inside an open shadow root are read, counted and collapse', async () => {
    const page = await open('shadow-coral.html');
    await waitForPanel(page);
    expect((await readCounts(page)).total).toBe(6);
    const inShadow = await page.evaluate(() => {
      const root = document.querySelector('#coral_thread')?.shadowRoot;
      const items = [...(root?.querySelectorAll('.coral-comment') ?? [])];
      return { labelled: items.filter((c) => c.hasAttribute('data-lens-stance')).length, tags: root?.querySelectorAll('comment-lens-tag').length ?? 0 };
    });
    expect(inShadow).toEqual({ labelled: 6, tags: 6 });
    await clickAction(page, 'collapse-all');
    expect(await page.evaluate(() => [...(document.querySelector('#coral_thread')?.shadowRoot?.querySelectorAll('.coral-comment-content') ?? [])]
      .filter((c) => c.checkVisibility()).length), 'Coral comments still shown after collapse all').toBe(0);
    await clickAction(page, 'expand-all');
    expect(await page.evaluate(() => [...(document.querySelector('#coral_thread')?.shadowRoot?.querySelectorAll('.coral-comment-content') ?? [])]
      .filter((c) => c.checkVisibility()).length)).toBe(6);
  });

  it('comments in an unknown web component\'s shadow root: the panel waits, the page is untouched', async () => {
    // Only adapters that name their shadow hosts (Coral, OpenWeb, Viafoura) look inside one.
    const page = await open('shadow-generic.html', '', installReadyTimer);
    await page.waitForFunction(() => !!document.querySelector('#comment-lens')?.getAttribute('data-lens-state'), { timeout: 20_000, polling: 50 });
    await page.waitForFunction(() => document.querySelector('#comment-lens')?.getAttribute('data-lens-state') !== 'labelling', { timeout: 20_000, polling: 50 });
    const state = await page.evaluate(() => ({
      host: document.querySelector('#comment-lens')?.getAttribute('data-lens-state'),
      marked: document.querySelector('#box')?.shadowRoot?.querySelectorAll('[data-lens-stance], [data-lens-own]').length,
    }));
    expect(state).toEqual({ host: 'waiting', marked: 0 });
  });

  it('comments in a same-origin iframe: the panel waits and says they are in a frame', async () => {
    const page = await open('iframe-outer.html');
    await page.waitForFunction(() => document.querySelector('#comment-lens')?.getAttribute('data-lens-state') === 'waiting', { timeout: 20_000, polling: 50 });
    const frame = page.frames().find((f) => f.url().endsWith('/iframe-inner.html'));
    expect(frame, 'the frame loaded').toBeDefined();
    expect(await frame!.evaluate(() => document.querySelectorAll('li.comment').length)).toBe(7);
    const status = await page.evaluate(() => document.querySelector('#comment-lens')?.shadowRoot?.querySelector('[data-role="status"]')?.textContent ?? '');
    expect(status).toMatch(/frame/i);
    // No content script runs in an ordinary frame (all_frames is for the Disqus embed only).
    expect(await frame!.evaluate(() => document.querySelectorAll('[data-lens-stance], [data-lens-own]').length)).toBe(0);
  });

  // Last: it turns the extension off for 127.0.0.1, which every page here shares.
  it('never breaks the page: its own script sees the same comments, and turning off restores the document', async () => {
    const page = await open('never-break.html', '', installReadyTimer);
    await waitForPanel(page);
    // A snapshot the page took after the product was ready.
    await page.waitForFunction(() => (window.__snapAt ?? 0) > (window.__lensReadyAt ?? Infinity), { timeout: 10_000, polling: 50 });
    const view = await page.evaluate(() => {
      const clean = (html: string): string => {
        const t = document.createElement('template');
        t.innerHTML = html;
        for (const own of t.content.querySelectorAll('[data-lens-own]')) own.remove();
        for (const el of t.content.querySelectorAll('*')) for (const a of el.getAttributeNames()) if (a.startsWith('data-lens-')) el.removeAttribute(a);
        return t.innerHTML;
      };
      return { before: clean(window.__snapBefore ?? ''), after: clean(window.__snap ?? ''), raw: window.__snap ?? '',
        countBefore: window.__countBefore, countAfter: window.__snapCount };
    });
    expect(view.raw, 'the page saw our marks (the check would be empty otherwise)').toContain('data-lens-stance');
    expect(view.after).toBe(view.before);
    expect(view.countAfter).toBe(view.countBefore);
    expect(view.countAfter).toBe(10);

    const sw = await siteSwitch(session, page);
    try {
      await sw.off();
      const doc = await page.evaluate(() => ({ now: document.documentElement.outerHTML, atDCL: window.__htmlAtDCL }));
      expect(doc.now).toBe(doc.atDCL);
    } finally {
      await sw.on();
    }
  });
});

declare global {
  interface Window {
    XSS_VECTORS?: string[];
    __regulars?: string[];
    __pwned?: unknown;
    __violations?: string[];
    __snap?: string | null;
    __snapBefore?: string;
    __snapAt?: number;
    __snapCount?: number;
    __countBefore?: number;
    __htmlAtDCL?: string;
  }
}
