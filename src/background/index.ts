// Background (service worker in Chromium, event page in Firefox): shows each tab's comment
// count on the toolbar button, passes messages between a tab's frames (see relay.ts), and
// labels the comments' stances for the content scripts (see label-service.ts).
// It makes no request and keeps no data.
import browser from 'webextension-polyfill';
import type { Engine } from '../stance/engine';
import { loadShippedEngine } from '../shared/model-file';
import { LABEL_PORT, REFINE_HOST_PORT, REFINE_PORT } from '../shared/names';
import { serveLabels } from './label-service';
import { badgeText, isCountMessage } from '../shared/messages';
import { route } from './relay';
import { RefineRelay } from './refine-relay';
import { hostPortConnected, openHost } from './refine-host-link';

browser.runtime.onMessage.addListener((msg: unknown, sender: browser.Runtime.MessageSender) => {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return;
  if (isCountMessage(msg)) {
    void browser.action.setBadgeText({ tabId, text: badgeText(msg.total) });
    void browser.action.setBadgeBackgroundColor({ tabId, color: '#57606a' });
    return;
  }
  const r = route(msg, sender);
  // The receiving frame may be gone (navigated, torn down): nothing to do then.
  if (r) browser.tabs.sendMessage(r.tabId, r.message, { frameId: r.frameId }).catch(() => {});
});

let engine: Promise<Engine> | undefined;

/** The refined pass (sentence encoder), after the fast labels: see refine-relay.ts. */
const refine = new RefineRelay(openHost);

browser.runtime.onConnect.addListener((port) => {
  if (port.name === REFINE_PORT && port.sender?.tab?.id !== undefined) return refine.connect(port);
  // Chromium: the offscreen document that runs the encoder's worker (an extension page: no tab).
  if (port.name === REFINE_HOST_PORT && port.sender?.tab === undefined && port.sender?.url?.startsWith(browser.runtime.getURL(''))) return hostPortConnected(port);
  // Only content scripts in a tab label: the extension's own pages have no use for it.
  if (port.name !== LABEL_PORT || port.sender?.tab?.id === undefined) return;
  // The model is loaded and decoded once per background lifetime, as soon as the first port opens:
  // a page connects on detection, so this overlaps the rest of its content script's loading. A
  // failed load is tried again by the next port.
  const model = (): Promise<Engine> =>
    (engine ??= loadShippedEngine().catch((err: unknown) => {
      engine = undefined;
      throw err;
    }));
  serveLabels(port, model);
  void model().catch(() => {});
});
