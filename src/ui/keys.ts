// Keyboard shortcuts as a pure table: a key event -> an action name. The listener lives in
// keyboard.ts; this part is unit-tested.
import { t } from './i18n';

export type KeyAction = 'next' | 'previous' | 'toggle' | 'collapse-all' | 'help';

export interface KeyLike {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

export function keyAction(e: KeyLike): KeyAction | null {
  // Browser and OS shortcuts (Ctrl+C, Cmd+K…) are never ours.
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  switch (e.key) {
    case 'j':
      return e.shiftKey ? null : 'next';
    case 'k':
      return e.shiftKey ? null : 'previous';
    case 'c':
      return e.shiftKey ? null : 'toggle';
    case 'C':
      return e.shiftKey ? 'collapse-all' : null;
    case 'Enter':
      return e.shiftKey ? null : 'toggle';
    case '?':
      return 'help';
    default:
      return null;
  }
}

export interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  type?: string;
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', '']);

/** True while the reader types in the page: no shortcut may fire there. */
export function isTypingTarget(t: TargetLike | null | undefined): boolean {
  if (!t) return false;
  if (t.isContentEditable) return true;
  const tag = (t.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return TEXT_INPUT_TYPES.has((t.type ?? '').toLowerCase());
  return false;
}

/** The next index when moving with j/k, clamped to the list; -1 means "none yet". */
export function step(current: number, count: number, dir: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return dir === 1 ? 0 : count - 1;
  return Math.min(count - 1, Math.max(0, current + dir));
}

export const SHORTCUTS: ReadonlyArray<[string, string]> = [
  [t('shortcutMoveKeys'), t('shortcutMove')],
  [t('shortcutToggleKeys'), t('shortcutToggle')],
  [t('shortcutAllKeys'), t('shortcutAll')],
  [t('shortcutHelpKeys'), t('shortcutHelp')],
];
