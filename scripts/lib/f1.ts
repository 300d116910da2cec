// Token-level F1 between two texts, as used to compare our article text with Readability's.
// Tokens: runs of letters/digits, lower-cased; CJK characters count one token each.

export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}]+/gu)) out.push(m[0]);
  return out;
}

/** Harmonic mean of token precision and recall, counting repeated tokens (multiset overlap). */
export function tokenF1(ours: string, reference: string): number {
  const a = tokens(ours);
  const b = tokens(reference);
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of b) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of a) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      overlap++;
      counts.set(t, n - 1);
    }
  }
  const p = overlap / a.length;
  const r = overlap / b.length;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}
