// Labelling in the background, with the built extension in Chromium and Firefox: the labels on a
// generated page equal labelThread of the same thread computed here in Node; a long nested thread's
// comments go to the background while the page still reads them (early-labels.ts). In Chromium also:
// the page never loads the stance model's chunk, and when the worker does not answer (paused through
// CDP) or dies mid-job (closed through CDP), the page labels itself with the same result.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import type { CDPSession, Page, WebWorker } from 'puppeteer-core';
import { renderBenchPage } from '../../scripts/bench/page';
import { startBenchServer, type BenchServer } from '../../scripts/bench/server';
import { STANCES } from '../../src/parser/types';
import { buildThread } from '../../src/parser/thread';
import { extractPage } from '../../src/sites/registry';
import { labelThread } from '../../src/stance/index';
import { summarize, UNSURE_BELOW } from '../../src/summary/summarize';
import { percent, summaryExtras } from '../../src/ui/format';
import { ROOT, launchWithExtension, optionsPath, type LensBrowser } from '../../scripts/lib/launch';
import { defaultSettings, SETTINGS_KEY } from '../../src/options/schema';
import { waitForRefined } from '../../scripts/lib/panel';

let server: BenchServer;
let lens: LensBrowser;

/** What the extension must show for the bench page of n comments, computed in Node. */
function expected(n: number, url: string) {
  const window = new Window({ url });
  const document = window.document as unknown as Document;
  document.write(renderBenchPage(n));
  const thread = buildThread(extractPage(document, url).page);
  window.close();
  const labels = labelThread(thread);
  return { labels, summary: summarize(thread, labels) };
}

interface Seen {
  stances: Array<string | null>;
  /** per comment: its badge's accessible label, where its tag is built (lazily above 300 comments) */
  badges: Array<string | null>;
  counts: Record<string, string>;
  extra: string;
  marks: string[];
}

async function seen(page: Page): Promise<Seen> {
  return page.evaluate((keys) => {
    const items = [...document.querySelectorAll('li.comment')];
    const badgeOf = (li: Element): string | null => {
      // its tag: inside it (not inside a nested reply), or right before it
      const tags = [...li.querySelectorAll('comment-lens-tag'), li.previousElementSibling].filter(
        (t): t is Element => !!t && t.tagName === 'COMMENT-LENS-TAG' && (t === li.previousElementSibling || t.closest('li.comment') === li),
      );
      return tags[0]?.shadowRoot?.querySelector('[aria-controls]')?.getAttribute('aria-label') ?? null;
    };
    const root = document.querySelector('#comment-lens')?.shadowRoot;
    return {
      stances: items.map((li) => li.getAttribute('data-lens-stance')),
      badges: items.map(badgeOf),
      counts: Object.fromEntries(keys.map((k) => [k, root?.querySelector(`[data-count="${k}"]`)?.textContent ?? ''])),
      extra: root?.querySelector('[data-role="extra"]')?.textContent ?? '',
      marks: performance.getEntriesByType('mark').map((m) => m.name).filter((m) => m.startsWith('comment-lens:')),
    };
  }, ['total', ...STANCES]);
}

/** Opens the bench page of n comments, waits for "ready", and checks it against Node's labels. */
async function openAndCheck(n: number, before?: (page: Page) => Promise<void>): Promise<{ page: Page; marks: string[]; chunks: string[] }> {
  const page = await lens.browser.newPage();
  const chunks: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(lens.extensionOrigin)) chunks.push(r.url().replace(/^.*\//, ''));
  });
  await before?.(page);
  const url = `${server.origin}/comments/${n}.html`;
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('#comment-lens')?.getAttribute('data-lens-state') === 'ready', { timeout: 60_000, polling: 100 });
  // the refined pass is off here (beforeAll): it says so once the gist is up, and relabels nothing
  expect(await waitForRefined(page)).toBe('skipped');
  const want = expected(n, url);
  const got = await seen(page);
  expect(got.stances).toEqual(want.labels.map((l) => l.label));
  const built = got.badges.flatMap((b, i) => (b ? [[b, want.labels[i]!] as const] : []));
  expect(built.length, 'badges built').toBeGreaterThan(Math.min(n, 20));
  // the badge's words: stance, unsure or not, confidence (bench pages have no deleted slots)
  for (const [badge, l] of built) {
    expect(badge).toBe(`${l.label}${l.confidence < UNSURE_BELOW ? ' unsure' : ''}: stance, ${percent(l.confidence)} confident, quick pass; show why`);
  }
  expect(got.counts).toEqual(Object.fromEntries(['total', ...STANCES].map((k) => [k, String(k === 'total' ? want.summary.total : want.summary.byStance[k as 'support'])])));
  expect(got.extra).toBe(summaryExtras(want.summary));
  return { page, marks: got.marks, chunks };
}

