// Reads and drives the panel through its fixed hooks only: the open shadow root of #comment-lens,
// data-count / data-action hooks inside it, data-lens-* attributes on the page's comments.
import type { Page } from 'puppeteer-core';
import { STANCES, type Stance } from '../../src/parser/types';

export type Counts = Record<'total' | 'not-labelled' | Stance, number>;

export interface CommentState {
  stance: string | null;
  collapsed: string | null;
  /** some of the comment's own text (not nested replies, not our nodes) is rendered */
  visible: boolean;
  /** one of our nodes inside or right next to the comment names its stance */
  hasBadge: boolean;
  /** stance of the comment this one is nested in (a reply), for clearer failures */
  parentStance: string | null;
  /** which pass made its badge's label (data-lens-pass: fast, refined), null without a tag */
  pass: string | null;
  /** its badge says the slot is deleted or private (nothing to label) */
  placeholder: boolean;
}

/** The refined pass's state on the panel (data-lens-refine: running, done, failed, skipped), null before it starts. */
export async function refineState(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('#comment-lens')?.getAttribute('data-lens-refine') ?? null);
}

/** Waits for the refined pass to end (done, failed, or skipped: nothing to refine, or turned off). */
export async function waitForRefined(page: Page, timeout = 60_000): Promise<string> {
  const h = await page.waitForFunction(
    () => /^(done|failed|skipped)$/.test(document.querySelector('#comment-lens')?.getAttribute('data-lens-refine') ?? '') && document.querySelector('#comment-lens')?.getAttribute('data-lens-refine'),
    { timeout, polling: 100 },
  );
  return (await h.jsonValue()) as string;
}

/** Waits until the host says "ready"; returns the state it ended in (for clearer failures). */
export async function waitForPanel(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('#comment-lens')?.getAttribute('data-lens-state') === 'ready',
    { timeout, polling: 50 },
  );
}

export async function panelState(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('#comment-lens')?.getAttribute('data-lens-state') ?? null);
}

export async function readCounts(page: Page): Promise<Partial<Counts>> {
  const keys = ['total', 'not-labelled', ...STANCES];
  return page.evaluate((keys) => {
    const root = document.querySelector('#comment-lens')?.shadowRoot;
    const out: Record<string, number> = {};
    for (const k of keys) {
      const text = root?.querySelector(`[data-count="${k}"]`)?.textContent?.trim() ?? '';
      if (/^\d+$/.test(text)) out[k] = Number(text);
    }
    return out;
  }, keys);
}

/** Clicks a hook button in the panel's shadow root (the click a reader makes). */
export async function clickAction(page: Page, action: string, stance?: string): Promise<void> {
  const selector = `[data-action="${action}"]${stance ? `[data-stance="${stance}"]` : ''}`;
  const ok = await page.evaluate((selector) => {
    const button = document.querySelector('#comment-lens')?.shadowRoot?.querySelector<HTMLElement>(selector);
    if (!button) return false;
    button.click();
    return true;
  }, selector);
  if (!ok) throw new Error(`panel has no ${selector}`);
  // Let the extension apply the change (it may batch DOM writes in animation frames).
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
}

/** The state of every comment the extension marked, in document order. */
export async function commentStates(page: Page): Promise<CommentState[]> {
  return page.evaluate(() => {
    const marked = [...document.querySelectorAll<HTMLElement>('[data-lens-stance]')];
    const markedSet = new Set<Element>(marked);
    const ownText = (el: Element): Text[] => {
      const out: Text[] = [];
      const walk = document.createTreeWalker(el, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
        acceptNode: (n) => {
          if (n.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
          const e = n as Element;
          // Skip our own nodes and nested comments (replies have their own state).
          if (e !== el && (e.hasAttribute('data-lens-own') || markedSet.has(e))) return NodeFilter.FILTER_REJECT;
          return NodeFilter.FILTER_SKIP;
        },
      });
      for (let n = walk.nextNode(); n; n = walk.nextNode()) if ((n.textContent ?? '').trim()) out.push(n as Text);
      return out;
    };
    const shown = (t: Text): boolean => {
      const parent = t.parentElement;
      if (!parent?.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
      const range = document.createRange();
      range.selectNodeContents(t);
      return [...range.getClientRects()].some((r) => r.width > 0 && r.height > 0);
    };
    // The words a reader sees or hears on one of our nodes: rendered text (its shadow root
    // included, style sheets excluded) and accessible labels.
    const badgeText = (n: Element): string => {
      const parts: string[] = [];
      const visit = (node: Node): void => {
        if (node.nodeType === Node.TEXT_NODE) {
          const parent = node.parentElement;
          if (parent && !['STYLE', 'SCRIPT'].includes(parent.tagName) && parent.checkVisibility()) parts.push(node.textContent ?? '');
          return;
        }
        if (node instanceof Element) {
          if (node.checkVisibility()) parts.push(node.getAttribute('aria-label') ?? '', node.getAttribute('title') ?? '');
          if (node.shadowRoot) visit(node.shadowRoot);
        }
        for (const child of node.childNodes) visit(child);
      };
      visit(n);
      return parts.join(' ');
    };
    return marked.map((el) => {
      const stance = el.getAttribute('data-lens-stance');
      const near = [...el.querySelectorAll('[data-lens-own]'), el.previousElementSibling, el.nextElementSibling]
        .filter((n): n is Element => !!n && n.hasAttribute('data-lens-own'))
        // A badge inside a nested reply belongs to that reply.
        .filter((n) => n.closest('[data-lens-stance]') === el || !el.contains(n));
      return {
        stance,
        collapsed: el.getAttribute('data-lens-collapsed'),
        visible: ownText(el).some(shown),
        // A deleted or private slot's badge says so instead of naming a stance, and so does the
        // badge of a comment in a language the engine does not read ("none").
        hasBadge: !!stance && near.some((n) => /\b(deleted|private)\b/.test(badgeText(n).toLowerCase())
          || (stance === 'none' ? badgeText(n).includes('not labelled (language)') : badgeText(n).toLowerCase().includes(stance.toLowerCase()))),
        parentStance: el.parentElement?.closest('[data-lens-stance]')?.getAttribute('data-lens-stance') ?? null,
        placeholder: near.some((n) => /\b(deleted|private)\b/.test(badgeText(n).toLowerCase())),
        pass: near.map((n) => (n.tagName === 'COMMENT-LENS-TAG' ? n : n.querySelector('comment-lens-tag'))).find((n) => !!n)?.getAttribute('data-lens-pass') ?? null,
      };
    });
  });
}
