// Labels a thread one comment at a time (labelStage; the background's service feeds a Labeller as
// batches arrive). Parents come earlier and each reply is told its parent's label.
import type { StanceLabel, Thread } from '../parser/types';
import type { Stage } from '../pipeline/stage';
import type { ArticleContext } from './context';
import type { Engine } from './engine';
import { detectLanguage, languageLabel, outsideEngine } from './language';

export class Labeller {
  readonly labels: StanceLabel[] = [];
  private byId = new Map<string, number>();
  private ctx: ArticleContext;

  constructor(
    private engine: Engine,
    private thread: Thread,
  ) {
    this.ctx = engine.prepare(thread.article);
  }

  /** Labels comment i; call with i = 0, 1, 2, … in order. */
  label(i: number): StanceLabel {
    const c = this.thread.comments[i]!;
    if (c.placeholder) return this.keep(i, placeholderLabel(c.placeholder));
    // Here, where the background, the in-page fallback and the CLI all pass, so no path can
    // label what another leaves alone: the engine reads English only (language.ts).
    const lang = detectLanguage(c.text);
    if (outsideEngine(lang)) return this.keep(i, languageLabel(lang!));
    const pi = c.parentId === undefined ? undefined : this.byId.get(c.parentId);
    const parent = pi === undefined ? undefined : this.thread.comments[pi];
    const label = parent
      ? this.engine.classify(this.ctx, c.text, { id: parent.id, text: parent.text, label: this.labels[pi!] })
      : this.engine.classify(this.ctx, c.text);
    this.labels[i] = label;
    this.byId.set(c.id, i);
    return label;
  }

  /** Reuses a label computed earlier for the same comment (live updates keep old labels). */
  keep(i: number, label: StanceLabel): StanceLabel {
    this.labels[i] = label;
    this.byId.set(this.thread.comments[i]!.id, i);
    return label;
  }
}

/**
 * The labelling stage: comment by comment (a unit each). kept[i], where given, is comment i's label
 * from before (a live update, labels the background sent), reused as it is; `fresh` hears each
 * label made here.
 */
export function* labelStage(
  engine: Engine,
  thread: Thread,
  kept: ReadonlyArray<StanceLabel | undefined> = [],
  fresh?: (i: number, label: StanceLabel) => void,
): Stage<StanceLabel[]> {
  const labeller = new Labeller(engine, thread);
  const n = thread.comments.length;
  for (let i = 0; i < n; i++) {
    const k = kept[i];
    if (k) labeller.keep(i, k);
    else {
      const label = labeller.label(i);
      fresh?.(i, label);
    }
    yield { done: i + 1, total: n };
  }
  return labeller.labels;
}

/**
 * A deleted or private slot: counted, never labelled by its words ("[deleted]" is not a
 * stance). Neutral with zero confidence, so it also counts as unsure, and says why.
 */
export function placeholderLabel(kind: 'deleted' | 'private'): StanceLabel {
  return { label: 'neutral', confidence: 0, cues: [{ rule: 'placeholder', reason: `${kind} comment: nothing to read`, weight: 0 }] };
}
