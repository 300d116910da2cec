// The refined pass: the fast engine's features and rules plus the sentence encoder, through the
// trained head (encoder/head.ts). Embeddings come from a function the caller gives (the Node
// encoder, the extension's background, or precomputed vectors in training), so this file stays
// pure. A reply whose parent took a side still inherits meaning from it, as in the fast engine.
import type { Article, StanceLabel, Thread } from '../parser/types';
import type { ArticleContext } from './context';
import { decide, type Engine, type ParentInfo } from './engine';
import { AGREE_ORDER, HEAD_CLASSES, RELATION_CLASSES, commentProbs, headCues, headInputs, headProbs, loadHead, personalVoice, relationProbs, similarities, stackInputs, stackKind, stackProbs, withRelation, wordingLogp, type Head, type HeadData } from './encoder/head';
import { leaveOneOutShifts, shifted } from './discussion';
import { isBlank } from './language';
import { explain } from './cues';
import type { Features } from './features';
import type { Opinion } from './opinion';

function argmaxOf(p: ArrayLike<number>): number {
  let b = 0;
  for (let c = 1; c < p.length; c++) if (p[c]! > p[b]!) b = c;
  return b;
}

/** no text to read, or none it answers (Refiner.fastLabel) */
const nothingToRead = ({ ctx, text }: { ctx: ArticleContext; text: string }): boolean => isBlank(text) || (ctx.source !== undefined && isBlank(ctx.source));

export type EmbedFn = (texts: string[]) => Promise<Float32Array[]>;
const LEAD_CHARS = 600;

/** What the comments are set against: the title and the lead (first paragraphs), or the topic / post. */
export function articleText(article: Article | string): string {
  if (typeof article === 'string') return article;
  const parts = [article.title ?? ''];
  for (const p of article.paragraphs) {
    if (parts.join(' ').length >= LEAD_CHARS) break;
    parts.push(p);
  }
  return parts.join('\n').trim();
}

export interface RefineInput {
  ctx: ArticleContext;
  text: string;
  u: Float32Array;
  a: Float32Array;
  parent?: ParentInfo;
  /** the parent's embedding: needed with a parent wherever the kind's stacker reads similarities (needsParentVector) */
  pu?: Float32Array;
}

export class Refiner {
  readonly head: Head;
  constructor(readonly engine: Engine, head: Head | HeadData) {
    this.head = 'w' in head ? head : loadHead(head);
  }

  /**
   * The comment's own probabilities (HEAD_CLASSES order) and what went into them: the head's, and
   * when the head ships a stacker, its second level over the head's and the fast engine's
   * probabilities (fast: the fast pass's model with its opinion layer) for the thread's kind.
   */
  direct(ctx: ArticleContext, text: string, u: Float32Array, a: Float32Array, parentText?: string, pu?: Float32Array): { p: Float64Array; f: Features; op: Opinion | null; x: Float32Array; head: Float64Array; fast: number[]; rel: Float64Array | null } {
    const f = this.engine.features(ctx, text, parentText);
    const { pd: fast, op } = this.engine.directOpinion(ctx, f);
    const x = headInputs(u, a, f, op, wordingLogp(this.head.wording, f));
    const head = headProbs(this.head, x);
    const s = this.head.stack;
    let p = head;
    let rel: Float64Array | null = null;
    if (s) {
      const kind = this.kindOf(ctx, parentText !== undefined);
      // how the comment relates to the text it answers (a quoted comment, a post), as the fast
      // engine's agreement model reads it, and the comment layer: each only where this kind's
      // stacker weighs it (a news page's product weighs neither)
      const agr = ctx.source && this.weighs(kind, 'agreement-') ? this.engine.agreementFrom(this.engine.features(null, text, ctx.source), false).probs : null;
      const comment = this.weighs(kind, 'comment-') ? commentProbs(this.head, u, f) : null;
      let sim: [number, number] | null = null;
      if (this.weighs(kind, 'sim-')) {
        // training read every reply against its parent's vector: where it weighs, a missing one is the caller's bug
        if (parentText !== undefined && !pu && this.weighs(kind, 'sim-parent')) throw new Error('refined pass: this kind of thread needs the parent comment\'s embedding');
        sim = similarities(u, a, parentText === undefined ? undefined : pu);
      }
      p = stackProbs(s, kind, stackInputs(head, fast, parentText !== undefined, op, agr ? AGREE_ORDER.map((a) => agr[a]) : null, comment, sim), head, fast);
      // answering a person (a quoted comment in the first or second person), the reply's relation to them has its say
      if (kind === 'post' && this.head.relation && personalVoice(ctx.source ?? '')) {
        rel = relationProbs(this.head, u, a);
        if (rel) p = withRelation(p, rel, this.head.relation.mix);
      }
    }
    return { p, f, op, x, head, fast, rel };
  }

  /** The stacker's kind for a comment in this context (a head without a 'nested' stacker reads nested replies as the post's). */
  private kindOf(ctx: ArticleContext, nested: boolean): string {
    const kind = stackKind(ctx, nested);
    return kind === 'nested' && !this.head.stack?.kinds.includes(kind) ? 'post' : kind;
  }

