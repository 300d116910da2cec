// Fills an extension page (popup, options) from the messages: [data-i18n] gets its text,
// [data-i18n-aria-label] its accessible name, and <html lang> the language the messages are in.
// The English text stays in the HTML as written, so a page opened outside the extension reads.
import { t } from './i18n';

export function localize(doc: Document): void {
  for (const el of doc.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.getAttribute('data-i18n')!);
  for (const el of doc.querySelectorAll<HTMLElement>('[data-i18n-aria-label]')) el.setAttribute('aria-label', t(el.getAttribute('data-i18n-aria-label')!));
  doc.documentElement.lang = t('localeCode');
}
