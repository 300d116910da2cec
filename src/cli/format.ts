// Plain-text rendering of an analysis for the terminal. Pure: returns strings.
import { STANCES, type Stance } from '../parser/types';
import type { Analysis } from '../pipeline';
import { notLabelled } from '../stance/language';
import { UNSURE_BELOW, topAuthors } from '../summary/summarize';
import { formatGist } from './format-gist';

const BAR_WIDTH = 30;
const MARK: Record<Stance, string> = { support: '█', oppose: '▓', neutral: '░', question: '?' };

export function firstWords(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** One bar per stance, scaled to the largest count, plus a stacked bar of shares. */
export function stanceChart(byStance: Record<Stance, number>, total: number): string[] {
  const max = Math.max(1, ...STANCES.map((s) => byStance[s]));
  const lines = STANCES.map((s) => {
    const n = byStance[s];
    const width = n === 0 ? 0 : Math.max(1, Math.round((n / max) * BAR_WIDTH));
    const pct = total === 0 ? 0 : Math.round((n / total) * 100);
    return `  ${pad(s, 9)} ${String(n).padStart(5)}  ${pad(MARK[s].repeat(width), BAR_WIDTH)} ${String(pct).padStart(3)}%`;
  });
  if (total > 0) {
    const stacked = STANCES.map((s) => MARK[s].repeat(Math.round((byStance[s] / total) * BAR_WIDTH))).join('');
    lines.push(`  ${pad('all', 9)} ${String(total).padStart(5)}  ${stacked}`);
  }
  return lines;
}

export function formatAnalysis(a: Analysis, meta: { platform: string; file?: string }): string {
  const { thread, labels, summary } = a;
  const art = thread.article;
  const out: string[] = [];
  out.push(`Comment Lens — ${meta.file ?? 'input'} (${meta.platform})`);
  const first = art.title ?? art.paragraphs[0] ?? '';
  out.push(`Article: ${firstWords(first, 100) || '(no article text)'}`);
  out.push(`Date: ${art.date ?? 'unknown'}   Source: ${art.source ?? 'unknown'}   Paragraphs: ${art.paragraphs.length}`);
  out.push('');
  const replies = summary.repliesMarked + summary.repliesInferred;
  out.push(
    `${summary.total} comment${summary.total === 1 ? '' : 's'} · ${replies} repl${replies === 1 ? 'y' : 'ies'}` +
      ` (${summary.repliesInferred} inferred) · ${summary.unsure} unsure` +
      (summary.notLabelled ? ` · ${summary.notLabelled} not labelled (language)` : ''),
  );
  out.push(...stanceChart(summary.byStance, summary.total));
  const top = topAuthors(summary, 5)
    .map(([name, n]) => `${name} (${n})`)
    .join(', ');
  if (top) out.push(`Most active: ${top}`);
  out.push(...formatGist(a));
  if (thread.comments.length > 0) {
    out.push('');
    const idWidth = Math.max(2, ...thread.comments.map((c) => c.id.length));
    const replyWidth = Math.max(8, idWidth + 1);
    const authorWidth = Math.min(20, Math.max(6, ...thread.comments.map((c) => c.author.length)));
    out.push(`  ${pad('id', idWidth)}  ${pad('author', authorWidth)}  ${pad('stance', 9)} conf   ${pad('reply to', replyWidth)}  text`);
    thread.comments.forEach((c, i) => {
      const l = labels[i]!;
      // A deleted or private slot has no stance to show, only what it is.
      // A comment in a language the engine does not read has none either: its language instead.
      const lang = notLabelled(l)?.language;
      const stance = c.placeholder ?? (lang ? `(${lang})` : l.label);
      const conf = c.placeholder || lang ? '  –  ' : l.confidence.toFixed(2) + (l.confidence < UNSURE_BELOW ? '?' : ' ');
      const reply = c.parentId ? `${c.parentInferred ? '~' : '↳'}${c.parentId}` : '';
      out.push(
        `  ${pad(c.id, idWidth)}  ${pad(firstWords(c.author || (c.placeholder ? '—' : '(anonymous)'), authorWidth), authorWidth)}  ` +
          `${pad(stance, 9)} ${conf}  ${pad(reply, replyWidth)}  ${firstWords(c.text, 56)}`,
      );
    });
    out.push('');
    out.push('  ~ reply inferred from the text   ↳ reply marked up by the site   ? unsure (low confidence)');
    if (summary.notLabelled) out.push('  (de), (fr)…: not labelled: written in a language the stance engine does not read (English only)');
  }
  return out.join('\n');
}
