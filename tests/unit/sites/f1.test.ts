import { describe, expect, test } from 'vitest';
import { tokenF1, tokens } from '../../../scripts/lib/f1';

describe('token F1', () => {
  test.each([
    ['the cat sat', 'the cat sat', 1],
    ['the cat', 'the cat sat on', 2 / 3],
    ['', '', 1],
    ['dog', '', 0],
    ['a a b', 'a b b', 2 / 3],
  ])('%j vs %j', (a, b, f) => {
    expect(tokenF1(a, b)).toBeCloseTo(f, 5);
  });
  test('CJK characters are one token each, words stay whole', () => {
    expect(tokens('露營 Camping, 2014!')).toEqual(['露', '營', 'camping', '2014']);
  });
});
