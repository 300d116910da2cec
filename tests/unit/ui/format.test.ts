import { describe, expect, test } from 'vitest';
import type { StanceLabel, Summary } from '../../../src/parser/types';
import { barDescription, barSegments, counted, cueLines, formatCount, isDarkColor, progressText, readingText, stubText, summaryExtras, toggleLabel } from '../../../src/ui/format';

const summary = (byStance: Summary['byStance']): Summary => ({
  total: Object.values(byStance).reduce((a, b) => a + b, 0),
  byStance,
  byAuthor: [],
  repliesInferred: 0,
  repliesMarked: 0,
  unsure: 0,
});

describe('text helpers', () => {
  test.each([
    [0, '0'],
    [999, '999'],
    [3200, '3,200'],
    [10000, '10,000'],
    [1234567.4, '1,234,567'],
    [999.5, '1,000'],
    [-4321, '-4,321'],
  ])('formatCount(%d) = %s', (n, s) => expect(formatCount(n)).toBe(s));

  test('formatCount agrees with toLocaleString("en-US") on integers', () => {
    for (const n of [1, 12, 123, 1234, 12345, 123456, 1234567, 98765432, -7, -70000, 2 ** 40]) {
      expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
    }
  });

  test('progress reads like the brief', () => expect(progressText(3200, 10000)).toBe('Labelling 3,200 of 10,000'));
  test('reading progress counts the comment items', () => expect(readingText(3200, 10000)).toBe('Reading 3,200 of 10,000 comments'));

  test.each([
    ['reader_two', 'oppose', 'Comment by reader_two · oppose'],
    ['', 'question', 'Comment by anonymous · question'],
    ['  ', 'support', 'Comment by anonymous · support'],
    ['gone', 'deleted', 'Comment by gone · deleted'],
  ] as const)('stub of %j/%s', (author, label, text) => expect(stubText(author, label)).toBe(text));

  test.each([
    [false, 'Collapse comment by ann'],
    [true, 'Show comment by ann'],
  ])('toggle label when collapsed=%s', (collapsed, text) => expect(toggleLabel('ann', collapsed)).toBe(text));

  test('cue lines: strongest first, quoted words then reason, capped', () => {
    const label: StanceLabel = {
      label: 'oppose',
      confidence: 0.7,
      cues: [
        { rule: 'a', reason: 'weak', weight: 0.1 },
        { rule: 'b', text: "won't work", reason: 'negated outcome of the plan', weight: -0.9 },
        { rule: 'c', reason: 'middle', weight: 0.5 },
      ],
    };
    expect(cueLines(label, 2)).toEqual(['“won\'t work” — negated outcome of the plan', 'middle']);
  });
});

describe('plurals and the totals line', () => {
  test.each([
    [0, '0 replies'],
    [1, '1 reply'],
    [2, '2 replies'],
    [1000, '1,000 replies'],
  ])('counted(%d)', (n, text) => expect(counted(n, 'reply', 'replies')).toBe(text));

  test.each([
    [{ repliesMarked: 0, repliesInferred: 0, unsure: 0 }, ''],
    [{ repliesMarked: 1, repliesInferred: 0, unsure: 0 }, ' · 1 reply'],
    [{ repliesMarked: 3, repliesInferred: 4, unsure: 1 }, ' · 7 replies · 4 inferred · 1 unsure'],
    [{ repliesMarked: 0, repliesInferred: 1, unsure: 2 }, ' · 1 reply · 1 inferred · 2 unsure'],
  ])('%j -> %j', (parts, text) => expect(summaryExtras({ ...summary({ support: 1, oppose: 0, neutral: 0, question: 0 }), ...parts })).toBe(text));
});

describe('bar', () => {
  test('segments keep stance order, drop empty stances, shares sum to 1', () => {
    const segs = barSegments(summary({ support: 1, oppose: 3, neutral: 0, question: 4 }));
    expect(segs.map((s) => s.stance)).toEqual(['support', 'oppose', 'question']);
    expect(segs.reduce((a, s) => a + s.share, 0)).toBeCloseTo(1);
    expect(segs[1]).toMatchObject({ count: 3, share: 3 / 8 });
  });
  test('no comments: no segments, a description that says so', () => {
    const s = summary({ support: 0, oppose: 0, neutral: 0, question: 0 });
    expect(barSegments(s)).toEqual([]);
    expect(barDescription(s)).toBe('No comments');
  });
  test('description names every stance', () =>
    expect(barDescription(summary({ support: 2, oppose: 1, neutral: 0, question: 1200 }))).toBe('support 2, oppose 1, neutral 0, question 1,200'));
});

describe('isDarkColor', () => {
  test.each([
    ['rgb(255, 255, 255)', false],
    ['rgb(0, 0, 0)', true],
    ['rgb(13, 17, 23)', true],
    ['rgba(22, 27, 34, 1)', true],
    ['rgb(240 240 240 / 1)', false],
    ['rgba(0, 0, 0, 0)', null],
    ['transparent', null],
    ['', null],
  ])('%j -> %s', (css, dark) => expect(isDarkColor(css)).toBe(dark));
});
