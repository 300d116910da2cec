import { describe, expect, test } from 'vitest';
import { discussionShift, leaveOneOutShifts, shifted } from '../../../src/stance/discussion';

const PRIOR = [0.2, 0.2, 0.5, 0.1];
const OPPOSING = [0.05, 0.85, 0.08, 0.02];

describe('discussionShift', () => {
  test('a discussion whose comments read as the training mix is left as it is', () => {
    const shift = discussionShift([PRIOR, PRIOR, PRIOR], PRIOR, 0.75, 20, 10);
    for (const v of shift) expect(v).toBeCloseTo(1, 12);
  });

  test('no comments, or power 0, change nothing', () => {
    expect([...discussionShift([], PRIOR, 0.75, 20, 10)]).toEqual([1, 1, 1, 1]);
    expect([...discussionShift([OPPOSING, OPPOSING], PRIOR, 0, 20, 10)]).toEqual([1, 1, 1, 1]);
  });

  test('a discussion that leans one way raises that class and lowers the others', () => {
    const shift = discussionShift(Array(10).fill(OPPOSING), PRIOR, 0.75, 20, 10);
    expect(shift[1]).toBeGreaterThan(1);
    for (const c of [0, 2, 3]) expect(shift[c]).toBeLessThan(1);
  });

  test('more pseudo-comments at the training mix, and fewer comments, move it less', () => {
    const many = discussionShift(Array(10).fill(OPPOSING), PRIOR, 0.75, 5, 10)[1]!;
    const shrunk = discussionShift(Array(10).fill(OPPOSING), PRIOR, 0.75, 50, 10)[1]!;
    const one = discussionShift([OPPOSING], PRIOR, 0.75, 5, 10)[1]!;
    expect(many).toBeGreaterThan(shrunk);
    expect(many).toBeGreaterThan(one);
    expect(one).toBeGreaterThan(1);
  });

  test('a stronger power moves it more', () => {
    const weak = discussionShift(Array(10).fill(OPPOSING), PRIOR, 0.25, 20, 10)[1]!;
    const strong = discussionShift(Array(10).fill(OPPOSING), PRIOR, 0.75, 20, 10)[1]!;
    expect(strong).toBeGreaterThan(weak);
  });
});

test('shifted re-weights and normalises', () => {
  const q = shifted([0.5, 0.5], [3, 1]);
  expect(q[0]).toBeCloseTo(0.75, 12);
  expect(q[1]).toBeCloseTo(0.25, 12);
});

describe('leaveOneOutShifts', () => {
  test('a comment alone is left as it is', () => {
    expect([...leaveOneOutShifts([OPPOSING], PRIOR, 0.5, 10, 10)[0]!]).toEqual([1, 1, 1, 1]);
  });

  test('each comment is moved by the others, not by itself', () => {
    const neutral = [0.1, 0.1, 0.75, 0.05];
    const [forNeutral, forOpposing] = leaveOneOutShifts([neutral, OPPOSING, OPPOSING, OPPOSING], PRIOR, 0.5, 10, 10);
    // the neutral comment's discussion (the three others) opposes
    expect(forNeutral![1]).toBeGreaterThan(1);
    // an opposing comment's others are two opposing and one neutral: less pull toward oppose
    expect(forOpposing![1]).toBeLessThan(forNeutral![1]!);
  });

  test('others at the training mix leave a comment as it is', () => {
    const sh = leaveOneOutShifts([OPPOSING, PRIOR, PRIOR, PRIOR], PRIOR, 0.5, 10, 10)[0]!;
    // the others' mix is the prior, up to the fixed point's small pull from the opposing one
    for (const v of sh) expect(Math.abs(v - 1)).toBeLessThan(0.02);
  });
});
