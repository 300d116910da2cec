// Which comments the refined pass takes, first to last: the ones on screen, then those below it,
// then those above (where the reader came from), each in page order. A comment already refined,
// a deleted or private slot, or one in a language the engine does not read is left out.
import type { StanceLabel, Thread } from '../parser/types';
import { notLabelled } from '../stance/language';

export function refineOrder(thread: Thread, labels: readonly StanceLabel[], elements: readonly Element[], win: Window | null): number[] {
  const height = win?.innerHeight ?? 0;
  const on: number[] = [];
  const below: number[] = [];
  const above: number[] = [];
  thread.comments.forEach((c, i) => {
    const l = labels[i];
    if (!l || l.pass === 'refined' || c.placeholder || notLabelled(l)) return;
    // One layout for all: the rectangles are read after the last DOM change of the pass.
    const r = elements[i]?.getBoundingClientRect?.();
    if (!r || height === 0) return void below.push(i);
    if (r.bottom < 0) above.push(i);
    else if (r.top > height) below.push(i);
    else on.push(i);
  });
  return [...on, ...below, ...above];
}
