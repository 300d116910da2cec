// Training helpers: corpus parsing, folds, metrics and the trainer (on toy data, no corpus needed).
import { describe, expect, test } from 'vitest';
import { foldOf, parseCsv, parseMaskMandate, parseRumourEval, parseVast } from '../../../src/stance/training/corpus';
import { classWeights, train } from '../../../src/stance/training/logreg';
import { calibrationError, report } from '../../../src/stance/training/metrics';
import { fitOffsets, macroF1With } from '../../../src/stance/training/offsets';
import { DENSE } from '../../../src/stance/dense';

describe('corpus parsing', () => {
  test('CSV: quotes, doubled quotes, newlines in fields, CRLF', () => {
    expect(parseCsv('a,b\r\n"x, ""y""","line1\nline2"\r\n')).toEqual([['a', 'b'], ['x, "y"', 'line1\nline2']]);
  });
  test('RumourEval: sources dropped, labels mapped, parent-is-source flagged', () => {
    const line = (o: object): string => JSON.stringify({ thread_id: 't', parent_text: '', source_text: 'S', ...o });
    const rows = parseRumourEval([
      line({ id: 't', is_source: true, label: 'support', text: 'S', parent_id: null }),
      line({ id: 'a', is_source: false, label: 'deny', text: 'no', parent_id: 't' }),
      line({ id: 'b', is_source: false, label: 'query', text: 'why?', parent_id: 'a', parent_text: 'no' }),
    ].join('\n'));
    expect(rows.map((r) => [r.id, r.label, r.parentIsSource])).toEqual([['a', 'oppose', true], ['b', 'question', false]]);
  });
  test('MaskMandate and VAST label codes', () => {
    expect(parseMaskMandate('quote_text,response_text,relation\nq,r,0\nq,r,2\n').map((r) => r.label)).toEqual(['disagree', 'agree']);
    expect(parseVast('Tweet,Target,Stance,seen?\nt,x,0,1\nt,x,1,1\nt,x,2,0\n').map((r) => r.label)).toEqual(['oppose', 'support', 'neutral']);
  });
  test('folds are stable and spread', () => {
    expect(foldOf('hello', 5)).toBe(foldOf('hello', 5));
    const counts = [0, 0, 0, 0, 0];
    for (let i = 0; i < 1000; i++) counts[foldOf(`k${i}`, 5)]!++;
    for (const c of counts) expect(c).toBeGreaterThan(150);
  });
});

describe('metrics', () => {
  test('macro-F1 over classes present in gold, confusion rows = gold', () => {
    const r = report(['a', 'b', 'q'], ['a', 'a', 'b', 'b'], ['a', 'b', 'b', 'b']);
    expect(r.confusion).toEqual([[1, 1, 0], [0, 2, 0], [0, 0, 0]]);
    expect(r.precision[1]).toBeCloseTo(2 / 3);
    expect(r.recall[0]).toBeCloseTo(0.5);
    expect(r.macroF1).toBeCloseTo((2 / 3 + 0.8) / 2);
  });
});

describe('calibration error', () => {
  test('zero when confidence equals accuracy, large when overconfident', () => {
    expect(calibrationError([0.75, 0.75, 0.75, 0.75], [true, true, true, false])).toBeCloseTo(0);
    expect(calibrationError([0.95, 0.95], [false, false])).toBeCloseTo(0.95);
  });
});

describe('trainer', () => {
  const ex = (h: number, y: number) => ({ f: { hashed: [h], hashScale: 1, dense: new Float64Array(DENSE.length) }, y, weight: 1 });
  const data = [...Array(30)].flatMap(() => [ex(1, 0), ex(2, 1), ex(3, 2)]);
  const opts = { classes: ['a', 'b', 'c'], hashBits: 3, epochs: 5, rate: 0.1, l2: 1e-4, priorStrength: 1e-3, seed: 1 };
  test('learns a separable toy set, the same way every time', () => {
    const m = train(data, opts);
    const dim = m.dim;
    expect(m.w[0 * dim + 1]).toBeGreaterThan(m.w[1 * dim + 1]!);
    expect(m.w[2 * dim + 3]).toBeGreaterThan(m.w[0 * dim + 3]!);
    expect([...train(data, opts).w]).toEqual([...m.w]);
  });
  test('class weights balance rare classes (mean 1)', () => {
    const w = classWeights([0, 0, 0, 1], 2, 1);
    expect(w[1]).toBeGreaterThan(w[0]!);
    expect((3 * w[0]! + w[1]!) / 4).toBeCloseTo(1);
  });
});

describe('per-class offsets', () => {
  // Class 1 is rare and its logit always sits 0.5 below class 0: argmax never predicts it.
  const xs = [
    ...[...Array(20)].map(() => ({ z: Float64Array.from([1, 0, 0]), y: 0 })),
    ...[...Array(5)].map(() => ({ z: Float64Array.from([1, 0.5, 0]), y: 1 })),
    ...[...Array(5)].map(() => ({ z: Float64Array.from([0, 0, 1]), y: 2 })),
  ];
  const classes = ['a', 'b', 'c'];
  test('raise a class that argmax never predicts, improving macro-F1', () => {
    const off = fitOffsets(classes, xs, [1]);
    expect(off[1]).toBeGreaterThan(0.5);
    expect(off[0]).toBe(0);
    expect(macroF1With(classes, xs, off)).toBeGreaterThan(macroF1With(classes, xs, [0, 0, 0]));
  });
  test('stay at 0 when nothing is gained', () => {
    const clean = xs.filter((x) => x.y !== 1);
    expect(fitOffsets(classes, clean, [1, 2])).toEqual([0, 0, 0]);
  });
});
