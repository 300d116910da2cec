// The toolbar popup: turn Comment Lens on or off for the current site. The tab's address is
// readable here through "activeTab" (granted by this click), so no "tabs" permission is needed.
import browser from 'webextension-polyfill';
import { isSiteEnabled, normalizeHost, withSite } from '../options/schema';
import { loadSettings, updateSettings } from '../options/storage';
import { t } from '../ui/i18n';
import { localize } from '../ui/i18n-dom';

localize(document);

async function main(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const site = document.getElementById('site')!;
  let host = '';
  try {
    const url = new URL(tab?.url ?? '');
    if (url.protocol === 'http:' || url.protocol === 'https:') host = normalizeHost(url.hostname);
  } catch {
    /* no readable address: a browser page */
  }
  if (!host) {
    site.textContent = t('popupNotWeb');
    return;
  }
  site.textContent = host;
  const box = document.getElementById('enabled') as HTMLInputElement;
  box.checked = isSiteEnabled(await loadSettings(), host);
  document.getElementById('toggle-row')!.hidden = false;
  box.addEventListener('change', () => void updateSettings((s) => withSite(s, host, box.checked)));
}

document.getElementById('open-options')!.addEventListener('click', () => {
  void browser.runtime.openOptionsPage();
  window.close();
});
void main();
