// Background (service worker in Chromium, event page in Firefox): shows each tab's comment
// count on the toolbar button, and passes messages between a tab's frames (see relay.ts).
// It makes no request and keeps no data.
import browser from 'webextension-polyfill';
import { badgeText, isCountMessage } from './messages';
import { route } from './relay';

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