  /** whether a reply in this context is read against its parent's embedding too (RefineInput.pu) */
  needsParentVector(ctx: ArticleContext): boolean {
    return this.weighs(this.kindOf(ctx, true), 'sim-parent');
  }

  /** whether the stacker gives the fast engine's probabilities any weight for this comment */
  private usesFast(ctx: ArticleContext, nested: boolean): boolean {
    return this.weighs(this.kindOf(ctx, nested), 'fast-');
  }

  private readonly weighed = new Map<string, boolean>();
  /** whether the stacker of this kind of thread gives its inputs named `prefix`… any weight */
  private weighs(kind: string, prefix: string): boolean {
    const key = `${kind} ${prefix}`;
    let w = this.weighed.get(key);
    if (w === undefined) {
      const s = this.head.stack;
      const k = s ? s.kinds.indexOf(kind) : -1;
      w = !!s && k >= 0 && s.w[k]!.some((v, j) => v !== 0 && s.inputs[j % s.inputs.length]!.startsWith(prefix));
      this.weighed.set(key, w);
    }
    return w;
  }

  classify(input: RefineInput): StanceLabel {
    if (nothingToRead(input)) return this.fastLabel(input);
    return this.finish(input, this.direct(input.ctx, input.text, input.u, input.a, input.parent?.text, input.pu));
  }

  /**
   * A comment with no text (an image, a sticker), or one answering no text at all (an empty
   * article and no parent), gives the encoder nothing to read or nothing to set it against: its
   * embedding would be the empty string's, and its label a guess the encoder would claim. The
   * fast pass's label stands, marked as the fast pass's, and it takes no part in a discussion's lean.
   */
  private fastLabel({ ctx, text, parent }: RefineInput): StanceLabel {
    return this.engine.classify(ctx, text, parent);
  }

  /**
   * Lines that may share a discussion (classify's input): each comment is read alone, then, in the
   * kinds the head adapts (discussion.ts), each comment with a `discussion` key is re-weighted by the
   * estimated class mix of the others with the same key. Without a key, alone in its discussion, or in
   * a kind not adapted, a line gets what classify() gives.
   */
  classifyAll(inputs: readonly (RefineInput & { discussion?: string })[]): StanceLabel[] {
    const d = this.head.stack?.discussion;
    const read = inputs.map((input) => (nothingToRead(input) ? null : this.direct(input.ctx, input.text, input.u, input.a, input.parent?.text, input.pu)));
    const shifts: (Float64Array | undefined)[] = new Array(inputs.length);
    if (d) {
      const groups = new Map<string, number[]>();
      inputs.forEach((input, i) => {
        const kind = stackKind(input.ctx);
        if (input.discussion === undefined || !d.kinds.includes(kind) || read[i] === null) return;
        const key = `${kind}\u0000${input.discussion}`;
        const g = groups.get(key);
        if (g) g.push(i);
        else groups.set(key, [i]);
      });
      for (const idx of groups.values()) {
        if (idx.length < 2) continue; // alone: nothing else to read it with
        const prior = d.prior[d.kinds.indexOf(stackKind(inputs[idx[0]!]!.ctx))]!;
        const sh = leaveOneOutShifts(idx.map((i) => read[i]!.p), prior, d.power, d.m, d.iters);
        idx.forEach((i, j) => (shifts[i] = sh[j]));
      }
    }
    return inputs.map((input, i) => (read[i] === null ? this.fastLabel(input) : this.finish(input, read[i]!, shifts[i])));
  }

