// Messages between the parts, typed by direction. Content script -> background only.

/** How many comments the content script labelled in its tab (0: none, or turned off). */
export interface CountMessage {
  type: 'lens:count';
  total: number;
}

export function isCountMessage(m: unknown): m is CountMessage {
  if (typeof m !== 'object' || m === null) return false;
  const x = m as Record<string, unknown>;
  return x.type === 'lens:count' && typeof x.total === 'number' && Number.isFinite(x.total) && x.total >= 0;
}

/** Toolbar badge text: short enough for the badge ("1.2k" rather than "1234"). */
export function badgeText(total: number): string {
  if (total <= 0) return '';
  if (total < 1000) return String(Math.round(total));
  if (total < 10_000) return `${(Math.floor(total / 100) / 10).toFixed(1).replace(/\.0$/, '')}k`;
  return `${Math.floor(total / 1000)}k`;
}
