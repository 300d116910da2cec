// The one message the content script sends (its comment count, for the toolbar badge).
import { expect, test } from 'vitest';
import { badgeText, isCountMessage } from '../../../src/shared/messages';

test.each([
  [{ type: 'lens:count', total: 12 }, true],
  [{ type: 'lens:count', total: 0 }, true],
  [{ type: 'lens:count', total: -1 }, false],
  [{ type: 'lens:count', total: Number.NaN }, false],
  [{ type: 'lens:count', total: '12' }, false],
  [{ type: 'other', total: 1 }, false],
  [null, false],
  ['lens:count', false],
])('isCountMessage(%j) = %s', (m, ok) => expect(isCountMessage(m)).toBe(ok));

test.each([
  [0, ''],
  [7, '7'],
  [999, '999'],
  [1000, '1k'],
  [1234, '1.2k'],
  [9999, '9.9k'],
  [10000, '10k'],
  [123456, '123k'],
])('badgeText(%d) = %j', (n, text) => expect(badgeText(n)).toBe(text));
