// Handle scoring and the role assignment over lines, as tables.
import { describe, expect, test } from 'vitest';
import { handleScore, isHandleShaped } from '../../../src/parser/handles';
import { assignRoles } from '../../../src/parser/line-roles';

describe('isHandleShaped', () => {
  test.each<[string, boolean]>([
    ['TaiwanIsNotChina', true], ['user_42', true], ['j.doe', true], ['ann-marie', true], ['山田太郎', true],
    ['Иван_Петров', true], ['أحمد', true], ['Exactly', true], ['Agreed.', true],
    ['two words', false], ['@bob', false], ['> quote', false], ['Agreed!', false], ['...', false], ['___', false],
    ['日本は防衛産業を拡大すべきではない。', false], ['x'.repeat(41), false], ['', false], ['👍', false],
  ])('%s -> %s', (line, want) => {
    expect(isHandleShaped(line)).toBe(want);
  });
});

describe('handleScore: which way a lone token leans', () => {
  test.each<[string, string, string]>([
    // [more handle-like, less handle-like, why]
    ['deanzaZZR', 'obladi', 'CamelCase'],
    ['user_42', 'user', 'underscore and digits'],
    ['obladi', 'Exactly', 'common reply word'],
    ['obladi', 'obladi.', 'trailing period'],
    ['kurisupisu', '42', 'a bare number'],
    ['山田太郎', '日本は防衛産業を拡大すべきではない', 'long run of CJK is a sentence'],
    ['tanaka', 'そう思いますね', 'Japanese sentence ending'],
  ])('%s > %s (%s)', (a, b) => {
    expect(handleScore(a)).toBeGreaterThan(handleScore(b));
  });

  test.each(['obladi', 'SaikoPhysco', 'user_42', '山田太郎', 'Иван'])('%s leans handle', (s) => {
    expect(handleScore(s)).toBeGreaterThan(0);
  });
  test.each(['Exactly', 'Agreed.', 'Yes', 'LOL', 'Nope', 'Thanks', '同意', 'Да', '100'])('%s leans text', (s) => {
    expect(handleScore(s)).toBeLessThan(0);
  });
  test('an author seen elsewhere outweighs a reply-word look', () => {
    expect(handleScore('Exactly', true)).toBeGreaterThanOrEqual(0);
  });
});

describe('assignRoles', () => {
  const H = 2;
  const W = -3; // reply word
  const T = -Infinity; // a sentence: never a handle
  test.each<[string, number[], boolean[] | null]>([
    ['handle then text', [H, T], [true, false]],
    ['text right after a handle even if handle-like', [H, H, H, T], [true, false, true, false]],
    ['reply word after text stays text', [H, T, W, H, T], [true, false, false, true, false]],
    ['the cheaper of two readings wins', [H, T, W, 1, T], [true, false, false, true, false]],
    ['a later word gets a handle only if it pays for it', [H, T, 1, 4, T], [true, false, false, true, false]],
    ['equal words: the earlier one is the handle', [H, T, 1, 1, T], [true, false, true, false, false]],
    ['lone handle: impossible', [H], null],
    ['first line cannot be a handle: impossible', [T, H, T], null],
    ['empty', [], []],
  ])('%s', (_name, scores, want) => {
    expect(assignRoles(scores)).toEqual(want);
  });

  test('every handle is followed by text, the last line is text', () => {
    const scores = Array.from({ length: 500 }, (_, i) => [2, -Infinity, -3, 1, 0.5, 4][(i * 7919) % 6]!);
    scores[0] = 2;
    const roles = assignRoles(scores)!;
    roles.forEach((h, i) => { if (h) expect(roles[i + 1]).toBe(false); });
    expect(roles.at(-1)).toBe(false);
    roles.forEach((h, i) => { if (scores[i] === -Infinity) expect(h).toBe(false); });
  });
});
