// Starts the encoder's host for the relay (refine-relay.ts). Firefox's event page can start a
// Worker itself; Chromium's service worker cannot, so it opens an offscreen document (reason
// WORKERS) that starts the worker and connects back on a port named REFINE_HOST_PORT.
import type { Runtime } from 'webextension-polyfill';
import { startRefineWorker } from '../refine/start-worker';
import type { HostLink, OpenHost } from './refine-relay';

export const OFFSCREEN_PAGE = 'src/refine/offscreen.html';

interface Offscreen {
  createDocument(o: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
  hasDocument?(): Promise<boolean>;
}

const offscreen = (): Offscreen | undefined => (globalThis as { chrome?: { offscreen?: Offscreen } }).chrome?.offscreen;

/** The offscreen document's port, when it connects (background/index.ts hands it over). */
let waiting: ((port: Runtime.Port) => void) | null = null;

export function hostPortConnected(port: Runtime.Port): void {
  const take = waiting;
  waiting = null;
  if (take) take(port);
  else port.disconnect(); // nobody asked for a host (a document left from an older background)
}

export const openHost: OpenHost = async (message, gone) => {
  if (typeof Worker === 'function') {
    const worker = startRefineWorker();
    worker.addEventListener('message', (e: MessageEvent) => message(e.data));
    worker.addEventListener('error', (e) => {
      console.warn('[Comment Lens] the refine worker failed', e.message);
      worker.terminate();
      gone();
    });
    return { post: (m) => worker.postMessage(m), close: () => worker.terminate() };
  }
  const api = offscreen();
  if (!api) throw new Error('refine: neither Worker nor chrome.offscreen here');
  // A document left over (a background that stopped while it was closing) is replaced.
  if (await api.hasDocument?.()) await api.closeDocument().catch(() => {});
  const connected = new Promise<Runtime.Port>((resolve) => (waiting = resolve));
  await api.createDocument({ url: OFFSCREEN_PAGE, reasons: ['WORKERS'], justification: 'Runs the sentence encoder of the refined stance pass in a worker.' });
  const port = await connected;
  let open = true;
  port.onMessage.addListener((m: unknown) => message(m));
  port.onDisconnect.addListener(() => {
    if (!open) return;
    open = false;
    gone();
  });
  const link: HostLink = {
    post: (m) => {
      if (open) port.postMessage(m);
    },
    close: () => {
      open = false;
      port.disconnect();
      void api.closeDocument().catch(() => {});
    },
  };
  return link;
};
