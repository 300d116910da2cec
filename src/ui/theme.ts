// Light or dark, following the page: its painted background when it has one (a dark site in
// a light OS stays dark), else the reader's prefers-color-scheme.
import { isDarkColor } from './format';

export type Theme = 'light' | 'dark';

export function pageTheme(doc: Document): Theme {
  const win = doc.defaultView;
  for (const el of [doc.body, doc.documentElement]) {
    if (!el || !win?.getComputedStyle) continue;
    const dark = isDarkColor(win.getComputedStyle(el).backgroundColor);
    if (dark !== null) return dark ? 'dark' : 'light';
  }
  return win?.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
