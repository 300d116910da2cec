// The whole end-to-end suite for one browser: the demo pages generated from seeds/, saved real
// pages from tests/fixtures, pages without comments, settings, and the no-network check last.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeeds } from '../../../scripts/demo/seeds';
import { caughtHost } from './catch-proxy';
import { commentPageChecks, type CommentPage } from './comment-checks';
import { finderOnlyPages, noCommentPages, withCommentPages } from './fixtures';
import { ARTIFACTS, ROOT, type BrowserKind } from '../../../scripts/lib/launch';
import { quietPageCheck } from './quiet-checks';
import { settingsChecks } from './settings-checks';
import { refineChecks } from './refine-checks';
import { startSession, type E2eSession } from './session';
import type { PageTiming } from '../../../scripts/lib/timing';

// The browsers' own background services (updates, safe browsing, telemetry), not ours.
const VENDOR_HOSTS = /(^|\.)(google\.com|googleapis\.com|gstatic\.com|gvt1\.com|mozilla\.(com|org|net)|firefox\.com|mozaws\.net|mozgcp\.net)$/;

export function defineE2eSuite(kind: BrowserKind): void {
  let session: E2eSession | undefined;
  const get = (): E2eSession => {
    if (!session) throw new Error('browser session did not start (see the beforeAll error)');
    return session;
  };
  const timings: Record<string, PageTiming> = {};

  // Known at collection time, so each page gets its own named tests.
  const seeds = loadSeeds(join(ROOT, 'seeds')).seeds;
  const demoPages: CommentPage[] = seeds.map((s) => ({
    name: `demo-${s.name}`, url: () => get().server.seedUrl(s.name), expected: s.thread.comments.length,
    section: '#comments', static: true,
  }));
  const realPages: CommentPage[] = withCommentPages().map((p) => ({
    name: p.path.replace(/^.*\//, '').replace(/\.html$/, ''), url: () => get().server.fixtureUrl(p.path),
    expected: p.comments ?? NaN, section: 'body', static: false, lang: p.lang,
  }));
  // the same checks with every site adapter off: the structural finder alone finds and reads them
  const finderPages: CommentPage[] = finderOnlyPages().map((p) => ({
    name: `finder-alone-${p.path.replace(/^.*\//, '').replace(/\.html$/, '')}`, url: () => get().server.finderOnlyUrl(p.path),
    expected: p.comments ?? NaN, section: 'body', static: false, lang: p.lang,
  }));

  describe(`Comment Lens e2e in ${kind}`, () => {
    beforeAll(async () => {
      session = await startSession(kind);
    }, 120_000);

    afterAll(async () => {
      writeFileSync(join(ARTIFACTS, `e2e-timings-${kind}.json`), `${JSON.stringify(timings, null, 2)}\n`);
      for (const [name, t] of Object.entries(timings)) {
        console.log(`[e2e ${kind}] ${name}: DOMContentLoaded ${t.domContentLoaded} ms, load ${t.load} ms, `
          + `panel ready ${t.panelReady ?? '?'} ms after navigation start; marks ${JSON.stringify(t.marks)}`);
      }
      await session?.close();
    }, 60_000);

    it('has a demo page and at least three saved real pages to open', () => {
      expect(demoPages.length).toBeGreaterThan(0);
      expect(realPages.filter((p) => Number.isInteger(p.expected)).length).toBeGreaterThanOrEqual(3);
    });

    it('has at least two saved real pages for the finder alone', () => {
      expect(finderPages.filter((p) => Number.isInteger(p.expected)).length).toBeGreaterThanOrEqual(2);
    });

    for (const target of [...demoPages, ...realPages, ...finderPages]) {
      describe(target.name, () => commentPageChecks(get, target, timings));
    }

    describe('pages without comments', () => {
      for (const s of seeds) quietPageCheck(get, `plain-${s.name}`, () => get().server.plainUrl(s.name), true);
      for (const p of noCommentPages()) {
        quietPageCheck(get, p.path.replace(/^.*\//, ''), () => get().server.fixtureUrl(p.path), false);
      }
    });

    describe('settings', () => settingsChecks(get, () => demoPages[0]?.url() ?? ''));

    describe('the refined pass', () => refineChecks(get, () => demoPages[0]?.url() ?? ''));

    // Last: it judges everything the browser did during the whole file.
    it('no request leaves the extension; demo pages only asked 127.0.0.1', () => {
      const { net, server } = get();
      expect.soft(net.fromExtension(), 'requests made by the extension').toEqual([]);
      const demo = net.requests.filter((r) => /\/(seed|plain)\//.test(r.source));
      expect.soft(demo.length, 'no request recorded at all: the recorder is broken').toBeGreaterThan(0);
      // Loading the extension's own files (chrome-extension://, moz-extension://) never leaves the browser.
      const local = [`${server.origin}/`, `${get().lens.extensionOrigin}/`, 'data:', 'blob:', 'about:'];
      expect.soft(demo.filter((r) => !local.some((p) => r.url.startsWith(p))), 'demo pages asked elsewhere').toEqual([]);
      // Browser-wide: what reached the catch proxy came from a page, or from the browser's own
      // vendor services (named here); anything else can only be the extension's.
      const pageHosts = new Set(net.requests.filter((r) => r.source.startsWith('page '))
        .map((r) => { try { return new URL(r.url).hostname; } catch { return r.url; } }));
      const stray = get().proxy.caught.filter((r) => !pageHosts.has(caughtHost(r)) && !VENDOR_HOSTS.test(caughtHost(r)));
      expect.soft(stray, 'requests through the catch proxy from neither a page nor the browser vendor').toEqual([]);
      // The server saw nothing the browser did not report as a page request.
      const seen = new Set(net.requests.map((r) => new URL(r.url).pathname));
      expect.soft(server.requests.filter((r) => !seen.has(new URL(r.url, server.origin).pathname))).toEqual([]);
    });
  });
}
