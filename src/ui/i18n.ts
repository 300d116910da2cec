// UI strings: browser.i18n when the extension runs (the reader's locale, from _locales/), the
// English messages file otherwise (Node: the CLI and the unit tests have no `browser`). One
// messages file is the source for both, so a string cannot differ between them.
import en from '../../public/_locales/en/messages.json';

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const EN = en as Record<string, Message>;

type GetMessage = (key: string, subs?: string[]) => string;

/**
 * The browser's i18n.getMessage, read without webextension-polyfill (it is synchronous, and
 * pages and tests that import the UI have no extension context). Firefox and Chromium both
 * expose `chrome.i18n` to content scripts and extension pages.
 */
function browserMessages(): GetMessage | null {
  const g = globalThis as { browser?: { i18n?: { getMessage?: GetMessage } }; chrome?: { i18n?: { getMessage?: GetMessage } } };
  const fn = g.browser?.i18n?.getMessage ?? g.chrome?.i18n?.getMessage;
  return typeof fn === 'function' ? fn : null;
}

/** The message `key` with $1…$9 filled from `subs`; the key itself if it has no message (a bug the i18n test catches). */
export function t(key: string, ...subs: string[]): string {
  const get = browserMessages();
  if (get) {
    // "" when the key is missing (Chrome and Firefox alike): then the English text, not nothing.
    const got = get(key, subs);
    if (got) return got;
  }
  return format(EN[key], subs) ?? key;
}

/** What getMessage does with a message: named placeholders to their content, then $1…$9, "$$" to "$". */
export function format(m: Message | undefined, subs: readonly string[]): string | undefined {
  if (!m) return undefined;
  const named = m.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (all, name: string) => {
    const ph = m.placeholders?.[name.toLowerCase()];
    return ph ? ph.content : all;
  });
  return named.replace(/\$(\$|[1-9])/g, (_all, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
}
