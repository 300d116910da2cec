// The compact form of a batch of labels on the port. A StanceLabel as JSON is ~450 bytes, most of
// it key names and cue reasons that repeat (they come from a fixed rule table), and cue texts
// repeat too ("not", "!", "good news"). Both sides keep two tables per job, grown by each reply:
//
//   pairs  the (rule, reason) pairs new to the job, flattened: [rule, reason, rule, reason, …]
//          (pair k is the k-th pair the job ever sent)
//   texts  the cue texts new to the job (text k likewise)
//   data   one flat array, label after label:
//            null                       a kept comment (no label travels)
//            head, confidence, [via]    head = cues * 8 + (via ? 4 : 0) + stance index
//            then per cue: pairHead, [text index], weight   pairHead = pair * 2 + (text ? 1 : 0)
//
// Unpacking rebuilds each label with the engine's key order ({label, confidence, cues, via?},
// cues {rule, text?, reason, weight}) and checks every value as it reads it: one pass, no copy.
import { isNum, isText, isUpTo } from './guards';
import { STANCES, type Cue, type Stance, type StanceLabel } from '../parser/types';

export type Packed = string | number | null;
export interface PackedBatch {
  pairs: string[];
  texts: string[];
  data: Packed[];
}

export const MAX_PAIRS = 65_536;
export const MAX_CUES = 200;
export const MAX_CUE_CHARS = 4_096;
const MAX_VIA = 2_048;
const STANCE_INDEX = new Map<Stance, number>(STANCES.map((s, i) => [s, i]));

/** The background's side: one per job. */
export class LabelPacker {
  private pairIds = new Map<string, Map<string, number>>();
  private pairCount = 0;
  private textIds = new Map<string, number>();

  /** Packs labels (null: kept) into the strings new to the job and the data. */
  pack(labels: ReadonlyArray<StanceLabel | null>): PackedBatch {
    const pairs: string[] = [];
    const texts: string[] = [];
    const data: Packed[] = [];
    for (const l of labels) {
      if (l === null) {
        data.push(null);
        continue;
      }
      const via = l.via !== undefined;
      data.push(l.cues.length * 8 + (via ? 4 : 0) + STANCE_INDEX.get(l.label)!, l.confidence);
      if (via) data.push(l.via!);
      for (const c of l.cues) {
        let byReason = this.pairIds.get(c.rule);
        if (!byReason) this.pairIds.set(c.rule, (byReason = new Map()));
        let k = byReason.get(c.reason);
        if (k === undefined) {
          byReason.set(c.reason, (k = this.pairCount++));
          pairs.push(c.rule, c.reason);
        }
        if (c.text === undefined) {
          data.push(k * 2, c.weight);
          continue;
        }
        let t = this.textIds.get(c.text);
        if (t === undefined) {
          this.textIds.set(c.text, (t = this.textIds.size));
          texts.push(c.text);
        }
        data.push(k * 2 + 1, t, c.weight);
      }
    }
    return { pairs, texts, data };
  }
}

/** an integer in [0, end) */
const isIndex = (v: unknown, end: number): v is number => isUpTo(v, end - 1);

/** The page's side: one per job. Every value is checked; any misfit makes unpack return null. */
export class LabelUnpacker {
  private rules: string[] = [];
  private reasons: string[] = [];
  private texts: string[] = [];

  /** `count` labels from a batch, or null when the batch is malformed (the job then fails). */
  unpack(pairs: readonly unknown[], texts: readonly unknown[], data: readonly unknown[], count: number): Array<StanceLabel | null> | null {
    if (pairs.length % 2 !== 0 || this.rules.length + pairs.length / 2 > MAX_PAIRS) return null;
    for (let i = 0; i < pairs.length; i += 2) {
      const rule = pairs[i];
      const reason = pairs[i + 1];
      if (!isText(rule, MAX_CUE_CHARS) || !isText(reason, MAX_CUE_CHARS)) return null;
      this.rules.push(rule);
      this.reasons.push(reason);
    }
    for (const t of texts) {
      if (!isText(t, MAX_CUE_CHARS)) return null;
      this.texts.push(t);
    }
    const pairCount = this.rules.length;
    const textCount = this.texts.length;
    const out: Array<StanceLabel | null> = [];
    let p = 0;
    while (out.length < count) {
      if (p >= data.length) return null;
      const head = data[p++];
      if (head === null) {
        out.push(null);
        continue;
      }
      if (!isIndex(head, (MAX_CUES + 1) * 8) || (head & 3) >= STANCES.length) return null;
      const confidence = data[p++];
      if (!isNum(confidence) || confidence < 0 || confidence > 1) return null;
      let via: unknown;
      if (head & 4 && !isText((via = data[p++]), MAX_VIA)) return null;
      const n = head >>> 3;
      const cues: Cue[] = [];
      for (let k = 0; k < n; k++) {
        const ch = data[p++];
        if (!isIndex(ch, pairCount * 2)) return null;
        const pair = ch >>> 1;
        const hasText = (ch & 1) === 1;
        const t = hasText ? data[p++] : 0;
        if (hasText && !isIndex(t, textCount)) return null;
        const weight = data[p++];
        if (!isNum(weight)) return null;
        const rule = this.rules[pair]!;
        const reason = this.reasons[pair]!;
        cues.push(hasText ? { rule, text: this.texts[t as number]!, reason, weight } : { rule, reason, weight });
      }
      const label: StanceLabel = { label: STANCES[head & 3]!, confidence, cues };
      if (head & 4) label.via = via as string;
      out.push(label);
    }
    // Trailing values: the batch is not what its count says.
    return p === data.length ? out : null;
  }
}
