// The heavy half of the content script, imported only after detectPage found comments:
// settings, the session, and live settings changes (site on/off, badges, position).
import browser from 'webextension-polyfill';
import { isSiteEnabled } from '../options/schema';
import { loadSettings, onSettingsChanged, updateSettings } from '../options/storage';
import type { SiteAdapter } from '../sites/registry';
import type { CountMessage } from '../background/messages';
import { mark, Session } from './session';

export async function start(adapter: SiteAdapter): Promise<void> {
  mark('loaded');
  let settings = await loadSettings();
  mark('settings');
  const host = location.hostname;
  const session = new Session(document, adapter, settings, {
    persist: (change) => void updateSettings((s) => ({ ...s, ...change })).catch(warn),
    count: (total) => {
      const msg: CountMessage = { type: 'lens:count', total };
      // The background may be asleep or absent (options reload); the badge is only a nicety.
      browser.runtime.sendMessage(msg).catch(() => {});
    },
  });
  if (isSiteEnabled(settings, host)) session.start();
  // Lives as long as the page: the reader can turn the site back on from the popup.
  onSettingsChanged((next) => {
    const was = isSiteEnabled(settings, host);
    const now = isSiteEnabled(next, host);
    settings = next;
    session.apply(next);
    if (was && !now) session.stop();
    else if (!was && now) session.start();
  }, new AbortController().signal);
}

function warn(err: unknown): void {
  console.warn('[Comment Lens]', err);
}
