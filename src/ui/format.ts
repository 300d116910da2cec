// Pure text and number helpers for the panel and the per-comment tags (unit-tested in Node).
import { STANCES, type Stance, type StanceLabel, type Summary } from '../parser/types';
import { t } from './i18n';

/**
 * "12,345". By hand, not toLocaleString('en-US'): its first call in a page sets up the locale
 * data, 10-15 ms measured in Chromium, on the way to the panel's first progress line.
 */
export function formatCount(n: number): string {
  const r = Math.round(n);
  if (!Number.isFinite(r)) return String(r);
  const digits = String(Math.abs(r));
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, ',');
  return r < 0 ? `-${grouped}` : grouped;
}

/** "1 reply", "2 replies": the count and the right form of the noun. */
export function counted(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** The panel's line after the total: " · 7 replies · 3 inferred · 2 unsure" (parts with 0 left out). */
export function summaryExtras(s: Summary): string {
  const replies = s.repliesMarked + s.repliesInferred;
  const parts = [
    replies > 0 ? counted(replies, t('replyOne'), t('replyMany')) : '',
    s.repliesInferred > 0 ? t('inferredCount', formatCount(s.repliesInferred)) : '',
    s.unsure > 0 ? t('unsureCount', formatCount(s.unsure)) : '',
  ].filter(Boolean);
  return parts.length ? ` · ${parts.join(' · ')}` : '';
}

export function progressText(done: number, total: number): string {
  return t('progress', formatCount(done), formatCount(total));
}

export function readingText(done: number, total: number): string {
  return t('reading', formatCount(done), formatCount(total));
}

export function percent(x: number): string {
  return `${Math.round(Math.min(1, Math.max(0, x)) * 100)}%`;
}

/** Name shown for a comment whose author the page does not give. */
export function authorName(author: string): string {
  return author.trim() || t('anonymous');
}

/** The one-line stub shown in place of a collapsed comment (the "show" button follows it). */
export function stubText(author: string, label: Stance | 'deleted' | 'private' | (string & {})): string {
  return t('stub', authorName(author), label);
}

export function toggleLabel(author: string, collapsed: boolean): string {
  return t(collapsed ? 'toggleShow' : 'toggleCollapse', authorName(author));
}

/** "'won't work' — negated outcome of the plan", strongest cues first. */
export function cueLines(label: StanceLabel, max = 4): string[] {
  return [...label.cues]
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .slice(0, max)
    .map((c) => (c.text ? `“${c.text}” — ${c.reason}` : c.reason));
}

export interface BarSegment {
  stance: Stance;
  count: number;
  share: number; // 0..1
}

/** Segments of the stacked bar in the fixed stance order, empty stances left out. */
export function barSegments(summary: Summary): BarSegment[] {
  if (summary.total === 0) return [];
  return STANCES.filter((s) => summary.byStance[s] > 0).map((s) => ({
    stance: s,
    count: summary.byStance[s],
    share: summary.byStance[s] / summary.total,
  }));
}

/** Text alternative of the bar for screen readers. */
export function barDescription(summary: Summary): string {
  if (summary.total === 0) return t('barNone');
  return STANCES.map((s) => `${t(`stance_${s}`)} ${formatCount(summary.byStance[s])}`).join(', ');
}

/**
 * Is a CSS color dark? Reads "rgb(r, g, b)" / "rgba(r, g, b, a)" as getComputedStyle gives it;
 * a transparent or unreadable value answers null (unknown) so the caller can look further up.
 */
export function isDarkColor(css: string): boolean | null {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/.exec(css);
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  if (alpha < 0.5) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => Number(x) / 255) as [number, number, number];
  // Relative luminance (sRGB approximation is enough to pick a theme).
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.45;
}
