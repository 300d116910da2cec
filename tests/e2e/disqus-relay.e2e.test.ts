// The Disqus embed in Chromium: disqus.com resolves to a local https server (a certificate made
// for this run), and a news page on 127.0.0.1 embeds https://disqus.com/embed/comments/ in a
// frame. The frame's content script labels its comments and reports them to the top frame's
// panel; the top panel's bulk actions reach the frame; turning the site off tears both down.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttp, type RequestListener, type Server } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STANCES, type Stance } from '../../src/parser/types';
import { lensTraces, serializeAsServed, serializeRaw } from './helpers/dom';
import { launchWithExtension, optionsPath, ROOT, type LensBrowser } from '../../scripts/lib/launch';
import { recordNetwork, type NetworkLog } from './helpers/network';
import { clickAction, readCounts, waitForPanel } from '../../scripts/lib/panel';

const PAGES = join(ROOT, 'tests/e2e/pages/disqus');
const HAS_OPENSSL = spawnSync('openssl', ['version']).status === 0;

interface Post { id: string; stance: string | null; collapsed: string | null; visible: boolean }

/** A self-signed certificate for disqus.com, valid one day (the browser ignores its issuer). */
function makeCertificate(dir: string): { key: Buffer; cert: Buffer } {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  const r = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=disqus.com',
    '-addext', 'subjectAltName=DNS:disqus.com', '-keyout', key, '-out', cert], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl req failed: ${r.stderr}`);
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/** Serves one file at one path (what the browser asked is kept for the network check). */
function serveOne(path: string, file: string, seen: string[]): RequestListener {
  const html = readFileSync(join(PAGES, file));
  return (req, res) => {
    seen.push(req.url ?? '');
    const ok = new URL(req.url ?? '/', 'http://x').pathname === path;
    res.writeHead(ok ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(ok ? html : 'not found');
  };
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return (server.address() as AddressInfo).port;
}

// Run in the frame (serialized): the embed's posts and what our attributes say about them.
const readPosts = (): Post[] => [...document.querySelectorAll('li.post')].map((el) => ({
  id: el.id,
  stance: el.getAttribute('data-lens-stance'),
  collapsed: el.getAttribute('data-lens-collapsed'),
  visible: !!el.querySelector('[data-role="message"]')?.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
}));

/** What is left of us in the frame, and whether its document is exactly the one served. */
const frameAsServed = async (): Promise<{ traces: number; same: boolean }> => {
  const served = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
  return {
    traces: document.querySelectorAll('[data-lens-own], comment-lens-tag, #comment-lens, [data-lens-stance], [data-lens-collapsed]').length,
    same: served.documentElement.outerHTML === document.documentElement.outerHTML,
  };
};

describe.skipIf(!HAS_OPENSSL)('Disqus embed relayed to the top panel (Chromium)', () => {
  const seenTop: string[] = [];
  const seenEmbed: string[] = [];
  let dir = '';
  let top: Server;
  let embed: Server;
  let lens: LensBrowser | undefined;
  let net: NetworkLog;
  let tab: Page;
  let newsUrl = '';

  const frame = (): Frame => {
    const f = tab.frames().find((fr) => fr.url().startsWith('https://disqus.com/embed/comments/'));
    if (!f) throw new Error(`no disqus.com frame in ${tab.frames().map((fr) => fr.url()).join(', ')}`);
    return f;
  };
  const posts = (): Promise<Post[]> => frame().evaluate(readPosts);
  /** Waits until the frame's posts satisfy `want` (the relay goes through the background). */
  const waitPosts = async (what: string, want: (p: Post) => boolean): Promise<Post[]> => {
    for (let i = 0; i < 100; i++) {
      const all = await posts();
      if (all.length > 0 && all.every(want)) return all;
      await new Promise((ok) => setTimeout(ok, 100));
    }
    throw new Error(`frame never reached "${what}": ${JSON.stringify(await posts())}`);
  };
  const labelled = (p: Post): boolean => STANCES.includes(p.stance as Stance);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'comment-lens-disqus-'));
    top = createHttp(serveOne('/news', 'news.html', seenTop));
    embed = createHttps(makeCertificate(dir), serveOne('/embed/comments/', 'embed.html', seenEmbed));
    newsUrl = `http://127.0.0.1:${await listen(top)}/news`;
    // The mapped port replaces 443, so the frame's URL (and the manifest match) stay plain disqus.com.
    lens = await launchWithExtension('chromium', {
      extraArgs: [`--host-resolver-rules=MAP disqus.com 127.0.0.1:${await listen(embed)}`, '--ignore-certificate-errors'],
    });
    net = await recordNetwork(lens.browser, lens.extensionOrigin);
    tab = await lens.browser.newPage();
    net.watchPage(tab);
    await tab.goto(newsUrl, { waitUntil: 'load', timeout: 30_000 });
  }, 60_000);

  afterAll(async () => {
    await net?.stop().catch(() => undefined);
    await lens?.close().catch(() => undefined);
    await Promise.all([top, embed].map((s) => s && new Promise((ok) => s.close(ok))));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the frame labels its comments, shows no panel of its own, and the top panel counts them', async () => {
    await waitForPanel(tab);
    const all = await waitPosts('every post labelled', labelled);
    expect(all.map((p) => p.id)).toEqual(['post-101', 'post-102', 'post-103', 'post-104', 'post-105']);
    expect(await frame().evaluate(() => !!document.querySelector('#comment-lens'))).toBe(false);
    // The top page has no comments of its own: its panel shows exactly the frame's labels.
    // ("not-labelled": the frame's comments are English, and frame reports carry no such count.)
    const want = { total: all.length, 'not-labelled': 0, ...Object.fromEntries(STANCES.map((s) => [s, all.filter((p) => p.stance === s).length])) };
    await tab.waitForFunction((n) => document.querySelector('#comment-lens')?.shadowRoot
      ?.querySelector('[data-count="total"]')?.textContent?.trim() === String(n), { timeout: 10_000, polling: 100 }, all.length);
    expect(await readCounts(tab)).toEqual(want);
    // Otherwise the stance chip below could not tell "that stance" from "everything".
    expect(new Set(all.map((p) => p.stance)).size, 'stances among the frame comments').toBeGreaterThanOrEqual(2);
  });

  it('Collapse all in the top panel hides every comment in the frame; Expand all shows them again', async () => {
    await clickAction(tab, 'collapse-all');
    await waitPosts('collapsed and hidden', (p) => p.collapsed === 'true' && !p.visible);
    await clickAction(tab, 'expand-all');
    await waitPosts('expanded and shown', (p) => p.collapsed === 'false' && p.visible);
  });

  it('a stance chip in the top panel collapses that stance in the frame and shows the rest; again shows all', async () => {
    const all = await posts();
    const stance = [...new Set(all.map((p) => p.stance))]
      .sort((a, b) => all.filter((p) => p.stance === b).length - all.filter((p) => p.stance === a).length)[0]!;
    await clickAction(tab, 'filter', stance);
    const after = await waitPosts(`only ${stance} collapsed`,
      (p) => (p.collapsed === 'true') === (p.stance === stance) && p.visible === (p.stance !== stance));
    expect(after.filter((p) => p.visible).length).toBeGreaterThan(0);
    await clickAction(tab, 'filter', stance);
    await waitPosts('all shown again', (p) => p.collapsed === 'false' && p.visible);
  });

  it('turning the site off leaves the page and the frame as served; back on labels both again', async () => {
    const options = await lens!.browser.newPage();
    await options.goto(`${lens!.extensionOrigin}/${optionsPath('chromium')}`, { waitUntil: 'load' });
    try {
      await options.type('[data-setting="newSite"]', '127.0.0.1');
      await options.click('[data-action="site-off"]');
      await tab.bringToFront();
      await tab.waitForFunction(() => !document.querySelector('#comment-lens'), { timeout: 10_000, polling: 100 });
      expect(await lensTraces(tab)).toEqual([]);
      expect(await serializeRaw(tab)).toBe(await serializeAsServed(tab, 'html'));
      // The frame belongs to the top page's site: it tears down too, its posts untouched.
      await waitPosts('no labels left', (p) => p.stance === null && p.collapsed === null && p.visible);
      expect(await frame().evaluate(frameAsServed)).toEqual({ traces: 0, same: true });

      await options.bringToFront();
      const backOn = 'button[aria-label="Turn Comment Lens back on for 127.0.0.1"]';
      await options.waitForSelector(backOn, { timeout: 10_000 });
      await options.click(backOn);
      await tab.bringToFront();
      await waitForPanel(tab);
      const again = await waitPosts('labelled again', labelled);
      await tab.waitForFunction((n) => document.querySelector('#comment-lens')?.shadowRoot
        ?.querySelector('[data-count="total"]')?.textContent?.trim() === String(n), { timeout: 10_000, polling: 100 }, again.length);
    } finally {
      await options.close();
    }
  });

  // Last: it judges everything the browser did in this file.
  it('no request leaves the extension; the pages only asked the two local servers', () => {
    expect.soft(net.fromExtension(), 'requests made by the extension').toEqual([]);
    // The content script's own chunks load from the extension's origin, inside the browser.
    const hosts = new Set(net.requests.filter((r) => r.source.startsWith('page ') && !r.url.startsWith(`${lens!.extensionOrigin}/`))
      .map((r) => new URL(r.url).host));
    expect.soft([...hosts].sort()).toEqual([new URL(newsUrl).host, 'disqus.com'].sort());
    expect.soft(seenEmbed.length, 'the embed server was never asked: the mapping failed').toBeGreaterThan(0);
    // The servers saw nothing but the pages' requests (and the browser's own favicon look-up).
    const asked = new Set(net.requests.map((r) => new URL(r.url).pathname));
    expect.soft([...seenTop, ...seenEmbed].map((u) => new URL(u, 'http://x').pathname)
      .filter((p) => !asked.has(p) && p !== '/favicon.ico'), 'requests no page made').toEqual([]);
  });
});
