// Labelling RumourEval-style rows the way labelThread labels a page: the source post is the
// article, replies to it are top-level comments, deeper replies see their parent's label.
import type { StanceLabel } from '../../parser/types';
import type { ArticleContext } from '../context';
import type { Engine } from '../engine';
import type { ReplyRow } from './corpus';

export function labelRows(engine: Pick<Engine, 'prepare' | 'classify'>, rows: ReplyRow[]): StanceLabel[] {
  const byId = new Map(rows.map((r, i) => [r.id, i]));
  const ctxs = new Map<string, ArticleContext>();
  const out: (StanceLabel | undefined)[] = new Array(rows.length);
  const visiting = new Set<number>();
  const label = (i: number): StanceLabel => {
    const done = out[i];
    if (done) return done;
    const r = rows[i]!;
    let ctx = ctxs.get(r.thread);
    if (!ctx) ctxs.set(r.thread, (ctx = engine.prepare(r.sourceText)));
    visiting.add(i);
    let result: StanceLabel;
    if (r.parentIsSource) result = engine.classify(ctx, r.text);
    else {
      const pi = r.parentId === null ? undefined : byId.get(r.parentId);
      // A parent missing from the data (or a cycle) still gives its text, just no label.
      const parentLabel = pi !== undefined && !visiting.has(pi) ? label(pi) : undefined;
      result = engine.classify(ctx, r.text, { id: r.parentId ?? undefined, text: r.parentText, label: parentLabel });
    }
    visiting.delete(i);
    out[i] = result;
    return result;
  };
  return rows.map((_, i) => label(i));
}