async function serviceWorker(): Promise<WebWorker> {
  const target = await lens.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(lens.extensionOrigin), { timeout: 20_000 });
  const worker = await target.worker();
  if (!worker) throw new Error('no service worker');
  return worker;
}

for (const kind of ['chromium', 'firefox'] as const) describe(`stance labels from the background, in ${kind}`, () => {
  beforeAll(async () => {
    server = await startBenchServer(ROOT, 0);
    lens = await launchWithExtension(kind);
    // These pages are checked against the fast pass computed in Node: the refined pass (which
    // would relabel them after "ready") is turned off, as a reader can on the options page.
    const options = await lens.browser.newPage();
    const optionsUrl = `${lens.extensionOrigin}/${optionsPath(kind)}`;
    if (kind === 'chromium') await options.goto(optionsUrl, { waitUntil: 'load' });
    else {
      // Firefox over WebDriver BiDi never reports a moz-extension:// navigation as finished (helpers/session.ts)
      await options.goto(optionsUrl, { timeout: 1_000 }).catch(() => undefined);
      await options.waitForFunction((u) => location.href === u && document.readyState === 'complete', { timeout: 15_000, polling: 100 }, optionsUrl);
    }
    await options.evaluate((key, settings) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ [key]: settings }), SETTINGS_KEY, { ...defaultSettings(), refine: false });
    await options.close();
  }, 120_000);

  afterAll(async () => {
    await lens?.close();
    await server?.close();
  }, 60_000);

  for (const n of [250, 1200]) {
    it(`${n} comments: labelled in the background, equal to labelThread in Node${kind === 'chromium' ? '; the model chunk is never loaded' : ''}`, async () => {
      const { page, marks, chunks } = await openAndCheck(n);
      expect(marks).toContain('comment-lens:labels-remote');
      expect(marks).not.toContain('comment-lens:labels-local');
      if (n > 1000) {
        // nested, long: its first comments went out before the page had read them all (marks in time order)
        expect(marks).toContain('comment-lens:labels-early');
        expect(marks.indexOf('comment-lens:labels-early')).toBeLessThan(marks.indexOf('comment-lens:extracted'));
      } else expect(marks).not.toContain('comment-lens:labels-early');
      // Firefox does not report an extension's own requests to the driver
      if (kind === 'firefox') return void (await page.close());
      expect(chunks.some((c) => c.startsWith('run-')), `chunks loaded: ${chunks.join(', ')}`).toBe(true);
      expect(chunks.filter((c) => c.startsWith('stance-'))).toEqual([]);
      await page.close();
    });
  }

  if (kind === 'chromium') it('a background that does not answer (worker paused): the page labels itself, same labels', async () => {
    const worker = await serviceWorker();
    const cdp: CDPSession = worker.client;
    await cdp.send('Debugger.enable');
    await cdp.send('Debugger.pause');
    try {
      const { page, marks, chunks } = await openAndCheck(400);
      expect(marks).toEqual(expect.arrayContaining(['comment-lens:labels-fallback', 'comment-lens:labels-local']));
      expect(marks).not.toContain('comment-lens:labels-remote');
      // the fallback loads the model's chunk: so its absence above is seen, not missed
      expect(chunks.filter((c) => c.startsWith('stance-'))).toHaveLength(1);
      await page.close();
    } finally {
      await cdp.send('Debugger.resume').catch(() => undefined);
      await cdp.send('Debugger.disable').catch(() => undefined);
    }
  });

  if (kind === 'chromium') it('a worker that dies mid-job: the page labels the rest, same labels; the next page restarts it', async () => {
    const worker = await serviceWorker();
    await worker.client.send('Debugger.enable');
    await worker.client.send('Debugger.pause');
    const { page, marks } = await openAndCheck(600, async (p) => {
      // Once the thread is built the job has gone out (same task); then the worker is closed.
      void p.waitForFunction(() => performance.getEntriesByName('comment-lens:thread').length > 0, { timeout: 60_000, polling: 20 })
        .then(() => worker.close());
    });
    expect(marks).toEqual(expect.arrayContaining(['comment-lens:labels-fallback', 'comment-lens:labels-local']));
    await page.close();
    // runtime.connect starts a new worker: background labelling again
    const next = await openAndCheck(250);
    expect(next.marks).toContain('comment-lens:labels-remote');
    await next.page.close();
  });
});
