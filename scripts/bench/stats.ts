// Small statistics helpers for the bench tables.

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function max(xs: readonly number[]): number {
  return xs.length ? Math.max(...xs) : NaN;
}

/** The browsers a bench scenario runs in: both, or those named in BENCH_BROWSERS (for a quick look). */
export function benchBrowsers(): Array<'chromium' | 'firefox'> {
  const all = ['chromium', 'firefox'] as const;
  const want = process.env.BENCH_BROWSERS?.split(',').map((s) => s.trim());
  return want ? all.filter((b) => want.includes(b)) : [...all];
}
