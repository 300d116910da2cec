// The packed form of label replies: unpacking gives back exactly the labels packed (key order
// included), across batches sharing a job's tables; anything malformed is refused.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LabelPacker, LabelUnpacker, MAX_CUES } from '../../../src/shared/label-wire';
import { STANCES, type StanceLabel } from '../../../src/parser/types';
import { labelThread, StanceEngine } from '../../../src/stance/index';
import { sampleThread } from '../background/fake-port';

/** What crosses the port: JSON text. */
const cross = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function roundTrip(batches: Array<Array<StanceLabel | null>>): Array<StanceLabel | null> {
  const packer = new LabelPacker();
  const unpacker = new LabelUnpacker();
  return batches.flatMap((b) => {
    const p = cross(packer.pack(b));
    const got = unpacker.unpack(p.pairs, p.texts, p.data, b.length);
    expect(got).not.toBeNull();
    return got!;
  });
}

test('the engine\'s labels come back identical, key order included, in batches of any size', () => {
  const labels: Array<StanceLabel | null> = labelThread(sampleThread(600), new StanceEngine());
  labels[17] = null;
  labels[18] = null;
  const batches = [labels.slice(0, 1), labels.slice(1, 50), labels.slice(50, 333), labels.slice(333)];
  expect(JSON.stringify(roundTrip(batches))).toBe(JSON.stringify(labels));
});

const arbCue = fc.record(
  { rule: fc.string({ maxLength: 12 }), text: fc.string({ maxLength: 12 }), reason: fc.constantFrom('a', 'b', 'praises it', ''), weight: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { requiredKeys: ['rule', 'reason', 'weight'] },
);
const arbLabel = fc.record(
  { label: fc.constantFrom(...STANCES), confidence: fc.double({ min: 0, max: 1, noNaN: true }), cues: fc.array(arbCue, { maxLength: 6 }), via: fc.string({ maxLength: 8 }) },
  { requiredKeys: ['label', 'confidence', 'cues'] },
);

test('any labels (and kept slots) come back as JSON would carry them', () => {
  fc.assert(
    fc.property(fc.array(fc.array(fc.option(arbLabel, { nil: null }), { minLength: 1, maxLength: 8 }), { maxLength: 5 }), (batches) => {
      // fc.record builds keys in its own order; the packer promises the engine's.
      const norm = batches.map((b) => b.map((l) => l && { label: l.label, confidence: l.confidence, cues: l.cues.map((c) => ('text' in c ? { rule: c.rule, text: c.text, reason: c.reason, weight: c.weight } : { rule: c.rule, reason: c.reason, weight: c.weight })), ...(l.via !== undefined ? { via: l.via } : {}) }));
      expect(JSON.stringify(roundTrip(norm))).toBe(JSON.stringify(cross(norm.flat())));
    }),
  );
});

describe('malformed batches are refused', () => {
  // two labels: support with one cue (pair 0, text 0) and via 'c1'; then a kept slot
  const good = { pairs: ['r', 'why'], texts: ['great'], data: [8 + 4 + 0, 0.5, 'c1', 1, 0, 0.25, null] };
  const unpack = (o: Partial<typeof good> & Record<string, unknown[]>, count = 2) => new LabelUnpacker().unpack(o.pairs ?? good.pairs, o.texts ?? good.texts, o.data ?? good.data, count);
  const withData = (i: number, v: unknown) => ({ data: good.data.map((d, k) => (k === i ? v : d)) });

  test('the good one passes', () => {
    expect(unpack({})).toEqual([{ label: 'support', confidence: 0.5, cues: [{ rule: 'r', text: 'great', reason: 'why', weight: 0.25 }], via: 'c1' }, null]);
  });
  test.each([
    ['an odd pairs list', { pairs: ['r'] }],
    ['a pair that is not text', { pairs: ['r', 3] }],
    ['a text that is not text', { texts: [null] }],
    ['a cue string too long', { texts: ['x'.repeat(5000)] }],
    ['a head beyond the cue bound', withData(0, (MAX_CUES + 1) * 8)],
    ['a negative head', withData(0, -1)],
    ['a fractional head', withData(0, 8.5)],
    ['a head that is text', withData(0, '12')],
    ['confidence above 1', withData(1, 1.5)],
    ['confidence negative', withData(1, -0.1)],
    ['confidence missing (text)', withData(1, 'x')],
    ['via not text', withData(2, 7)],
    ['a pair index out of range', withData(3, 2)],
    ['a pair index far out of range (2^33)', withData(3, 2 ** 33)],
    ['a text index out of range', withData(4, 1)],
    ['a text index negative', withData(4, -1)],
    ['a weight that is not a number', withData(5, '0.25')],
    ['a weight that is NaN', withData(5, NaN)],
    ['data cut short', { data: good.data.slice(0, 5) }],
    ['data left over', { data: [...good.data, null] }],
  ])('%s', (_name, change) => expect(unpack(change as never)).toBeNull());
  test('a count that does not match the data', () => {
    expect(unpack({}, 1)).toBeNull();
    expect(unpack({}, 3)).toBeNull();
  });
  test('a pair or text from another job is not known', () => {
    expect(new LabelUnpacker().unpack([], [], [9, 0.5, 0, 0.1], 1)).toBeNull();
  });
});
