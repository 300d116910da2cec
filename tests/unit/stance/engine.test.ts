// Engine behaviour: negation, question forms, reply inheritance, determinism, honest outputs.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { StanceLabel, Thread } from '../../../src/parser/types';
import { STANCES } from '../../../src/parser/types';
import { StanceEngine, labelThread } from '../../../src/stance/index';

const engine = new StanceEngine();
const ctx = engine.prepare({ title: 'Japan and U.S. start talks on defense industrial cooperation', paragraphs: ['Japan and the United States kicked off talks on military industrial cooperation.'] });
const probs = (text: string): { support: number; oppose: number; neutral: number; question: number } => {
  const p = engine.direct(engine.features(ctx, text));
  return { support: p[0]!, oppose: p[1]!, neutral: p[2]!, question: p[3]! };
};
const opposer = (label: StanceLabel['label'] = 'oppose'): { id: string; text: string; label: StanceLabel } => ({
  id: 'c1', text: 'This is a terrible idea, Japan should stay out of it.', label: { label, confidence: 0.8, cues: [] },
});

describe('negation flips', () => {
  test.each([
    ['This will work.', "This won't work."],
    ['The plan will help.', 'The plan will not help.'],
    ['It is a good deal.', 'It is not a good deal.'],
  ])('%s -> %s moves probability from support to oppose', (plain, negated) => {
    const a = probs(plain);
    const b = probs(negated);
    expect(b.oppose).toBeGreaterThan(a.oppose);
    expect(b.support).toBeLessThan(a.support);
  });
  test.each([
    ["This won't work."],
    ['The plan will not help.'],
    ['It is not a good deal.'],
  ])('%s is oppose', (text) => {
    expect(engine.classify(ctx, text).label).toBe('oppose');
  });
  test('the negated outcome shows as a cue with its words', () => {
    const l = engine.classify(ctx, 'The plan will not help.');
    expect(l.cues).toContainEqual(expect.objectContaining({ rule: 'negated-positive', text: 'not help' }));
  });
});

describe('questions vs rhetorical questions', () => {
  test.each([['When do the talks start?'], ['Does anyone know which missiles they mean?']])('%s asks: question', (text) => {
    expect(engine.classify(ctx, text).label).toBe('question');
  });
  test.each([['Who cares? This deal is a disaster.'], ['Really? This is insane.']])('%s takes a position: oppose', (text) => {
    expect(engine.classify(ctx, text).label).toBe('oppose');
  });
  test('a rhetorical question carries more "oppose" than an information question', () => {
    expect(probs('Why would anyone want this?').oppose).toBeGreaterThan(probs('When do the talks start?').oppose);
  });
});

describe('replies combine with the parent stance', () => {
  test('agreeing with an opposer is oppose, via the parent', () => {
    const l = engine.classify(ctx, 'Exactly, well said.', opposer());
    expect(l).toMatchObject({ label: 'oppose', via: 'c1' });
    expect(l.cues[0]!.rule).toBe('reply-agrees');
  });
  test('disagreeing with an opposer is support, via the parent', () => {
    const l = engine.classify(ctx, 'No, you are wrong.', opposer());
    expect(l).toMatchObject({ label: 'support', via: 'c1' });
    expect(l.cues[0]!.rule).toBe('reply-disagrees');
  });
  test('disagreeing with a supporter is oppose', () => {
    expect(engine.classify(ctx, 'You have no idea what you are talking about.', opposer('support')).label).toBe('oppose');
  });
  test('without the parent, the same words are judged on their own', () => {
    const l = engine.classify(ctx, 'Exactly, well said.');
    expect(l.label).toBe('support');
    expect(l.via).toBeUndefined();
  });
  test('a neutral or question parent passes on no stance', () => {
    expect(engine.classify(ctx, 'Exactly, well said.', opposer('question')).via).toBeUndefined();
  });
  test.each([
    ['Exactly, well said.', 'agree'],
    ['No, you are wrong.', 'disagree'],
  ])('agreement component: %s -> %s', (text, want) => {
    const a = engine.agreement(text, 'Japan should stay out of it.');
    expect(a.label).toBe(want);
    expect(a.confidence).toBeGreaterThan(0.5);
  });
});

describe('labelThread', () => {
  const thread: Thread = {
    article: { paragraphs: ['Japan and the United States kicked off talks on military industrial cooperation.'] },
    comments: [
      { id: 'a', author: 'x', text: "Don't do it Japan! This is a terrible idea." },
      { id: 'b', author: 'y', text: 'No, you are wrong.', parentId: 'a' },
      { id: 'c', author: 'z', text: 'When do the talks start?' },
      { id: 'd', author: 'w', text: 'Exactly, well said.', parentId: 'zzz' }, // parent not in thread
    ],
  };
  test('same order and length, replies see their parent label', () => {
    const labels = labelThread(thread, engine);
    expect(labels.map((l) => l.label)).toEqual(['oppose', 'support', 'question', 'support']);
    expect(labels[1]!.via).toBe('a');
    expect(labels[3]!.via).toBeUndefined();
  });
  test('the default engine gives the same labels', () => {
    expect(labelThread(thread)).toEqual(labelThread(thread, engine));
  });
  test('an empty thread gives no labels', () => {
    expect(labelThread({ article: { paragraphs: [] }, comments: [] })).toEqual([]);
  });
});

describe('outputs are honest and deterministic', () => {
  test('same input, same output, across engine instances', () => {
    const other = new StanceEngine();
    for (const t of ["Don't do it Japan!", 'Exactly.', '', '???', 'ok']) {
      expect(engine.classify(ctx, t)).toEqual(other.classify(other.prepare({ title: 'Japan and U.S. start talks on defense industrial cooperation', paragraphs: ['Japan and the United States kicked off talks on military industrial cooperation.'] }), t));
    }
  });
  test('any text: a stance, confidence in [0,1], cues with reasons', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), fc.option(fc.string({ maxLength: 100 })), (text, parent) => {
      const l = engine.classify(ctx, text, parent === null ? undefined : { id: 'p', text: parent, label: { label: 'oppose', confidence: 0.9, cues: [] } });
      expect(STANCES).toContain(l.label);
      expect(l.confidence).toBeGreaterThanOrEqual(0);
      expect(l.confidence).toBeLessThanOrEqual(1);
      expect(l.cues.length).toBeGreaterThan(0);
      for (const c of l.cues) {
        expect(c.rule).toMatch(/^[a-z-]+$/);
        expect(c.reason.length).toBeGreaterThan(3);
        expect(Number.isFinite(c.weight)).toBe(true);
      }
    }), { numRuns: 300, seed: 7 });
  });
  test('an empty comment is unsure, not confident', () => {
    const l = engine.classify(ctx, '');
    expect(l.confidence).toBeLessThan(0.7);
  });
  test('confidence is higher where the cues are clear', () => {
    expect(engine.classify(ctx, 'When do the talks start?').confidence).toBeGreaterThan(engine.classify(ctx, 'ok').confidence);
  });
});
