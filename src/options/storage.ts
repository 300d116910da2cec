// Settings in browser.storage.local, one key, read through the schema so a damaged or old
// value never reaches the UI. The only file that talks to storage.
import browser from 'webextension-polyfill';
import { SETTINGS_KEY, parseSettings, type Settings } from './schema';

/** The stored settings, validated; `stored` is a read already under way (content/index.ts). */
export async function loadSettings(stored?: Promise<unknown>): Promise<Settings> {
  const raw = stored ? await stored.catch(() => browser.storage.local.get(SETTINGS_KEY).then((g) => g[SETTINGS_KEY])) : (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  return parseSettings(raw);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
}

/** Read-modify-write of the stored settings. */
export async function updateSettings(change: (s: Settings) => Settings): Promise<Settings> {
  const next = change(await loadSettings());
  await saveSettings(next);
  return next;
}

/** Calls back with the new settings whenever another page or tab changes them. */
export function onSettingsChanged(callback: (s: Settings) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area === 'local' && SETTINGS_KEY in changes) callback(parseSettings(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
