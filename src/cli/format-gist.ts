// The gist in the terminal: per stance its representative comments (author and first words) and
// its distinctive phrases with their counts, then the most discussed thread. Pure: returns lines.
import { STANCES } from '../parser/types';
import type { Analysis } from '../pipeline';
import { firstWords } from './format';

export function formatGist(a: Analysis): string[] {
  const { thread, gist } = a;
  const byId = new Map(thread.comments.map((c) => [c.id, c]));
  const out: string[] = ['', 'The gist'];
  let any = false;
  for (const s of STANCES) {
    const g = gist.byStance[s];
    if (g.comments.length === 0 && g.phrases.length === 0) continue;
    any = true;
    out.push(`  ${s}`);
    if (g.phrases.length) out.push(`    phrases: ${g.phrases.map((p) => `"${p.text}" (${p.count})`).join(', ')}`);
    for (const id of g.comments) {
      const c = byId.get(id)!;
      out.push(`    [${id}] ${firstWords(c.author || '(anonymous)', 20)}: ${firstWords(c.text, 80)}`);
    }
  }
  if (!any) out.push('  (too few labelled comments for a gist)');
  const md = gist.mostDiscussed;
  if (md) {
    const split = STANCES.filter((s) => md.byStance[s] > 0).map((s) => `${s} ${md.byStance[s]}`).join(', ');
    out.push(`  most discussed: [${md.rootId}] ${md.size} comments${split ? ` (${split})` : ''}`);
  }
  return out;
}
