// On a page without comments the extension must leave no trace at all.
import { expect, it } from 'vitest';
import { lensTraces, serializeAsServed, serializeRaw } from './dom';
import type { E2eSession } from './session';

// How long we give the content script to (wrongly) act after "load". Not a timing assertion:
// the panel appears well within this on pages with comments, so silence after it means something.
const SETTLE_MS = 2_000;

export function quietPageCheck(getSession: () => E2eSession, name: string, url: () => string, isStatic: boolean): void {
  it(`injects nothing on ${name}`, async () => {
    const session = getSession();
    const page = await session.open(url());
    try {
      const atLoad = await serializeRaw(page);
      await new Promise((ok) => setTimeout(ok, SETTLE_MS));
      expect(await lensTraces(page)).toEqual([]);
      // nor a timeline mark: ours go out on comment pages only
      expect(await page.evaluate(() => performance.getEntriesByType('mark').map((e) => e.name).filter((n) => n.startsWith('comment-lens:')))).toEqual([]);
      const later = await serializeRaw(page);
      if (isStatic) {
        // No script on the page: the document must be exactly the HTML as served.
        expect(later).toBe(await serializeAsServed(page, 'html'));
      } else {
        expect(later).toBe(atLoad);
      }
      await session.screenshot(page, `quiet-${name}`);
    } finally {
      await page.close();
    }
  }, 60_000);
}
