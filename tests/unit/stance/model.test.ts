// The shipped model file and the model format: size, loading, and injection of another model.
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { DEFAULT_MODEL, StanceEngine } from '../../../src/stance/index';
import { DENSE, denseIndex } from '../../../src/stance/dense';
import { decodeInt16, encodeInt16, type StanceModel } from '../../../src/stance/model';
import { serialise } from '../../../src/stance/training/logreg';

const here = path.dirname(fileURLToPath(import.meta.url));
const modelPath = path.resolve(here, '../../../src/stance/data/model.json');

/** A hand-made model: 2 hash bits, one dense weight per class; everything else zero. */
function tinyModel(): StanceModel {
  const bits = 2;
  const dim = (1 << bits) + DENSE.length;
  const linear = (classes: string[], set: [string, string, number][]) => {
    const w = new Float32Array(classes.length * dim);
    for (const [cls, feat, v] of set) w[classes.indexOf(cls) * dim + (1 << bits) + denseIndex(feat)] = v;
    return serialise({ classes, hashBits: bits, dim, w, bias: new Float64Array(classes.length), temperature: 1 });
  };
  return {
    version: 1,
    stance: linear(['support', 'oppose', 'neutral', 'question'], [['oppose', 'imperative-against', 4], ['question', 'ends-with-question', 4]]),
    agreement: linear(['agree', 'disagree', 'neutral'], [['agree', 'agree-marker', 4]]),
    reply: { alpha: 1 },
    meta: { note: 'test model' },
  };
}

describe('shipped model', () => {
  test('is under 2 MB', () => {
    expect(statSync(modelPath).size).toBeLessThan(2 * 1024 * 1024);
  });
  test('loads and matches the code\'s feature table', () => {
    expect(DEFAULT_MODEL.stance.dense).toEqual(DENSE.map((f) => f.id));
    expect(() => new StanceEngine()).not.toThrow();
    expect(DEFAULT_MODEL.stance.classes).toEqual(['support', 'oppose', 'neutral', 'question']);
    expect(DEFAULT_MODEL.agreement.classes).toEqual(['agree', 'disagree', 'neutral']);
    expect(DEFAULT_MODEL.reply.alpha).toBeGreaterThanOrEqual(0);
  });
  test('carries no raw text: only numbers and a base64 blob per model', () => {
    for (const part of [DEFAULT_MODEL.stance, DEFAULT_MODEL.agreement]) expect(part.weights).toMatch(/^[A-Za-z0-9+/]*=*$/);
  });
  test('a model whose features do not match the code is refused', () => {
    const bad = tinyModel();
    bad.stance.dense = bad.stance.dense.slice(1);
    expect(() => new StanceEngine(bad)).toThrow(/dense features/);
  });
});

describe('model injection', () => {
  const engine = new StanceEngine(tinyModel());
  const ctx = engine.prepare('anything');
  test.each([
    ["Don't go there", 'oppose'],
    ['Where is it?', 'question'],
  ])('the tiny model decides %s -> %s', (text, want) => {
    expect(engine.classify(ctx, text).label).toBe(want);
  });
  test('with no cue at all the tiny model is unsure and says so', () => {
    const l = engine.classify(ctx, 'plain words');
    expect(l.confidence).toBeCloseTo(0.25, 2);
    expect(l.cues[0]!.rule).toBe('weak-evidence');
  });
});

describe('rhetorical questions', () => {
  // Tiny model: a question mark at the end says "question" strongly; rhetorical wording leans oppose.
  const bits = 2;
  const dim = (1 << bits) + DENSE.length;
  const w = new Float32Array(4 * dim);
  w[3 * dim + (1 << bits) + denseIndex('ends-with-question')] = 4;
  w[1 * dim + (1 << bits) + denseIndex('rhetorical-question')] = 1;
  const stance = serialise({ classes: ['support', 'oppose', 'neutral', 'question'], hashBits: bits, dim, w, bias: new Float64Array(4), temperature: 1 });
  const base = tinyModel();
  // The model's rule alone: the news opinion layer (tested in opinion.test.ts) is switched off.
  const alone = (e: StanceEngine): StanceEngine => Object.assign(e, { opinionStrength: 0 });
  const withRule = alone(new StanceEngine({ ...base, stance, rhetorical: { minStance: 0.01 } }));
  const withoutRule = alone(new StanceEngine({ ...base, stance }));
  const ctx = withRule.prepare('anything');
  test('a question in rhetorical form takes the likelier side, and says why', () => {
    const l = withRule.classify(ctx, 'Why would anyone do that?');
    expect(l.label).toBe('oppose');
    expect(l.cues[0]!.rule).toBe('rhetorical-form');
    expect(withoutRule.classify(ctx, 'Why would anyone do that?').label).toBe('question');
  });
  test('an information question stays a question', () => {
    expect(withRule.classify(ctx, 'When does it open?').label).toBe('question');
  });
  test('a side less likely than the threshold leaves the question alone', () => {
    const strict = alone(new StanceEngine({ ...base, stance, rhetorical: { minStance: 0.5 } }));
    expect(strict.classify(ctx, 'Why would anyone do that?').label).toBe('question');
  });
});

describe('int16 base64 codec', () => {
  test.each([[[]], [[0]], [[1, -1, 32767, -32768]], [[5, 6, 7]]])('round-trips %j', (values) => {
    expect([...decodeInt16(encodeInt16(Int16Array.from(values)))]).toEqual(values);
    expect([...decodeInt16(encodeInt16(Int16Array.from(values)), null)]).toEqual(values); // the portable decoder too
  });
});

describe('the binary model file (packModel / unpackModel)', () => {
  test('round trip: the same weights, the rest of the model as it was', async () => {
    const { packModel, unpackModel } = await import('../../../src/stance/model');
    const m = tinyModel();
    const bytes = packModel(m);
    const back = unpackModel(bytes.buffer.slice(0));
    expect([...(back.stance.weights as Int16Array)]).toEqual([...decodeInt16(m.stance.weights as string)]);
    expect([...(back.agreement.weights as Int16Array)]).toEqual([...decodeInt16(m.agreement.weights as string)]);
    expect({ ...back, stance: { ...back.stance, weights: 0 }, agreement: { ...back.agreement, weights: 0 } })
      .toEqual({ ...m, stance: { ...m.stance, weights: 0 }, agreement: { ...m.agreement, weights: 0 } });
  });

  test('anything else is refused with a reason', async () => {
    const { packModel, unpackModel } = await import('../../../src/stance/model');
    const good = packModel(tinyModel());
    expect(() => unpackModel(new TextEncoder().encode('{"version":1}').buffer)).toThrow(/not a model file/);
    expect(() => unpackModel(good.buffer.slice(0, good.length - 2))).toThrow(/truncated weights/);
    expect(() => unpackModel(good.buffer.slice(0, 20))).toThrow(/truncated/);
    const longer = new Uint8Array(good.length + 2);
    longer.set(good);
    expect(() => unpackModel(longer.buffer)).toThrow(/trailing bytes/);
  });
});
