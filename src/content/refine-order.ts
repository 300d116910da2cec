// Which comments the refined pass takes, first to last: the ones on screen, then those below it,
// then those above (where the reader came from), each in page order. A comment already refined,
// a deleted or private slot, one with no text (the encoder has nothing to read: Refiner keeps its
// fast label), or one in a language the engine does not read is left out; all of them on a page
// where no article text was found.
import type { StanceLabel, Thread } from '../parser/types';
import { isBlank, notLabelled } from '../stance/language';

/** How far past a comment without a box (hidden, collapsed) a probe looks for one that has one. */
const PROBE_SPAN = 32;

export function refineOrder(thread: Thread, labels: readonly StanceLabel[], elements: readonly Element[], win: Window | null): number[] {
  const height = win?.innerHeight ?? 0;
  const todo: number[] = [];
  // No article text found: the refined pass has nothing to set the comments against (Refiner).
  if (isBlank(thread.article.title ?? '') && thread.article.paragraphs.every(isBlank)) return todo;
  thread.comments.forEach((c, i) => {
    const l = labels[i];
    if (l && l.pass !== 'refined' && !c.placeholder && !isBlank(c.text) && !notLabelled(l)) todo.push(i);
  });
  if (height === 0 || todo.length === 0) return todo;
  // Comments come in page order, and a page lays them out top to bottom: two binary searches find
  // the ones on screen with a few dozen rectangle reads. One read per comment took ~70-150 ms in one
  // task at 10,000 comments in Firefox (each read crosses into the page).
  const box = (k: number): DOMRect | null => {
    for (let j = k; j < Math.min(todo.length, k + PROBE_SPAN); j++) {
      const r = elements[todo[j]!]?.getBoundingClientRect?.();
      if (r && (r.width > 0 || r.height > 0)) return r;
    }
    return null;
  };
  // the first comment not above the screen, then the first one below it (no box: taken as below)
  const top = firstWhere(0, todo.length, (k) => {
    const r = box(k);
    return !r || r.bottom >= 0;
  });
  const bottom = firstWhere(top, todo.length, (k) => {
    const r = box(k);
    return !r || r.top > height;
  });
  return [...todo.slice(top, bottom), ...todo.slice(bottom), ...todo.slice(0, top)];
}

/** The first k in [lo, hi) where `yes` holds, for a `yes` false then true along the range; hi if none. */
function firstWhere(lo: number, hi: number, yes: (k: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (yes(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
