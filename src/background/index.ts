// Background (service worker in Chromium, event page in Firefox): shows each tab's comment
// count on the toolbar button. Nothing else; it makes no request and keeps no data.
import browser from 'webextension-polyfill';
import { badgeText, isCountMessage } from './messages';

browser.runtime.onMessage.addListener((msg: unknown, sender: browser.Runtime.MessageSender) => {
  const tabId = sender.tab?.id;
  if (!isCountMessage(msg) || tabId === undefined) return;
  void browser.action.setBadgeText({ tabId, text: badgeText(msg.total) });
  void browser.action.setBadgeBackgroundColor({ tabId, color: '#57606a' });
});
