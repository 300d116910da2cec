// Records every request the browser makes on behalf of the page and of the extension:
// page.on('request') on every page, and in Chromium a CDP Network session on each extension
// target (the service worker, extension pages), including targets that appear later.
import type { Browser, CDPSession, Page, Target } from 'puppeteer-core';

export interface SeenRequest {
  source: string; // "page <url>" or "extension <type> <url>"
  url: string;
}

export interface NetworkLog {
  requests: SeenRequest[];
  /** the extension's requests that leave the browser (anything but its own files, data:, blob:) */
  fromExtension(): SeenRequest[];
  watchPage(page: Page): void;
  stop(): Promise<void>;
}

// Never leave the browser: inline data, object URLs, blank documents.
const INTERNAL = /^(data:|blob:|about:)/;

export async function recordNetwork(browser: Browser, extensionOrigin: string): Promise<NetworkLog> {
  const requests: SeenRequest[] = [];
  const sessions: CDPSession[] = [];
  const watched = new WeakSet<Page>();
  const isCdp = !(await browser.version()).toLowerCase().includes('firefox');

  const watchPage = (page: Page): void => {
    if (watched.has(page)) return;
    watched.add(page);
    page.on('request', (r) => {
      // A content script's request runs in the page's network context; its initiator stack names
      // our extension's script URL (Chromium), so it is told apart from the page's own requests.
      const fromUs = JSON.stringify(r.initiator() ?? {}).includes(extensionOrigin);
      requests.push({ source: `${fromUs ? 'extension content-script' : 'page'} ${page.url()}`, url: r.url() });
    });
  };

  const watchTarget = async (target: Target): Promise<void> => {
    if (target.type() === 'page') {
      const page = await target.page().catch(() => null);
      if (page) watchPage(page);
      return;
    }
    // Service worker and other extension contexts: only CDP sees their traffic.
    if (!isCdp || !target.url().startsWith(extensionOrigin)) return;
    try {
      const session = await target.createCDPSession();
      session.on('Network.requestWillBeSent', (e: { request: { url: string } }) =>
        requests.push({ source: `extension ${target.type()} ${target.url()}`, url: e.request.url }));
      await session.send('Network.enable');
      sessions.push(session);
      // A worker the extension starts (the encoder's, see refine/) is held at its start while a
      // debugger attaches to it: let it run once recorded, or it waits forever (a no-op otherwise).
      await session.send('Runtime.runIfWaitingForDebugger').catch(() => undefined);
    } catch {
      // The worker went idle between the event and the attach; a restarted one is a new target.
    }
  };

  const onTarget = (t: Target): void => void watchTarget(t);
  browser.on('targetcreated', onTarget);
  await Promise.all(browser.targets().map(watchTarget));

  return {
    requests,
    watchPage,
    fromExtension: () => requests.filter((r) => r.source.startsWith('extension')
      && !INTERNAL.test(r.url) && !r.url.startsWith(`${extensionOrigin}/`)),
    stop: async () => {
      browser.off('targetcreated', onTarget);
      await Promise.all(sessions.map((s) => s.detach().catch(() => undefined)));
    },
  };
}