  private finish({ ctx, parent }: RefineInput, read: ReturnType<Refiner['direct']>, shift?: Float64Array): StanceLabel {
    const { f, op, x } = read;
    const alone = argmaxOf(read.p);
    const pd = shift ? shifted(read.p, shift) : read.p;
    const pl = parent?.label;
    // as the fast engine: agreeing keeps the parent's side, disagreeing swaps it (engine.ts decide)
    const { p, g, derived, agr, best, rhetorical } = decide([...pd], f, pl, () => this.engine.agreementFrom(f, false).probs, this.engine.alpha, this.engine.rhetoricalMin);
    const cues = headCues(this.head, x, f, op, best);
    const rel = read.rel;
    if (rel && best < RELATION_CLASSES && argmaxOf(rel) === best) {
      // the relation layer read the reply as this: its pull, as a centred log-probability under its weight in the pool
      const mean = (Math.log(rel[0]!) + Math.log(rel[1]!) + Math.log(rel[2]!)) / 3;
      const weight = Math.round(this.head.relation!.mix * (Math.log(rel[best]!) - mean) * 1000) / 1000;
      const cue = { rule: 'reply-relation', reason: `the sentence encoder reads the reply against the comment it answers as ${['agreeing with it', 'disagreeing with it', 'neither agreeing nor disagreeing'][best]}`, weight };
      const at = cues.findIndex((c) => c.weight < weight);
      cues.splice(at < 0 ? cues.length : at, 0, cue);
    }
    if (op && best <= 1 && op.shift[best]! > 0) {
      // As in the fast pass, the opinion cues that pushed toward this side come first.
      const oc = op.cues(best === 0 ? 0 : 1).filter((c) => !cues.some((h) => h.rule === c.rule && h.text === c.text));
      cues.unshift(...oc);
    }
    if (rhetorical) cues.unshift({ rule: 'rhetorical-form', text: '?', reason: 'a question that argues rather than asks, so it counts as a position', weight: Math.round(p[best]! * 1000) / 1000 });
    let via: string | undefined;
    if (derived && agr && g * derived[best]! > (1 - g) * pd[best]!) {
      const agreeing = agr.agree >= agr.disagree;
      via = parent?.id;
      cues.unshift({
        rule: agreeing ? 'reply-agrees' : 'reply-disagrees',
        reason: `${agreeing ? 'agrees with' : 'disagrees with'} a comment that ${pl!.label === 'support' ? 'supports' : 'opposes'} it`,
        weight: Math.round(g * derived[best]! * 1000) / 1000,
      });
    }
    if (shift && best !== alone && best === argmaxOf(pd)) {
      // the discussion, not the comment alone, tipped it: say so first
      cues.unshift({ rule: 'discussion-lean', reason: `more of the other replies to the same text read as ${HEAD_CLASSES[best]} than usual, which tipped a close call`, weight: Math.round((pd[best]! - read.p[best]!) * 1000) / 1000 });
    }
    if (cues.length === 0 && this.usesFast(ctx, parent !== undefined)) {
      // the fast pass had a say in this kind of thread: its cues for the label, if any
      cues.push(...explain(this.engine.stance, f, this.engine.stance.classes.indexOf(HEAD_CLASSES[best]!)).slice(0, 2));
    }
    if (cues.length === 0) cues.push({ rule: 'weak-evidence', reason: 'no clear cue; the label is a guess', weight: 0 });
    const out: StanceLabel = { label: HEAD_CLASSES[best]!, confidence: Math.round(Math.min(1, Math.max(0, p[best]!)) * 1000) / 1000, cues, pass: 'refined' };
    if (via !== undefined) out.via = via;
    return out;
  }

  /**
   * Refines a thread's labels: comments in `order` (visible first, say; default page order), each
   * batch embedded then labelled, its replies seeing the parent's newest label. `onLabel` hears each
   * new label; `signal` stops between batches. Deleted / private slots and comments with no text keep their label.
   */
  async refineThread(thread: Thread, fast: readonly StanceLabel[], embed: EmbedFn, opts: { order?: readonly number[]; batch?: number; onLabel?: (i: number, l: StanceLabel) => void; signal?: AbortSignal } = {}): Promise<StanceLabel[]> {
    const labels = [...fast];
    const ctx = this.engine.prepare(thread.article);
    if (ctx.source !== undefined && isBlank(ctx.source)) return labels; // no article found: nothing to read the comments against
    const [a] = await embed([articleText(thread.article)]);
    const byId = new Map(thread.comments.map((c, i) => [c.id, i]));
    // deleted / private slots and comments with no text keep their fast label (fastLabel)
    const order = (opts.order ?? thread.comments.map((_, i) => i)).filter((i) => !thread.comments[i]!.placeholder && !isBlank(thread.comments[i]!.text));
    const B = opts.batch ?? 32;
    const parentOf = (i: number): number | undefined => {
      const id = thread.comments[i]!.parentId;
      return id === undefined ? undefined : byId.get(id);
    };
    // Embeddings by comment: a reply's parent is embedded with the reply's batch when this kind
    // of thread reads replies against their parents, and kept for its own turn.
    const vectors = new Map<number, Float32Array>();
    const withParents = this.needsParentVector(ctx);
    for (let s = 0; s < order.length; s += B) {
      if (opts.signal?.aborted) break;
      const idx = order.slice(s, s + B);
      const need = new Set(idx.filter((i) => !vectors.has(i)));
      if (withParents) for (const i of idx) {
        const pi = parentOf(i);
        if (pi !== undefined && !vectors.has(pi)) need.add(pi);
      }
      const todo = [...need];
      const vs = todo.length === 0 ? [] : await embed(todo.map((i) => thread.comments[i]!.text));
      if (opts.signal?.aborted) break;
      todo.forEach((i, k) => vectors.set(i, vs[k]!));
      idx.forEach((i) => {
        const c = thread.comments[i]!;
        const pi = parentOf(i);
        const parent = pi === undefined ? undefined : { id: thread.comments[pi]!.id, text: thread.comments[pi]!.text, label: labels[pi] };
        const pu = pi === undefined || !withParents ? undefined : vectors.get(pi);
        labels[i] = this.classify({ ctx, text: c.text, u: vectors.get(i)!, a: a!, ...(parent ? { parent } : {}), ...(pu ? { pu } : {}) });
        opts.onLabel?.(i, labels[i]!);
      });
      if (!withParents) vectors.clear();
    }
    return labels;
  }
}
