import { expect, test } from 'vitest';
import { isTypingTarget, keyAction, step } from '../../../src/ui/keys';

test.each([
  [{ key: 'j' }, 'next'],
  [{ key: 'k' }, 'previous'],
  [{ key: 'c' }, 'toggle'],
  [{ key: 'Enter' }, 'toggle'],
  [{ key: 'C', shiftKey: true }, 'collapse-all'],
  [{ key: '?', shiftKey: true }, 'help'],
  [{ key: 'j', ctrlKey: true }, null],
  [{ key: 'c', metaKey: true }, null],
  [{ key: 'C', shiftKey: true, altKey: true }, null],
  [{ key: 'J', shiftKey: true }, null],
  [{ key: 'x' }, null],
])('keyAction(%j) = %s', (e, action) => expect(keyAction(e)).toBe(action));

test.each([
  [{ tagName: 'TEXTAREA' }, true],
  [{ tagName: 'input', type: 'text' }, true],
  [{ tagName: 'INPUT', type: 'search' }, true],
  [{ tagName: 'INPUT', type: '' }, true],
  [{ tagName: 'INPUT', type: 'checkbox' }, false],
  [{ tagName: 'SELECT' }, true],
  [{ tagName: 'DIV', isContentEditable: true }, true],
  [{ tagName: 'DIV' }, false],
  [{ tagName: 'BUTTON' }, false],
  [null, false],
])('isTypingTarget(%j) = %s', (t, typing) => expect(isTypingTarget(t)).toBe(typing));

test.each([
  [-1, 5, 1, 0],
  [-1, 5, -1, 4],
  [0, 5, -1, 0],
  [4, 5, 1, 4],
  [2, 5, 1, 3],
  [2, 5, -1, 1],
  [-1, 0, 1, -1],
] as const)('step(%d, %d, %d) = %d', (cur, n, dir, next) => expect(step(cur, n, dir)).toBe(next));
