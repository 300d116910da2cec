// One browser + one demo server + one network log per test file, shared by its tests.
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { startDemoServer, type DemoServer } from '../../../scripts/demo/server';
import { ARTIFACTS, launchWithExtension, type BrowserKind, type LensBrowser } from '../../../scripts/lib/launch';
import { startCatchProxy, type CatchProxy } from './catch-proxy';
import { recordNetwork, type NetworkLog } from './network';

export interface E2eSession {
  kind: BrowserKind;
  lens: LensBrowser;
  server: DemoServer;
  net: NetworkLog;
  proxy: CatchProxy;
  /** a new tab on `url`, recorded by the network log, loaded */
  open(url: string, before?: (page: Page) => Promise<void>): Promise<Page>;
  /** a new tab on one of the extension's own pages (path inside the extension) */
  openExtensionPage(path: string): Promise<Page>;
  reloadExtensionPage(page: Page): Promise<void>;
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startSession(kind: BrowserKind): Promise<E2eSession> {
  const server = await startDemoServer();
  if (server.failures.length) throw new Error(`seeds failed to parse: ${JSON.stringify(server.failures)}`);
  const proxy = await startCatchProxy();
  const lens = await launchWithExtension(kind, { proxyPort: proxy.port });
  const net = await recordNetwork(lens.browser, lens.extensionOrigin);
  const open = async (url: string, before?: (page: Page) => Promise<void>): Promise<Page> => {
    const page = await lens.browser.newPage();
    net.watchPage(page);
    await before?.(page);
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    return page;
  };
  return {
    kind, lens, server, net, proxy, open,
    async openExtensionPage(path) {
      const url = `${lens.extensionOrigin}/${path}`;
      if (kind === 'chromium') return open(url);
      // Firefox over WebDriver BiDi navigates to moz-extension:// pages but never reports the
      // navigation as finished, so goto() times out: start it, then wait for the document itself.
      const page = await lens.browser.newPage();
      await page.goto(url, { timeout: 1_000 }).catch(() => undefined);
      await page.waitForFunction((url) => location.href === url && document.readyState === 'complete',
        { timeout: 15_000, polling: 100 }, url);
      return page;
    },
    async reloadExtensionPage(page) {
      if (kind === 'chromium') {
        await page.reload({ waitUntil: 'load' });
        return;
      }
      await page.evaluate(() => {
        (window as { lensReloadMark?: boolean }).lensReloadMark = true;
        location.reload();
      });
      await page.waitForFunction(() => !(window as { lensReloadMark?: boolean }).lensReloadMark
        && document.readyState === 'complete', { timeout: 15_000, polling: 100 });
    },
    async screenshot(page, name) {
      const safe = name.replace(/[^a-z0-9._-]+/gi, '_');
      await page.screenshot({ path: join(ARTIFACTS, `e2e-${kind}-${safe}.png`) as `${string}.png` });
    },
    async close() {
      await net.stop().catch(() => undefined);
      await lens.close().catch(() => undefined);
      await server.close();
      await proxy.close();
    },
  };
}
